-- .crypto.util.bytes: conversions between Lua strings and the byte tables ({97, 111}) aos's crypto
-- API passes around, done a slice at a time (string.byte / string.char take at most a few thousand
-- values per call) so a megabyte costs little.
local bytes = {}

local SLICE = 4096

-- The byte values of `s` as a table {b1, b2, ...}.
function bytes.of(s)
  local out, n = {}, #s
  for first = 1, n, SLICE do
    local last = math.min(first + SLICE - 1, n)
    table.move({ string.byte(s, first, last) }, 1, last - first + 1, first, out)
  end
  return out
end

-- How many entries of `t` from 1 on are present, and whether all of them are bytes (0..255).
function bytes.extent(t)
  local n, all_bytes = 0, true
  while true do
    local value = t[n + 1]
    if value == nil then return n, all_bytes end
    if all_bytes and (math.type(value) ~= "integer" or value < 0 or value > 255) then all_bytes = false end
    n = n + 1
  end
end

-- The string of t[1..n] (bytes; n defaults to the first nil).
function bytes.tostring(t, n)
  n = n or bytes.extent(t)
  local parts = {}
  for first = 1, n, SLICE do
    parts[#parts + 1] = string.char(table.unpack(t, first, math.min(first + SLICE - 1, n)))
  end
  return table.concat(parts)
end

-- The one-character strings of `s` as a table {"a", "o"} (aos's asBytes of some results).
function bytes.characters(s)
  local out = {}
  for i = 1, #s do out[i] = s:sub(i, i) end
  return out
end

local LOWER, UPPER = {}, {}
for b = 0, 255 do
  LOWER[string.char(b)] = string.format("%02x", b)
  UPPER[string.char(b)] = string.format("%02X", b)
end

-- `s` in hexadecimal, lowercase unless `upper`.
function bytes.hex(s, upper)
  return (s:gsub(".", upper and UPPER or LOWER))
end

local FROM_HEX = {}
for b = 0, 255 do
  FROM_HEX[string.format("%02x", b)] = b
  FROM_HEX[string.format("%02X", b)] = b
end

-- The bytes of the hex pairs of `hex` as a table, as aos reads hex: a pair that is not hex leaves a
-- hole (nil) at its place; an odd last character is ignored.
function bytes.fromhex(hex)
  local out = {}
  for i = 1, #hex // 2 do
    out[i] = FROM_HEX[hex:sub(2 * i - 1, 2 * i)]
  end
  return out
end

-- The string of the hex pairs of `hex` up to the first pair that is not hex (as a stream of them
-- ends there).
function bytes.hexprefix(hex)
  local valid = hex:match("^%x*")
  return (valid:sub(1, #valid - #valid % 2):gsub("%x%x", function(pair) return string.char(tonumber(pair, 16)) end))
end

return bytes
