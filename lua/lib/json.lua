-- json.lua: JSON as aos's `require('json')` does it, on the C codec in the module's glue
-- (module/glue/json.c), since every message goes through it. encode: an empty table or one with
-- a [1] is an array (all keys 1..n), otherwise an object (string keys; function values skipped);
-- numbers print with %.14g. decode: null is nil; errors name the line and column.
local core = require("ao.json")

local json = { _version = "0.2.0" }

-- Not tail calls: errors are reported from here, as aos reports them from its json module.
function json.encode(value)
  local text = core.encode(value)
  return text
end

function json.decode(text)
  local value = core.decode(text)
  return value
end

return json
