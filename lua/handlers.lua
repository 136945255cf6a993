-- handlers.lua: `Handlers` — the ordered list of (name, pattern, handle) a process runs each
-- message through. A pattern's result decides: true / "break" / negative: handle and stop;
-- "continue" / positive: handle and go on; false / 0 / other strings: skip. `_default` runs last,
-- only if no handler stopped the message. Handlers may wait for later messages (Receive).
local utils = require(".utils")

local handlers = { _version = "0.0.5" }
handlers.utils = require(".handlers-utils")
handlers.list = handlers.list or {}
handlers.coroutines = handlers.coroutines or {}
handlers.onceNonce = handlers.onceNonce or 0

local function indexOf(name)
  for i, h in ipairs(handlers.list) do
    if h.name == name then return i end
  end
end

-- A handle given as a table maps patterns to functions; the first matching pattern runs.
function handlers.generateResolver(resolveSpec)
  return function(msg)
    for matchSpec, func in pairs(resolveSpec) do
      if utils.matchesSpec(msg, matchSpec) then return func(msg) end
    end
  end
end

-- (name, pattern, handle[, maxRuns]) or (name, handle): the name doubles as an Action pattern.
local function entry(name, pattern, handle, maxRuns)
  assert(type(name) == "string", "name MUST be a string")
  if handle == nil then pattern, handle = name, pattern end
  assert(type(pattern) == "function" or type(pattern) == "table" or type(pattern) == "string",
    "pattern MUST be a function, a table or a string")
  assert(type(handle) == "function" or type(handle) == "table", "handle MUST be a function or a table")
  if type(handle) == "table" then handle = handlers.generateResolver(handle) end
  return { name = name, pattern = pattern, handle = handle, maxRuns = maxRuns }
end

local function place(h, at)
  local i = indexOf(h.name)
  if i then
    handlers.list[i] = h
  elseif at then
    table.insert(handlers.list, at, h)
  else
    table.insert(handlers.list, h)
  end
end

function handlers.add(name, pattern, handle, maxRuns)
  place(entry(name, pattern, handle, maxRuns))
  return #handlers.list
end

function handlers.append(name, pattern, handle, maxRuns)
  place(entry(name, pattern, handle, maxRuns))
end

function handlers.prepend(name, pattern, handle, maxRuns)
  place(entry(name, pattern, handle, maxRuns), 1)
end

-- (name, pattern, handle) or (pattern, handle): a handler that runs once, ahead of the others.
function handlers.once(...)
  local name, pattern, handle
  if select("#", ...) >= 3 then
    name, pattern, handle = ...
  else
    name = "_once_" .. tostring(handlers.onceNonce)
    handlers.onceNonce = handlers.onceNonce + 1
    pattern, handle = ...
  end
  handlers.prepend(name, pattern, handle, 1)
end

-- Handlers.before(name).add(...) / Handlers.after(name).add(...): insert next to `name`.
local function relative(offset)
  return function(target)
    return {
      add = function(name, pattern, handle, maxRuns)
        local i = indexOf(target)
        if i then table.insert(handlers.list, i + offset, entry(name, pattern, handle, maxRuns)) end
      end,
    }
  end
end
handlers.before = relative(0)
handlers.after = relative(1)

function handlers.remove(name)
  local i = indexOf(name)
  if i then table.remove(handlers.list, i) end
end

-- Suspends the running handler until a message matching `pattern` arrives; returns it.
function handlers.receive(pattern)
  local self = coroutine.running()
  handlers.once(pattern, function(msg)
    local _, ok, err = coroutine.resume(self, msg)
    if ok == false then error(err) end
  end)
  return coroutine.yield(pattern)
end

local ACTIONS = { ["continue"] = 1, ["break"] = -1 }

function handlers.evaluate(msg, env)
  assert(type(msg) == "table", "msg is not valid")
  assert(type(env) == "table", "env is not valid")
  local handled = false
  for _, h in ipairs(handlers.list) do
    if h.name ~= "_default" then
      local match = utils.matchesSpec(msg, h.pattern)
      local kind = type(match)
      if kind ~= "number" and kind ~= "string" and kind ~= "boolean" then
        error("Pattern result is not valid, it MUST be string, number, or boolean")
      end
      if kind == "boolean" then match = match and -1 or 0
      elseif kind == "string" then match = ACTIONS[match] or 0 end
      if match ~= 0 then
        if match < 0 then handled = true end
        local ok, err = pcall(h.handle, msg, env)
        if not ok then error(err) end
        if h.maxRuns ~= nil and h.maxRuns ~= "inf" then
          h.maxRuns = h.maxRuns - 1
          if h.maxRuns == 0 then handlers.remove(h.name) end
        end
      end
      if match < 0 then return handled end
    end
  end
  if not handled then
    local i = indexOf("_default")
    if i then handlers.list[i].handle(msg, env) end
  end
end

return handlers
