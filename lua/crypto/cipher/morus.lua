-- .crypto.cipher.morus: MORUS-1280 authenticated encryption (a CAESAR finalist; computed in the
-- module's C), as aos's: encrypt(key, iv, text [, ad]) gives ad .. ciphertext .. a 16-byte tag;
-- decrypt(key, iv, encrypted [, ad_length]) gives the text, or nil and "decrypt error". The key is
-- 16 or 32 bytes, the iv 16. asBytes() gives the pieces aos's gives: the ad, then 32-byte blocks,
-- then the tag.
local C = require("ao.cipher")
local result = require(".crypto.util.result")

local function pieces(ad_length)
  return function(raw)
    local out = { raw:sub(1, ad_length) }
    local text_end = #raw - 16
    for first = ad_length + 1, text_end, 32 do
      out[#out + 1] = raw:sub(first, math.min(first + 31, text_end))
    end
    out[#out + 1] = raw:sub(text_end + 1)
    return out
  end
end

local function encrypt(key, iv, text, ad)
  ad = ad or ""
  return result(C.morus_encrypt(key, iv, text, ad), { as_bytes = pieces(#ad) })
end

local function decrypt(key, iv, encrypted, ad_length)
  return C.morus_decrypt(key, iv, encrypted, ad_length or 0)
end

return { encrypt = encrypt, decrypt = decrypt, key_size = 32, nonce_size = 16, variant = "Morus-1280" }
