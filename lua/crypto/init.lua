-- .crypto: aos's crypto library — digests, ciphers, random (ISAAC), mac (HMAC), kdf (PBKDF2) and
-- utils (stream, array, hex, queue, bit) — with the same API and results as aos's (the README lists
-- where aos's misbehaves and ours does not). The hashing and enciphering is the module's C
-- (`ao.digest`, `ao.cipher`), not Lua: a megabyte takes milliseconds, not seconds.
local cipher = require(".crypto.cipher.init")

return {
  _version = "0.0.1",
  digest = require(".crypto.digest.init"),
  utils = require(".crypto.util.init"),
  cipher = cipher,
  random = cipher.issac.random,
  mac = require(".crypto.mac.init"),
  kdf = require(".crypto.kdf.init"),
}
