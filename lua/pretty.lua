-- .pretty: `tprint(table [, indent])`, a table as indented `key: value` lines (nested tables one
-- space further in), as aos's.
local pretty = { _version = "0.0.1" }

function pretty.tprint(tbl, indent)
  indent = indent or 0
  local out = ""
  for key, value in pairs(tbl) do
    local line = string.rep(" ", indent) .. key .. ": "
    if type(value) == "table" then
      out = out .. line .. "\n" .. pretty.tprint(value, indent + 1)
    else
      out = out .. line .. tostring(value) .. "\n"
    end
  end
  return out
end

return pretty
