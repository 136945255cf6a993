-- .crypto.util.result (ours): the object every .crypto function returns around its raw bytes:
-- asString() (the bytes), asHex() (lowercase, or uppercase where aos's is), asBytes() (a table of
-- byte values, or what aos's function gives instead). Calling one never changes the others.
local bytes = require(".crypto.util.bytes")

-- `shape`: { upper = true } for uppercase hex; { as_bytes = function(raw) ... } for aos's other
-- asBytes shapes.
return function(raw, shape)
  shape = shape or {}
  local as_bytes = shape.as_bytes or bytes.of
  return {
    asString = function() return raw end,
    asHex = function() return bytes.hex(raw, shape.upper) end,
    asBytes = function() return as_bytes(raw) end,
  }
end
