-- wrk script for load.sh: POSTs the fixture mix with the bench token in `z-api-token`, every
-- request a new event: the `instanceId` of each payload (or, without one, an added
-- `instanceId`) is made unique per request, so that the gateway stores every request instead
-- of answering duplicates.
--
-- usage: wrk ... -s unique.lua URL -- LIST_FILE TOKEN
--
-- `done` prints one JSON object (requests, duration, errors, latency percentiles).

local templates = {}
local headers = {}
local next_index = 1
local sequence = 0
local thread_tag = ""

function setup(thread)
  -- One tag per wrk thread, so that threads never make the same id.
  thread:set("thread_tag", tostring(math.random(1, 1e9)))
end

function init(args)
  local list, token = args[1], args[2]
  if list == nil or token == nil then
    error("usage: wrk ... -s unique.lua URL -- LIST_FILE TOKEN")
  end
  headers = { ["Content-Type"] = "application/json", ["z-api-token"] = token }
  for path in io.lines(list) do
    local file = assert(io.open(path, "rb"))
    local body = file:read("*a")
    file:close()
    local template, found = body:gsub('("instanceId"%s*:%s*")[^"]*(")', "%1@ID@%2", 1)
    if found == 0 then
      template = body:gsub("^(%s*{)", '%1"instanceId":"@ID@",', 1)
    end
    templates[#templates + 1] = template
  end
  if #templates == 0 then
    error(list .. ": no payload files listed")
  end
  next_index = (math.random(#templates) - 1) % #templates + 1
end

function request()
  local template = templates[next_index]
  next_index = next_index % #templates + 1
  sequence = sequence + 1
  local body = template:gsub("@ID@", "bench-" .. thread_tag .. "-" .. sequence, 1)
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, _requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": {"connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d}, "p50_ms": %.3f, "p90_ms": %.3f, '
      .. '"p99_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
