-- Logic Apps Standard: the hostruntime regenerateAccessKey with a valid body (200, empty body).
local bench = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/subscriptions/" .. bench.subscription ..
    "/resourceGroups/testResourceGroup/providers/Microsoft.Web/sites/testStandardSite" ..
    "/hostruntime/runtime/webhooks/workflow/api/management/workflows/testStandardWorkflow" ..
    "/regenerateAccessKey?api-version=2022-03-01"
wrk.headers["Authorization"] = "Bearer bench-token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"keyType":"Primary"}'
