-- wrk script for load.sh: POSTs the payload mix, one file after the other, to the URL given to
-- wrk, with the bench token in `z-api-token`. Every request is built once, in `init`.
--
-- usage: wrk ... -s mix.lua URL -- LIST_FILE TOKEN
--   LIST_FILE: one payload file path per line (load.sh writes it: every fixture and capture)
--
-- `done` prints one JSON object: requests, duration, errors (non-2xx/3xx answers included) and
-- latency percentiles, which load.sh reads.

local requests = {}
local next_index = 1

function init(args)
  local list, token = args[1], args[2]
  if list == nil or token == nil then
    error("usage: wrk ... -s mix.lua URL -- LIST_FILE TOKEN")
  end
  local headers = { ["Content-Type"] = "application/json", ["z-api-token"] = token }
  for path in io.lines(list) do
    local file = assert(io.open(path, "rb"))
    local body = file:read("*a")
    file:close()
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  if #requests == 0 then
    error(list .. ": no payload files listed")
  end
  -- Threads start at different places of the mix so that they do not send in lockstep.
  next_index = (math.random(#requests) - 1) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, _requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d}, "p50_ms": %.3f, "p90_ms": %.3f, '
      .. '"p99_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
