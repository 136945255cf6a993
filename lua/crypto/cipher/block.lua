-- .crypto.cipher.block (ours): one AES block cipher as aos's aes128/aes192/aes256 modules are:
-- { blockSize = 16, encrypt(key_array, block_array), decrypt(key_array, block_array) }.
local C = require("ao.cipher")
local bytes = require(".crypto.util.bytes")

return function(bits)
  local function run(encrypt, key, block)
    return bytes.of(C.aes_block(encrypt, bits, bytes.tostring(key), bytes.tostring(block)))
  end
  return {
    blockSize = 16,
    encrypt = function(key, block) return run(true, key, block) end,
    decrypt = function(key, block) return run(false, key, block) end,
  }
end
