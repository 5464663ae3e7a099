-- regenerateAccessKey with a keyType the schema refuses: 400 InvalidRequestContent.
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.arm_post("testWorkflowName", "regenerateAccessKey", '{"keyType":"Tertiary"}')
