-- process.lua: the process's handle(msg, env). For now a minimal boot: a message with
-- Action = Eval runs its Data as Lua in the global environment; print() output and the returned
-- value become Output.data. The full aos process library replaces this.
local process = {}

local function tag(msg, name)
  for _, t in ipairs(msg.Tags or {}) do
    if t.name == name then return t.value end
  end
end

local function evaluate(code, out)
  local chunk, err = load("return " .. code, "=eval", "t", _G)
  if not chunk then chunk, err = load(code, "=eval", "t", _G) end
  if not chunk then error(err, 0) end
  local results = table.pack(chunk())
  if results.n > 0 and results[1] ~= nil then
    out[#out + 1] = tostring(results[1])
  end
end

function process.handle(msg, env)
  local out = {}
  print = function(...)
    local parts = table.pack(...)
    for i = 1, parts.n do parts[i] = tostring(parts[i]) end
    out[#out + 1] = table.concat(parts, "\t")
  end
  if tag(msg, "Action") == "Eval" then evaluate(msg.Data or "", out) end
  return { Output = { data = table.concat(out, "\n") }, Messages = {}, Spawns = {}, Assignments = {} }
end

return process
