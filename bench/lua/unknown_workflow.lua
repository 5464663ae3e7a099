-- regenerateAccessKey on a workflow that is not in the seed: 404 ResourceNotFound.
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.arm_post("noSuchWorkflow", "regenerateAccessKey", '{"keyType":"Primary"}')
