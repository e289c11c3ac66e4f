-- What the wrk scripts of both load benchmarks share (examples/receiver/bench/mix.lua and
-- crates/zapi-webhooks-inbox/bench/unique.lua): reading the payload list, the request headers,
-- and the JSON summary their load.sh reads. Loaded with `dofile` from the repository root,
-- where both load.sh scripts run wrk.

local payloads = {}

-- The bodies of the files LIST_FILE names (one path a line) and the headers that carry TOKEN;
-- `script` names the calling script in the usage error.
function payloads.read(args, script)
  local list, token = args[1], args[2]
  if list == nil or token == nil then
    error("usage: wrk ... -s " .. script .. " URL -- LIST_FILE TOKEN")
  end
  local bodies = {}
  for path in io.lines(list) do
    local file = assert(io.open(path, "rb"))
    bodies[#bodies + 1] = file:read("*a")
    file:close()
  end
  if #bodies == 0 then
    error(list .. ": no payload files listed")
  end
  local headers = { ["Content-Type"] = "application/json", ["z-api-token"] = token }
  return bodies, headers
end

-- A function giving the items of `list` one after the other, round and round, from a random
-- place, so that threads do not send in lockstep.
function payloads.cycle(list)
  local index = (math.random(#list) - 1) % #list + 1
  return function()
    local item = list[index]
    index = index % #list + 1
    return item
  end
end

-- Prints one JSON object: requests, duration, bytes, errors (non-2xx/3xx answers included) and
-- latency percentiles in milliseconds.
function payloads.report(summary, latency)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d}, "p50_ms": %.3f, "p90_ms": %.3f, '
      .. '"p99_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

return payloads
