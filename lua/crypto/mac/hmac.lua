-- .crypto.mac.hmac: hmac(data_stream, key_array [, "sha1" | "sha256"]) and the HMAC() object
-- (setBlockSize, setDigest(SHA1.SHA1 | SHA2_256.SHA2_256), setKey(array), init, update(stream),
-- finish, asBytes / asHex / asString). As aos's, `hmac` pads the key to a 32-byte block, not the
-- hash's 64: its results are aos's, not RFC 2104's (HMAC() with setBlockSize(64) gives those).
local C = require("ao.digest")
local bytes = require(".crypto.util.bytes")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")
local fed = require(".crypto.util.fed")
local running = require(".crypto.digest.running")

local ALGORITHMS = { sha1 = "sha1", sha256 = "sha256" }

-- HMAC object -> its settings { block_size, name }, for PBKDF2.
local settings = setmetatable({}, { __mode = "k" })

local function HMAC()
  local object = {}
  local setting = { block_size = 64 }
  local key = nil
  settings[object] = setting

  function object.setBlockSize(size)
    setting.block_size = size
    return object
  end

  function object.setDigest(constructor)
    setting.name = running.name[constructor]
      or error("HMAC takes the digest SHA1.SHA1 or SHA2_256.SHA2_256", 2)
    return object
  end

  function object.setKey(key_array)
    if not setting.name then error("Digest not set", 2) end
    key = bytes.tostring(key_array)
    return object
  end

  return fed(object, function(data)
    return result(C.hmac(setting.name, setting.block_size, key or "", data))
  end, "the HMAC")
end

local function hmac(data, key, algorithm)
  local name = ALGORITHMS[algorithm or "sha1"] or error("Unsupported algorithm: " .. tostring(algorithm), 2)
  return result(C.hmac(name, 32, bytes.tostring(key), Stream.read(data)))
end

return { hmac = hmac, HMAC = HMAC, settings = settings }
