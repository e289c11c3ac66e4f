-- wrk script for load.sh: POSTs the fixture mix with the bench token in `z-api-token`, every
-- request a new event: the `instanceId` of each payload (or, without one, an added
-- `instanceId`) is made unique per request, so that the gateway stores every request instead
-- of answering duplicates.
--
-- usage: wrk ... -s unique.lua URL -- LIST_FILE TOKEN   (from the repository root)
--
-- `done` prints one JSON object (see examples/receiver/bench/payloads.lua).

local payloads = dofile("examples/receiver/bench/payloads.lua")
local headers = {}
local next_template
local sequence = 0
-- A global, not a local: `thread:set` in `setup` sets the thread's global, which a local of the
-- same name would hide.
thread_tag = ""
local threads = 0

function setup(thread)
  -- One tag per wrk thread and per run, so that neither two threads nor two runs against the
  -- same store make the same id.
  threads = threads + 1
  thread:set("thread_tag", os.time() .. "." .. threads)
end

function init(args)
  local bodies
  bodies, headers = payloads.read(args, "unique.lua")
  local templates = {}
  for _, body in ipairs(bodies) do
    local template, found = body:gsub('("instanceId"%s*:%s*")[^"]*(")', "%1@ID@%2", 1)
    if found == 0 then
      template = body:gsub("^(%s*{)", '%1"instanceId":"@ID@",', 1)
    end
    templates[#templates + 1] = template
  end
  next_template = payloads.cycle(templates)
end

function request()
  local template = next_template()
  sequence = sequence + 1
  local body = template:gsub("@ID@", "bench-" .. thread_tag .. "-" .. sequence, 1)
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, _requests)
  payloads.report(summary, latency)
end
