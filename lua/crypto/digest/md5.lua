-- .crypto.digest.md5: MD5(stream), the MD5 digest (RFC 1321) of what the stream has left.
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")

return function(stream) return result(C.md5(Stream.read(stream))) end
