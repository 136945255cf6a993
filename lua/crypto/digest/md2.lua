-- .crypto.digest.md2: MD2(stream), the MD2 digest (RFC 1319) of what the stream has left.
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")

return function(stream) return result(C.md2(Stream.read(stream))) end
