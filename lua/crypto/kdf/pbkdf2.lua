-- .crypto.kdf.pbkdf2: pbkdf2(password_array, salt_array, iterations, key_length [, "sha1" |
-- "sha256"]) — PBKDF2 (RFC 8018) with HMAC — and the PBKDF2() object (setPRF(HMAC object),
-- setBlockLen, setDKeyLen, setIterations, setSalt, setPassword, finish, asBytes / asHex /
-- asString). Hex is uppercase, as aos's. As aos's, the key has ceil(DKeyLen / BlockLen) blocks of
-- the hash's length, cut to DKeyLen: a BlockLen over the hash's length gives a shorter key.
local C = require("ao.digest")
local bytes = require(".crypto.util.bytes")
local result = require(".crypto.util.result")
local finished = require(".crypto.util.finished")
local HMAC = require(".crypto.mac.hmac")

local ALGORITHMS = { sha1 = "sha1", sha256 = "sha256" }
local HASH_LENGTH = { sha1 = 20, sha256 = 32 }

local function derive(name, hmac_block_size, password, salt, iterations, key_length, block_length)
  local blocks = math.ceil(key_length / block_length)
  local length = math.min(math.floor(key_length), blocks * HASH_LENGTH[name])
  local raw = C.pbkdf2(name, bytes.tostring(password), bytes.tostring(salt), iterations, math.max(length, 0), hmac_block_size)
  return result(raw, { upper = true })
end

local function PBKDF2()
  local object = {}
  local block_length, key_length, iterations = 16, 256, 4096
  local salt, password, prf, key = nil, nil, nil, nil

  function object.setBlockLen(n) block_length = n return object end
  function object.setDKeyLen(n) key_length = n return object end
  function object.setIterations(n) iterations = n return object end
  function object.setSalt(array) salt = array return object end
  function object.setPassword(array) password = array return object end
  function object.setPRF(hmac)
    prf = HMAC.settings[hmac] or error("PBKDF2 takes an HMAC() object as its PRF", 2)
    return object
  end

  function object.finish()
    if not (prf and prf.name) then error("PBKDF2 needs setPRF(HMAC().setDigest(...)) first", 2) end
    key = derive(prf.name, prf.block_size, password or {}, salt or {}, iterations, key_length, block_length)
    return object
  end

  return finished(object, function() return key end, "PBKDF2")
end

local function pbkdf2(password, salt, iterations, key_length, algorithm)
  local name = ALGORITHMS[algorithm or "sha1"] or error("Unsupported algorithm: " .. tostring(algorithm), 2)
  return derive(name, 64, password, salt, iterations, key_length, 16)
end

return { pbkdf2 = pbkdf2, PBKDF2 = PBKDF2 }
