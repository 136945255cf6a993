-- loader.lua: the entry the module's C glue calls for every message.
-- Returns handle(msg_json, env_json) -> result JSON {"ok": bool, "response": ...}, as ao modules do.
local json = require("json")
local process = require(".process")

return function(msg_json, env_json)
  local msg, env = json.decode(msg_json), json.decode(env_json)
  local ok, response = pcall(process.handle, msg, env)
  return json.encode({ ok = ok, response = response })
end
