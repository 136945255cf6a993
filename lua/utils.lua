-- utils.lua: `Utils` — pattern matching for handlers, and small curried list helpers (aos 2.0).
local utils = { _version = "0.0.5" }

-- True if `t` is a table whose keys are exactly 1..#t.
local function isArray(t)
  if type(t) ~= "table" then return false end
  local count = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or math.floor(k) ~= k then return false end
    count = count + 1
  end
  return count == #t
end
utils.isArray = isArray

-- Partial application: with fewer than `arity` arguments, returns a function waiting for the
-- rest; `f(a, b)(c)` calls `f(a, b, c)` (aos keeps only the first early argument and calls
-- `f(a, c)`: a deliberate difference, README).
function utils.curry(fn, arity)
  assert(type(fn) == "function", "function is required as first argument")
  arity = arity or debug.getinfo(fn, "u").nparams
  if arity < 2 then return fn end
  return function(...)
    local args = table.pack(...)
    if args.n >= arity then return fn(...) end
    -- The arguments so far, then the later ones (aos passes only the first of those so far).
    return utils.curry(function(...)
      local later = table.pack(...)
      local all = { table.unpack(args, 1, args.n) }
      for i = 1, later.n do all[args.n + i] = later[i] end
      return fn(table.unpack(all, 1, args.n + later.n))
    end, arity - args.n)
  end
end

-- Title-Case a tag name: "_" becomes "-", every "-"-separated part is capitalized.
function utils.capitalize(s)
  return s:sub(1, 1):upper() .. s:sub(2):lower()
end

-- Every message normalizes all its keys and tag names, mostly the same few: remember them (up
-- to a bound, so arbitrary names cannot grow the process's memory without limit).
local normalized, cached = {}, 0

function utils.normalize(s)
  local known = normalized[s]
  if known then return known end
  local result = s:gsub("_", "-"):gsub("[^-]+", utils.capitalize)
  if cached >= 1000 then normalized, cached = {}, 0 end
  normalized[s], cached = result, cached + 1
  return result
end

local MAGIC = "[%^%$%(%)%%%.%[%]%*%+%?]"

-- Does `value` match `pattern`? "_" matches anything; a function decides; a string matches
-- exactly or, when it contains Lua pattern characters, as a pattern — both case-insensitively;
-- a table matches when any of its patterns does.
function utils.matchesPattern(pattern, value, msg)
  if not pattern then return false end
  if pattern == "_" then return true end
  if type(pattern) == "function" then
    return pattern(value, msg) and true or false
  end
  if type(pattern) == "string" then
    if type(value) ~= "string" then return false end
    if pattern:find(MAGIC) then
      return value:lower():match(pattern:lower()) ~= nil
    end
    return value:lower() == pattern:lower()
  end
  if type(pattern) == "table" then
    for _, sub in pairs(pattern) do
      if utils.matchesPattern(sub, value, msg) then return true end
    end
  end
  return false
end

-- Does `msg` match `spec`? A function is called; a table needs every key present and matching;
-- a string is the Action, exactly (unlike table patterns, case counts).
function utils.matchesSpec(msg, spec)
  local kind = type(spec)
  if kind == "function" then return spec(msg) end
  if kind == "table" then
    -- A key is a field of the message, or else one of its tags (Data-Protocol, Variant, Type…).
    local tags = type(msg.Tags) == "table" and msg.Tags or {}
    for key, pattern in pairs(spec) do
      local value = msg[key] or tags[key]
      if not value then return false end
      if not utils.matchesPattern(pattern, value, msg) then return false end
    end
    return true
  end
  if kind == "string" and msg.Action then
    return msg.Action == spec
  end
  return false
end

utils.concat = utils.curry(function(a, b)
  assert(type(a) == "table", "first argument should be a table that is an array")
  assert(type(b) == "table", "second argument should be a table that is an array")
  assert(isArray(a), "first argument should be a table")
  assert(isArray(b), "second argument should be a table")
  local result = {}
  for i = 1, #a do result[#result + 1] = a[i] end
  for i = 1, #b do result[#result + 1] = b[i] end
  return result
end, 2)

utils.reduce = utils.curry(function(fn, initial, t)
  assert(type(fn) == "function", "first argument should be a function that accepts (result, value, key)")
  assert(type(t) == "table" and isArray(t), "third argument should be a table that is an array")
  local result = initial
  for k, v in pairs(t) do
    if result == nil then result = v else result = fn(result, v, k) end
  end
  return result
end, 3)

utils.map = utils.curry(function(fn, t)
  assert(type(fn) == "function", "first argument should be a unary function")
  assert(type(t) == "table" and isArray(t), "second argument should be an Array")
  local result = {}
  for k, v in pairs(t) do result[k] = fn(v, k) end
  return result
end, 2)

utils.filter = utils.curry(function(fn, t)
  assert(type(fn) == "function", "first argument should be a unary function")
  assert(type(t) == "table" and isArray(t), "second argument should be an Array")
  local result = {}
  for _, v in pairs(t) do
    if fn(v) then result[#result + 1] = v end
  end
  return result
end, 2)

utils.find = utils.curry(function(fn, t)
  assert(type(fn) == "function", "first argument should be a unary function")
  assert(type(t) == "table", "second argument should be a table")
  for _, v in pairs(t) do
    if fn(v) then return v end
  end
end, 2)

utils.propEq = utils.curry(function(name, value, object)
  assert(type(name) == "string", "first argument should be a string")
  assert(type(value) == "string", "second argument should be a string")
  assert(type(object) == "table", "third argument should be a table<object>")
  return object[name] == value
end, 3)

function utils.reverse(t)
  assert(type(t) == "table" and isArray(t), "argument needs to be a table that is an array")
  local result = {}
  for i = #t, 1, -1 do result[#result + 1] = t[i] end
  return result
end

-- compose(f, g, h)(x) is f(g(h(x))).
utils.compose = utils.curry(function(...)
  local fns = { ... }
  return function(v)
    for i = #fns, 1, -1 do v = fns[i](v) end
    return v
  end
end, 2)

utils.prop = utils.curry(function(name, object)
  return object[name]
end, 2)

utils.includes = utils.curry(function(value, t)
  assert(type(t) == "table" and isArray(t), "second argument should be a table that is an array")
  for _, v in pairs(t) do
    if v == value then return true end
  end
  return false
end, 2)

function utils.keys(t)
  assert(type(t) == "table", "argument needs to be a table")
  local result = {}
  for k in pairs(t) do result[#result + 1] = k end
  return result
end

function utils.values(t)
  assert(type(t) == "table", "argument needs to be a table")
  local result = {}
  for _, v in pairs(t) do result[#result + 1] = v end
  return result
end

return utils
