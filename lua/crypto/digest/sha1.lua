-- .crypto.digest.sha1: sha1(stream), the SHA-1 digest of what the stream has left, and SHA1(), the
-- running digest (init / update(stream) / finish) HMAC and PBKDF2 take.
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")
local running = require(".crypto.digest.running")

return {
  sha1 = function(stream) return result(C.sha1(Stream.read(stream))) end,
  SHA1 = running.constructor("sha1"),
}
