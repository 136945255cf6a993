-- dump.lua: `Dump(value)` — a table as Lua-like source text, four spaces per level, keys in a
-- stable order (sequence first, then the rest sorted), cycles marked.
local function sortedKeys(t)
  local n, seq, rest = #t, {}, {}
  for i = 1, n do seq[i] = i end
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then rest[#rest + 1] = k end
  end
  table.sort(rest, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  for _, k in ipairs(rest) do seq[#seq + 1] = k end
  return seq
end

local function key(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  if type(k) == "string" then return string.format("[%q]", k) end
  return "[" .. tostring(k) .. "]"
end

local function dump(value, indent, seen)
  if type(value) == "string" then return string.format("%q", value) end
  if type(value) ~= "table" then return tostring(value) end
  if seen[value] then return "<cycle>" end
  local keys = sortedKeys(value)
  if #keys == 0 then return "{}" end
  seen[value] = true
  local pad = string.rep("    ", indent + 1)
  local lines = {}
  for i, k in ipairs(keys) do
    lines[i] = pad .. key(k) .. " = " .. dump(value[k], indent + 1, seen)
  end
  seen[value] = nil
  return "{\n" .. table.concat(lines, ",\n") .. "\n" .. string.rep("    ", indent) .. "}"
end

return function(value)
  return dump(value, 0, {})
end
