-- An authorized read: the phone's pull with a cursor in the future (profile and directory only).
local token = os.getenv("TOKEN")
request = function()
  return wrk.format("GET", "/api/v1/sync/pull?since=9999999999999", { ["Authorization"] = "Bearer " .. token })
end
