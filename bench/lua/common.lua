-- Shared by every case script: the ARM request prefix and a done() that writes wrk's summary
-- as one JSON object to $BENCH_OUT (req/s, latency percentiles in microseconds, errors).
local M = {}

M.subscription = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"
M.workflow_path = "/subscriptions/" .. M.subscription ..
    "/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/"

function M.arm_post(workflow, action, body)
    wrk.method = "POST"
    wrk.path = M.workflow_path .. workflow .. "/" .. action .. "?api-version=2019-05-01"
    wrk.headers["Authorization"] = "Bearer bench-token"
    wrk.headers["Content-Type"] = "application/json"
    wrk.body = body
end

function done(summary, latency, requests)
    local out = os.getenv("BENCH_OUT")
    if not out then return end
    local e = summary.errors
    local f = assert(io.open(out, "w"))
    f:write(string.format(
        '{"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.1f,' ..
        '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
        summary.requests, summary.duration, summary.bytes,
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max, latency.mean,
        e.connect, e.read, e.write, e.status, e.timeout))
    f:close()
end

return M
