-- loader.lua: the entry the module's C glue calls for every message.
-- Returns handle(msg_json, env_json) -> result JSON {"ok": bool, "response": ...}, as ao modules do.
local json = require("json")
local process = require(".process")

-- A process sees no clock (evaluation must be deterministic): os.time() is the message's
-- Timestamp (set by process.handle); os.clock() measures nothing and says so with 0.
os.clock = function() return 0.0 end

return function(msg_json, env_json)
  local msg, env = json.decode(msg_json), json.decode(env_json)
  local ok, response = pcall(process.handle, msg, env)
  return json.encode({ ok = ok, response = response })
end
