-- handlers-utils.lua: `Handlers.utils` — ready-made patterns and handlers.
local utils = { _version = "0.0.2" }

function utils.hasMatchingTag(name, value)
  assert(type(name) == "string" and type(value) == "string", "invalid arguments: (name : string, value : string)")
  return function(msg) return msg.Tags[name] == value end
end

function utils.hasMatchingTagOf(name, values)
  assert(type(name) == "string" and type(values) == "table", "invalid arguments: (name : string, values : string[])")
  return function(msg)
    for _, value in ipairs(values) do
      if msg.Tags[name] == value then return true end
    end
    return false
  end
end

function utils.hasMatchingData(value)
  assert(type(value) == "string", "invalid arguments: (value : string)")
  return function(msg) return msg.Data == value end
end

-- A handler that replies with `input`: a string becomes the reply's Data.
function utils.reply(input)
  assert(type(input) == "table" or type(input) == "string", "invalid arguments: (input : table or string)")
  return function(msg)
    if type(input) == "string" then
      msg.reply({ Data = input })
      return
    end
    msg.reply(input)
  end
end

-- Wraps a pattern so that a match lets later handlers run too.
function utils.continue(fn)
  assert(type(fn) == "function", "invalid arguments: (fn : function)")
  return function(msg)
    local result = fn(msg)
    if result == -1 or result == true then return "continue" end
    return result
  end
end

return utils
