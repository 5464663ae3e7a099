-- Calls a callback URL (path and SAS query in $BENCH_TARGET, fetched by run.sh with curl):
-- 202, the signature is checked against both current keys.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.path = assert(os.getenv("BENCH_TARGET"), "BENCH_TARGET not set")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"order":42}'
