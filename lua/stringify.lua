-- stringify.lua: how print() shows tables — coloured keys and values, nested tables indented.
-- Sequences of numbers and strings print on one line; other sequences one item per line; any
-- other table as `key = value` lines. Output matches aos byte for byte (the REPL shows it).
local stringify = {}

local colors = { red = "\27[31m", green = "\27[32m", blue = "\27[34m", reset = "\27[0m" }

function stringify.isSimpleArray(t)
  local index = 1
  for k, v in pairs(t) do
    if k ~= index or (type(v) ~= "number" and type(v) ~= "string") then return false end
    index = index + 1
  end
  return true
end

local function scalar(v)
  if type(v) == "string" then return colors.green .. '"' .. v .. '"' .. colors.reset end
  return colors.blue .. tostring(v) .. colors.reset
end

function stringify.format(t, indent, visited)
  indent = indent or 0
  visited = visited or {}
  visited[t] = true
  if stringify.isSimpleArray(t) then
    local items = {}
    for _, v in ipairs(t) do items[#items + 1] = scalar(v) end
    return "{ " .. table.concat(items, ", ") .. " }"
  end

  local pad, childPad = string.rep(" ", indent), string.rep(" ", indent + 2)
  local function show(v)
    if type(v) ~= "table" then return scalar(v) end
    if visited[v] then return "<circular reference>" end
    return stringify.format(v, indent + 2, visited)
  end

  -- Read as a sequence while keys run 1, 2, 3...; at the first other key, start over as a map.
  local lines, asArray, nextIndex = {}, true, 1
  for k, v in pairs(t) do
    if asArray then
      if k == nextIndex then
        nextIndex = nextIndex + 1
        lines[#lines + 1] = childPad .. show(v)
      else
        asArray, lines = false, {}
      end
    end
    if not asArray then
      lines[#lines + 1] = childPad .. colors.red .. k .. colors.reset .. " = " .. show(v)
    end
  end
  if asArray then
    return "{\n" .. table.concat(lines, ",\n") .. "\n" .. pad .. " }"
  end
  return "{\n " .. table.concat(lines, ",\n ") .. "\n" .. pad .. "}"
end

return stringify
