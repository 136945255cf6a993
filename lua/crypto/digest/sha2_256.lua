-- .crypto.digest.sha2_256: sha2_256(stream), the SHA-256 digest of what the stream has left, and
-- SHA2_256(), the running digest (init / update(stream) / finish) HMAC and PBKDF2 take.
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")
local running = require(".crypto.digest.running")

return {
  sha2_256 = function(stream) return result(C.sha256(Stream.read(stream))) end,
  SHA2_256 = running.constructor("sha256"),
}
