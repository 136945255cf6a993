-- .crypto.digest.running (ours): the constructor behind aos's SHA1() / SHA2_256() objects — a
-- digest fed a stream at a time: init() (start over), update(stream), finish(), then asBytes /
-- asHex / asString of the digest. `running.name[constructor]` is the C digest's name (what HMAC
-- and PBKDF2 use).
local C = require("ao.digest")
local result = require(".crypto.util.result")
local fed = require(".crypto.util.fed")

local running = { name = setmetatable({}, { __mode = "k" }) }

function running.constructor(name)
  local function new()
    return fed({}, function(bytes) return result(C[name](bytes)) end, "the digest")
  end
  running.name[new] = name
  return new
end

return running
