-- eval.lua: the `_eval` handler — runs an owner's `Action = Eval` Data as Lua in the global
-- environment (as an expression if it is one) and prints what it returns. As in aos, a second
-- return value is taken as an error.
local stringify = require(".stringify")

return function(ao)
  return function(msg)
    local code = msg.Data
    local chunk, err = load("return " .. code, "aos", "t", _G)
    if err then chunk, err = load(code, "aos", "t", _G) end
    if not chunk then
      ao.outbox.Error = err
      return
    end
    local output, e = chunk()
    if e then
      ao.outbox.Error = e
      return
    end
    if output ~= nil then
      table.insert(HANDLER_PRINT_LOGS, type(output) == "table" and stringify.format(output) or tostring(output))
    end
  end
end
