-- wrk script for load.sh: POSTs the payload mix, one file after the other, to the URL given to
-- wrk, with the bench token in `z-api-token`. Every request is built once, in `init`.
--
-- usage: wrk ... -s mix.lua URL -- LIST_FILE TOKEN   (from the repository root)
--   LIST_FILE: one payload file path per line (load.sh writes it: every fixture and capture)
--
-- `done` prints one JSON object (see payloads.lua), which load.sh reads.

local payloads = dofile("examples/receiver/bench/payloads.lua")
local requests = {}
local next_index = 1

function init(args)
  local bodies, headers = payloads.read(args, "mix.lua")
  for _, body in ipairs(bodies) do
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  next_index = payloads.start(#requests)
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, _requests)
  payloads.report(summary, latency)
end
