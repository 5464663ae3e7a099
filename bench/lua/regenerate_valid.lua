-- regenerateAccessKey with a valid body: 200, empty body, the primary key rotates.
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.arm_post("testWorkflowName", "regenerateAccessKey", '{"keyType":"Primary"}')
