-- base64.lua: standard base64 (RFC 4648, with padding), `.encode(s)` and `.decode(s)`.
local base64 = {}

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local encodeTable, decodeTable = {}, {}
for i = 1, 64 do
  encodeTable[i - 1] = alphabet:sub(i, i)
  decodeTable[alphabet:byte(i)] = i - 1
end

function base64.encode(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    out[#out + 1] = encodeTable[(n >> 18) & 63] .. encodeTable[(n >> 12) & 63]
      .. (b and encodeTable[(n >> 6) & 63] or "=") .. (c and encodeTable[n & 63] or "=")
  end
  return table.concat(out)
end

function base64.decode(s)
  s = s:gsub("[^%w%+/=]", "")
  local out = {}
  for i = 1, #s, 4 do
    local n, count = 0, 0
    for j = i, i + 3 do
      local v = decodeTable[s:byte(j)]
      if v then
        n = (n << 6) | v
        count = count + 1
      else
        n = n << 6
      end
    end
    local bytes = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
    out[#out + 1] = bytes:sub(1, count - 1)
  end
  return table.concat(out)
end

return base64
