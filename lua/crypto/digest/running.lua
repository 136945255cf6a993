-- .crypto.digest.running (ours): the constructor behind aos's SHA1() / SHA2_256() objects — a
-- digest fed a stream at a time: init() (start over), update(stream), finish(), then asBytes /
-- asHex / asString of the digest. `running.name[constructor]` is the C digest's name (what HMAC
-- and PBKDF2 use).
local C = require("ao.digest")
local Stream = require(".crypto.util.stream")
local result = require(".crypto.util.result")
local finished = require(".crypto.util.finished")

local running = { name = setmetatable({}, { __mode = "k" }) }

function running.constructor(name)
  local function new()
    local object, parts, digest = {}, {}, nil
    function object.init()
      parts, digest = {}, nil
      return object
    end
    function object.update(stream)
      parts[#parts + 1] = Stream.read(stream)
      return object
    end
    function object.finish()
      digest = result(C[name](table.concat(parts)))
      parts = {}
      return object
    end
    return finished(object, function() return digest end, "the digest")
  end
  running.name[new] = name
  return new
end

return running
