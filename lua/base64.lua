-- base64.lua: base64 (RFC 4648, with padding), `.encode(s [, encoder])` and `.decode(s [, decoder])`;
-- `.makeencoder(c62, c63, pad)` / `.makedecoder(c62, c63, pad)` make the tables for another
-- alphabet's last two characters and padding (e.g. "-", "_" for base64url), as aos's.
local base64 = {}

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

-- An encoder maps each 6-bit value (0..63), and 64 for the padding, to a character code.
function base64.makeencoder(c62, c63, pad)
  local encoder = {}
  for i = 1, 62 do encoder[i - 1] = alphabet:byte(i) end
  encoder[62] = (c62 or "+"):byte()
  encoder[63] = (c63 or "/"):byte()
  encoder[64] = (pad or "="):byte()
  return encoder
end

-- A decoder maps each character code back to its value (the padding's to 64).
function base64.makedecoder(c62, c63, pad)
  local decoder = {}
  for value, code in pairs(base64.makeencoder(c62, c63, pad)) do decoder[code] = value end
  return decoder
end

local standardEncoder, standardDecoder = base64.makeencoder(), base64.makedecoder()

-- The encoder's characters as strings, kept for the standard one.
local function characters(encoder)
  local chars = {}
  for value = 0, 64 do chars[value] = string.char(encoder[value]) end
  return chars
end
local standardChars = characters(standardEncoder)

function base64.encode(s, encoder)
  local chars = encoder and encoder ~= standardEncoder and characters(encoder) or standardChars
  local pad = chars[64]
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    out[#out + 1] = chars[(n >> 18) & 63] .. chars[(n >> 12) & 63]
      .. (b and chars[(n >> 6) & 63] or pad) .. (c and chars[n & 63] or pad)
  end
  return table.concat(out)
end

function base64.decode(s, decoder)
  decoder = decoder or standardDecoder
  -- Characters outside the alphabet (newlines, spaces) are skipped; padding ends the data.
  local values = {}
  for i = 1, #s do
    local value = decoder[s:byte(i)]
    if value == 64 then break end
    if value then values[#values + 1] = value end
  end
  local out = {}
  for i = 1, #values, 4 do
    local n, count = 0, 0
    for j = i, i + 3 do
      n = n << 6
      if values[j] then
        n = n | values[j]
        count = count + 1
      end
    end
    local bytes = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
    out[#out + 1] = bytes:sub(1, count - 1)
  end
  return table.concat(out)
end

return base64
