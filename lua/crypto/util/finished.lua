-- .crypto.util.finished (ours): asBytes / asHex / asString for the objects that are fed and then
-- finish()ed (SHA1(), SHA2_256(), HMAC(), PBKDF2()): they read the result `current()` gives, and
-- say so when there is none yet.
return function(object, current, what)
  local function read() return current() or error(what .. " is not finished: call finish() first", 3) end
  function object.asBytes() return read().asBytes() end
  function object.asHex() return read().asHex() end
  function object.asString() return read().asString() end
  return object
end
