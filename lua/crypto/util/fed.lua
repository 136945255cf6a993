-- .crypto.util.fed (ours): the objects fed a stream at a time — init() (start over),
-- update(stream), finish() (the result `compute` makes of all the bytes fed), then asBytes /
-- asHex / asString of it — as aos's SHA1(), SHA2_256() and HMAC() are.
local Stream = require(".crypto.util.stream")
local finished = require(".crypto.util.finished")

return function(object, compute, what)
  local parts, done = {}, nil

  function object.init()
    parts, done = {}, nil
    return object
  end

  function object.update(stream)
    parts[#parts + 1] = Stream.read(stream)
    return object
  end

  function object.finish()
    done = compute(table.concat(parts))
    parts = {}
    return object
  end

  return finished(object, function() return done end, what)
end
