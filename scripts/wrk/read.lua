-- An authorized read: the phone's pull when nothing changed since its last one (its cursor and
-- the digest of the directory it holds), as a phone polls.
local token = os.getenv("TOKEN")
-- What Chromium on a phone sends: the server's compression choices are part of the cost.
local accept = "gzip, deflate, br, zstd"
local path = "/api/v1/sync/pull?after=" .. os.getenv("CURSOR") .. "&held=" .. os.getenv("DIRECTORY")
request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept-Encoding"] = accept })
end
