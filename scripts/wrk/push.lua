-- A sync push of one new visit per request, each with its own UUID.
local token = os.getenv("TOKEN")
-- What Chromium on a phone sends: the server's compression choices are part of the cost.
local accept = "gzip, deflate, br, zstd"
local enterprise = os.getenv("ENTERPRISE")
local today = os.getenv("TODAY")
local n = 0
request = function()
  n = n + 1
  local id = string.format("01900000-0000-7000-8000-%012x", n)
  local body = '{"protocol":1,"records":[{"id":"' .. id .. '","kind":"visit","version":1,"device_time_ms":0,'
    .. '"payload":{"enterprise_id":' .. enterprise .. ',"visit_date":"' .. today .. '","purpose":"guidance",'
    .. '"findings":"压力测试走访","follow_up":false}}]}'
  return wrk.format("POST", "/api/v1/sync/push",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token, ["Accept-Encoding"] = accept }, body)
end
