-- .crypto.digest.sha2_512: sha2_512(text), the SHA-512 digest. As aos's, asBytes() gives the eight
-- 64-bit words of the digest as (signed) Lua integers, not bytes.
local C = require("ao.digest")
local text = require(".crypto.digest.text")
local result = require(".crypto.util.result")

local function words(raw)
  local w = { string.unpack(">i8i8i8i8i8i8i8i8", raw) }
  w[9] = nil -- string.unpack's next position
  return w
end

return function(input) return result(C.sha512(text(input)), { as_bytes = words }) end
