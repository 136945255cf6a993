-- .crypto.cipher.aes: encrypt(data, key [, iv [, mode [, key_bits]]]) and decrypt(hex, key [, iv
-- [, mode [, key_bits]]]) — AES-128/192/256 (default 128) in CBC (the default), ECB, CFB, OFB or
-- CTR mode, as aos's: the data is zero-filled to whole 16-byte blocks (decrypting gives the zeros
-- back), the iv defaults to 16 zero bytes, and ECB enciphers a given iv as a first block. Hex out
-- is uppercase. Computed in the module's C (`ao.cipher`).
local C = require("ao.cipher")
local bytes = require(".crypto.util.bytes")
local result = require(".crypto.util.result")

local MODES = { CBC = true, ECB = true, CFB = true, OFB = true, CTR = true }
local ZERO_IV = string.rep("\0", 16)

local function settings(iv, mode, key_bits)
  if key_bits ~= 192 and key_bits ~= 256 then key_bits = 128 end
  return iv or ZERO_IV, MODES[mode] and mode or "CBC", math.tointeger(key_bits)
end

local aes = {}

function aes.encrypt(data, key, iv, mode, key_bits)
  local initial, chosen, bits = settings(iv, mode, key_bits)
  return result(C.aes(true, chosen, bits, key, initial, data), { upper = true })
end

-- `hex` is read up to its first pair that is not hex, as aos reads it.
function aes.decrypt(hex, key, iv, mode, key_bits)
  local initial, chosen, bits = settings(iv, mode, key_bits)
  return result(C.aes(false, chosen, bits, key, initial, bytes.hexprefix(hex)), { upper = true })
end

return aes
