-- .crypto.util.hex: stringToHex(s [, per_line [, separator]]) (lowercase; a newline after every
-- `per_line` bytes, `separator` between the others) and hexToString(hex [, unsafe]) (whitespace
-- removed and the text checked unless `unsafe`; "invalid hex string" otherwise), as aos's.
local bytes = require(".crypto.util.bytes")

local function stringToHex(s, per_line, separator)
  if not per_line then return bytes.hex(s) end
  separator = separator or ""
  local parts = {}
  for i = 1, #s do
    local last = i == #s
    parts[i] = string.format("%02x", s:byte(i)) .. (last and "" or (i % per_line == 0 and "\n" or separator))
  end
  return table.concat(parts)
end

local function hexToString(hex, unsafe)
  if not unsafe then
    hex = hex:gsub("%s+", "")
    if hex:find("[^%w]") or #hex % 2 ~= 0 then error("invalid hex string") end
  end
  return (hex:gsub("%x%x", function(pair) return string.char(tonumber(pair, 16)) end))
end

return { stringToHex = stringToHex, hexToString = hexToString }
