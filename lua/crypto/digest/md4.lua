-- .crypto.digest.md4: MD4(stream), the MD4 digest (RFC 1320) of what the stream has left.
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")

return function(stream) return result(C.md4(Stream.read(stream))) end
