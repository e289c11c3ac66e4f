-- wrk script for load.sh: POSTs the payload mix, one file after the other, to the URL given to
-- wrk, with the bench token in `z-api-token`. Every request is built once, in `init`.
--
-- usage: wrk ... -s mix.lua URL -- LIST_FILE TOKEN   (from the repository root)
--   LIST_FILE: one payload file path per line (load.sh writes it: every fixture and capture)
--
-- `done` prints one JSON object (see payloads.lua), which load.sh reads.

local payloads = dofile("examples/receiver/bench/payloads.lua")
local next_request

function init(args)
  local bodies, headers = payloads.read(args, "mix.lua")
  local requests = {}
  for _, body in ipairs(bodies) do
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  next_request = payloads.cycle(requests)
end

function request()
  return next_request()
end

function done(summary, latency, _requests)
  payloads.report(summary, latency)
end
