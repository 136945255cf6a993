-- process.lua: an aos process. Defines the globals process code relies on (ao, Handlers, Send,
-- Spawn, Receive, Assign, print, Prompt, Inbox, Owner, Name, Colors...) and handle(msg, env),
-- which every message goes through: normalize it, check trust, run the handlers, return the
-- result (Output with the prints and prompt, Messages, Spawns, Assignments — or the Error).
local json = require("json")
local chance = require(".chance")
local stringify = require(".stringify")

ao = require(".ao")
package.loaded.ao = ao
Handlers = require(".handlers")
Utils = require(".utils")
Dump = require(".dump")

Colors = { red = "\27[31m", green = "\27[32m", blue = "\27[34m", reset = "\27[0m", gray = "\27[90m" }
Bell = "\x07"

local process = { _version = "2.0.4" }
local MAX_INBOX = 10000

Seeded = Seeded or false

-- Tags as a name → value table (the first value of a repeated name wins).
function Tab(msg)
  local tags = {}
  for _, tag in ipairs(msg.Tags) do
    if tags[tag.name] == nil then tags[tag.name] = tag.value end
  end
  return tags
end

function Prompt()
  return Colors.green .. Name .. Colors.gray .. "@" .. Colors.blue .. "aos-" .. process._version
    .. Colors.gray .. "[Inbox:" .. Colors.red .. tostring(#Inbox) .. Colors.gray .. "]" .. Colors.reset .. "> "
end

-- print(value): the value (tables formatted, other non-strings coloured) becomes a line of this
-- message's Output.
function print(a)
  if type(a) == "table" then a = stringify.format(a) end
  if type(a) == "boolean" then a = Colors.blue .. tostring(a) .. Colors.reset end
  if type(a) == "nil" then a = Colors.red .. tostring(a) .. Colors.reset end
  if type(a) == "number" then a = Colors.green .. tostring(a) .. Colors.reset end
  a = tostring(a)
  local data = a
  if ao.outbox.Output.data then data = ao.outbox.Output.data .. "\n" .. a end
  ao.outbox.Output = { data = data, prompt = Prompt(), print = true }
  if HANDLER_PRINT_LOGS then
    table.insert(HANDLER_PRINT_LOGS, a)
    return nil
  end
  return a
end

function Send(msg)
  if not msg.Target then
    print("WARN: No target specified for message. Data will be stored, but no process will receive it.")
  end
  local sent = ao.send(msg)
  return { output = "Message added to outbox", receive = sent.receive, onReply = sent.onReply }
end

-- Spawn(msg) spawns this process's own module; Spawn(module, msg) another.
function Spawn(...)
  local module, msg
  if select("#", ...) == 1 then
    module, msg = ao._module, ...
  else
    module, msg = ...
  end
  local spawned = ao.spawn(module, msg or {})
  return { output = "Spawn process request added to outbox", after = spawned.after, receive = spawned.receive }
end

function Receive(pattern)
  return Handlers.receive(pattern)
end

function Assign(assignment)
  ao.assign(assignment)
  print("Assignment added to outbox.")
  return "Assignment added to outbox."
end

function Version()
  print("version: " .. process._version)
end

local function insertInbox(msg)
  table.insert(Inbox, msg)
  while #Inbox > MAX_INBOX do table.remove(Inbox, 1) end
end

-- The keys and tag names every message has, which are Title-Case already.
local TITLE_CASE = {}
for _, name in ipairs({
  "Id", "Owner", "From", "Target", "Anchor", "Data", "Tags", "Signature", "Epoch", "Nonce", "Timestamp",
  "Block-Height", "Hash-Chain", "Cron", "Read-Only", "Forwarded-By", "Module", "Action", "Data-Protocol",
  "Variant", "Type", "Reference", "From-Process", "From-Module", "Pushed-For", "Content-Type", "Name",
}) do
  if Utils.normalize(name) == name then TITLE_CASE[name] = true end
end

-- Title-Case every key and tag name (`action` → `Action`), then copy tags onto the message.
local function normalizeMsg(msg)
  for key, value in pairs(msg) do
    if not TITLE_CASE[key] then
      local normalized = Utils.normalize(key)
      if normalized ~= key then
        msg[key] = nil
        msg[normalized] = value
      end
    end
  end
  if type(msg.Tags) == "table" then
    for _, tag in ipairs(msg.Tags) do
      local name = tag.name
      if type(name) == "string" and not TITLE_CASE[name] then tag.name = Utils.normalize(name) end
    end
  end
  return ao.normalize(msg)
end

local function byteSum(s)
  local sum = 0
  for i = 1, #s do sum = sum + s:byte(i) end
  return sum
end

local function initializeState(msg, env)
  if not Seeded then
    chance.seed(tonumber(msg["Block-Height"] .. byteSum(msg.Owner .. msg.Module .. msg.Id)))
    math.random = function(...)
      local n = select("#", ...)
      if n == 1 then return chance.integer(1, (...)) end
      if n == 2 then return chance.integer(...) end
      return chance.random()
    end
    Seeded = true
  end
  Errors = Errors or {}
  Inbox = Inbox or {}
  if env.Process.Id == msg.Id and not Owner then
    Owner = env.Process.Tags["From-Process"] or msg.From
  end
  if not Name then Name = env.Process.Tags.Name or "aos" end
end

-- The built-in handlers, registered again on every message unless they are in place as registered
-- (user code may have removed, replaced or limited them).
local function isEval(m) return m.Action == "Eval" and Owner == m.From end
local function isBoot(m) return m.Tags.Type == "Process" and Owner == m.From end
local function always() return true end
local evalHandler = require(".eval")(ao)
local bootHandler = require(".boot")(ao)
local defaultHandler = require(".default")(insertInbox)

local function ensureHandler(register, name, pattern, handle)
  for _, h in ipairs(Handlers.list) do
    if h.name == name then
      if h.pattern == pattern and h.handle == handle and h.maxRuns == nil then return end
      break
    end
  end
  register(name, pattern, handle)
end

local function output(extra)
  local out = { data = table.concat(HANDLER_PRINT_LOGS, "\n"), prompt = Prompt() }
  for k, v in pairs(extra) do out[k] = v end
  HANDLER_PRINT_LOGS = {}
  return out
end

-- An error value as text: `error()` may raise any value (aos's own process dies on a non-string
-- one); like the standalone Lua interpreter, use __tostring if there is one, else name the type.
local function describe(err)
  if type(err) == "string" or type(err) == "number" then return tostring(err) end
  local meta = getmetatable(err)
  if type(meta) == "table" and meta.__tostring then return tostring(err) end
  return "(error object is a " .. type(err) .. " value)"
end

local function errorText(err)
  return table.concat(HANDLER_PRINT_LOGS, "\n") .. "\n\n" .. Colors.red .. "error:\n" .. Colors.reset .. describe(err)
end

-- The stack as aos shows it under a failed message: from here up to `process.handle` (the
-- loader's frames below it are ao's plumbing, which aos's host does not have).
local function handleTraceback()
  local trace = debug.traceback(nil, 2)
  local at = trace:find("in function '.process.handle'", 1, true)
  if not at then return trace end
  return trace:sub(1, (trace:find("\n", at, true) or #trace + 1) - 1)
end

-- The process's tags as a name -> value table in `Tags`, the list in `TagArray`, as aos does for
-- every message; done once for an env the loader hands to every message (remembered here, out of
-- reach of handlers that change the env).
local tagified = setmetatable({}, { __mode = "k" })
local function tagifyProcess(env)
  if tagified[env.Process] then return end
  env.Process.TagArray = env.Process.Tags
  env.Process.Tags = Tab(env.Process)
  tagified[env.Process] = true
end

function process.handle(msg, envOrAo)
  local env = envOrAo.Process and envOrAo or envOrAo.env
  tagifyProcess(env)
  ao.init(env)
  msg = normalizeMsg(msg)
  initializeState(msg, ao.env)
  HANDLER_PRINT_LOGS = {}
  os.time = function() return msg.Timestamp end

  msg.TagArray = msg.Tags
  msg.Tags = Tab(msg)
  if msg.Tags["Content-Type"] == "application/json" then msg.Data = json.decode(msg.Data or "{}") end

  msg.reply = function(reply)
    reply.Target = msg["Reply-To"] or (reply.Target or msg.From)
    reply["X-Reference"] = msg["X-Reference"] or msg.Reference
    reply["X-Origin"] = msg["X-Origin"] or nil
    return ao.send(reply)
  end
  msg.forward = function(target, extra)
    local forwarded = ao.sanitize(msg)
    for k, v in pairs(extra or {}) do forwarded[k] = v end
    forwarded.Target = target
    forwarded["Reply-To"] = msg["Reply-To"] or msg.From
    forwarded["X-Reference"] = msg["X-Reference"] or msg.Reference
    forwarded["X-Origin"] = msg["X-Origin"] or msg.From
    forwarded.reply, forwarded.forward = nil, nil
    ao.send(forwarded)
  end

  if msg.From ~= msg.Owner and not ao.isTrusted(msg) then
    print("Message is not trusted! From: " .. msg.From .. " - Owner: " .. msg.Owner)
    return ao.result({})
  end
  if ao.isAssignment(msg) and not ao.isAssignable(msg) then
    if msg.From ~= ao.id then msg.reply({ Data = "Assignment is not trusted by this process!" }) end
    print("Assignment is not trusted! From: " .. msg.From .. " - Owner: " .. msg.Owner)
    return ao.result({})
  end

  ensureHandler(Handlers.add, "_eval", isEval, evalHandler)
  if env.Process.Id == msg.Id then Handlers.once("_boot", isBoot, bootHandler) end
  ensureHandler(Handlers.append, "_default", always, defaultHandler)

  local co = coroutine.create(function() return pcall(Handlers.evaluate, msg, env) end)
  local _, ok, err = coroutine.resume(co)
  table.insert(Handlers.coroutines, co)
  for i = #Handlers.coroutines, 1, -1 do
    if coroutine.status(Handlers.coroutines[i]) == "dead" then table.remove(Handlers.coroutines, i) end
  end

  if not ok then
    if msg.Action == "Eval" then
      table.insert(Errors, err)
      return { Error = errorText(err), Patches = {} }
    end
    print(Colors.red .. "Error" .. Colors.gray .. " handling message with Action = " .. (msg.Action or "") .. Colors.reset)
    print(Colors.green .. describe(err) .. Colors.reset)
    print("\n" .. Colors.gray .. handleTraceback() .. Colors.reset)
    return ao.result({ Error = errorText(err) })
  end

  if msg.Action == "Eval" then
    return ao.result({ Output = output({ test = Dump(HANDLER_PRINT_LOGS) }) })
  end
  return ao.result({ Output = output({ print = true }) })
end

return process
