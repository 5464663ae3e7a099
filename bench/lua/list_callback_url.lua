-- Workflows_ListCallbackUrl: 200 with a freshly signed callback URL (HMAC-SHA256).
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
bench.arm_post("testWorkflowName", "listCallbackUrl", '{"keyType":"Primary"}')
