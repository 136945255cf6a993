-- .crypto.cipher.norx: NORX 64-4-1 authenticated encryption (a CAESAR candidate; computed in the
-- module's C), as aos's: encrypt(key, nonce, text [, header [, trailer]]) gives the ciphertext and
-- a 32-byte tag; decrypt(key, nonce, encrypted [, header [, trailer]]) the text, or nil and "auth
-- failure". Key and nonce are 32 bytes. asBytes() gives the pieces aos's gives: 8-byte words of
-- each whole 96-byte block, the last block, then the tag.
local C = require("ao.cipher")
local result = require(".crypto.util.result")

local function pieces(raw)
  local out, text_end, first = {}, #raw - 32, 1
  if text_end > 0 then
    while text_end - first + 1 >= 96 do
      for word = first, first + 88, 8 do out[#out + 1] = raw:sub(word, word + 7) end
      first = first + 96
    end
    out[#out + 1] = raw:sub(first, text_end)
  end
  out[#out + 1] = raw:sub(text_end + 1)
  return out
end

local function encrypt(key, nonce, text, header, trailer)
  return result(C.norx_encrypt(key, nonce, text, header or "", trailer or ""), { as_bytes = pieces })
end

local function decrypt(key, nonce, encrypted, header, trailer)
  return C.norx_decrypt(key, nonce, encrypted, header or "", trailer or "")
end

return { encrypt = encrypt, decrypt = decrypt, key_size = 32, nonce_size = 32, variant = "NORX 64-4-1" }
