-- loader.lua: the entry the module's C glue calls for every message.
-- Returns handle(msg_json, env_json) -> result JSON {"ok": bool, "response": ...}, as ao modules do.
local json = require("json")
local process = require(".process")

-- A process sees no clock (evaluation must be deterministic): os.time() is the message's
-- Timestamp (set by process.handle); os.clock() measures nothing and says so with 0.
os.clock = function() return 0.0 end

-- The heap (KB) after the last full collection. A message that leaves the heap at more than
-- twice that, and a megabyte more, ends with a full collection: without it the garbage of one
-- heavy message (an Eval sending a thousand messages) is still in the heap when the message
-- ends, the next allocations take fresh memory, and the process's memory (what is checkpointed
-- and restored, page by page) grows with garbage. Light messages leave it to Lua's incremental
-- collector, and so is a message whose handle raised (the host throws its state away). It runs
-- before the result is encoded, so that encoding reuses the freed memory.
local settled = collectgarbage("count")

-- The env of every message to a process is the same JSON (the process's and its module's ids,
-- owners and tags), so it is decoded once and the same table handed to every message: decoding it
-- for each was a quarter of a small message's work. It lives in the process's memory like any
-- state, so a restored process has it too.
local lastEnvJson, lastEnv

return function(msg_json, env_json)
  local msg = json.decode(msg_json)
  if env_json ~= lastEnvJson then lastEnvJson, lastEnv = env_json, json.decode(env_json) end
  local env = lastEnv
  local ok, response = pcall(process.handle, msg, env)
  if ok and collectgarbage("count") > 2 * settled + 1024 then
    collectgarbage()
    settled = collectgarbage("count")
  end
  return json.encode({ ok = ok, response = response })
end
