-- .crypto.digest.blake2b: blake2b(text [, out_length [, key]]), BLAKE2b (RFC 7693) of
-- out_length bytes (1..64, default 64), keyed by up to 64 bytes. Bad parameters give nil and
-- "illegal parameters", as aos's; asBytes() gives one-character strings, as aos's.
local C = require("ao.digest")
local bytes = require(".crypto.util.bytes")
local text = require(".crypto.digest.text")
local result = require(".crypto.util.result")

return function(input, out_length, key)
  out_length, key = out_length or 64, key or ""
  if out_length < 1 or out_length > 64 or #key > 64 then return nil, "illegal parameters" end
  return result(C.blake2b(text(input), out_length, key), { as_bytes = bytes.characters })
end
