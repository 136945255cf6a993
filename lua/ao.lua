-- ao.lua: the `ao` module — the process's identity, its outbox (messages, spawns, assignments
-- it sends), trust, and the result every message returns.
local utils = require(".utils")

local ao = {
  _version = "0.0.6",
  id = "",
  _module = "",
  authorities = {},
  reference = 0,
  outbox = { Output = {}, Messages = {}, Spawns = {}, Assignments = {}, Patches = {} },
  assignables = {},
  nonExtractableTags = {
    "Data-Protocol", "Variant", "From-Process", "From-Module", "Type",
    "From", "Owner", "Anchor", "Target", "Data", "Tags", "Read-Only",
  },
  nonForwardableTags = {
    "Data-Protocol", "Variant", "From-Process", "From-Module", "Type",
    "From", "Owner", "Anchor", "Target", "Tags", "TagArray", "Hash-Chain",
    "Timestamp", "Nonce", "Epoch", "Signature", "Forwarded-By",
    "Pushed-For", "Read-Only", "Cron", "Block-Height", "Reference", "Id",
    "Reply-To",
  },
}

local function member(list)
  local set = {}
  for _, v in ipairs(list) do set[v] = true end
  return set
end
local NON_EXTRACTABLE = member(ao.nonExtractableTags)
local NON_FORWARDABLE = member(ao.nonForwardableTags)
local NOT_TAGS = member({ "Target", "Data", "Anchor", "Tags", "From" })

local function emptyOutbox()
  return { Output = {}, Messages = {}, Spawns = {}, Assignments = {}, Patches = {} }
end

-- Deep copy, cycles and metatables kept.
function ao.clone(obj, seen)
  if type(obj) ~= "table" then return obj end
  if seen and seen[obj] then return seen[obj] end
  seen = seen or {}
  local copy = {}
  seen[obj] = copy
  for k, v in pairs(obj) do copy[ao.clone(k, seen)] = ao.clone(v, seen) end
  return setmetatable(copy, getmetatable(obj))
end

-- Copies every tag (except protocol tags) onto the message itself: msg.Action, msg.Quantity...
function ao.normalize(msg)
  for _, tag in ipairs(msg.Tags) do
    if not NON_EXTRACTABLE[tag.name] then msg[tag.name] = tag.value end
  end
  return msg
end

-- A copy of `msg` without the fields a forwarded message must not carry.
function ao.sanitize(msg)
  local copy = ao.clone(msg)
  for k in pairs(copy) do
    if NON_FORWARDABLE[k] then copy[k] = nil end
  end
  return copy
end

function ao.init(env)
  if ao.id == "" then ao.id = env.Process.Id end
  if ao._module == "" then
    for _, tag in ipairs(env.Process.TagArray or env.Process.Tags) do
      if tag.name == "Module" then ao._module = tag.value end
    end
  end
  if #ao.authorities < 1 then
    for _, tag in ipairs(env.Process.TagArray or env.Process.Tags) do
      if tag.name == "Authority" then
        for authority in tag.value:gmatch("[^,%s]+") do table.insert(ao.authorities, authority) end
      end
    end
  end
  ao.outbox = emptyOutbox()
  ao.env = env
end

function ao.log(txt)
  if type(ao.outbox.Output) == "string" then ao.outbox.Output = { ao.outbox.Output } end
  table.insert(ao.outbox.Output, txt)
end

function ao.clearOutbox()
  ao.outbox = emptyOutbox()
end

-- Appends the root fields of `msg` (other than Target, Data, Anchor, Tags, From) and its Tags
-- (a list of {name, value} or a name → value table) to `tags`.
local function addTags(tags, msg)
  for k, v in pairs(msg) do
    if not NOT_TAGS[k] then table.insert(tags, { name = k, value = v }) end
  end
  if msg.Tags then
    if utils.isArray(msg.Tags) then
      for _, tag in ipairs(msg.Tags) do table.insert(tags, tag) end
    else
      for k, v in pairs(msg.Tags) do table.insert(tags, { name = k, value = v }) end
    end
  end
end

-- A table's Data that is itself a table travels as JSON.
local function jsonData(msg)
  if msg.Data and type(msg.Data) == "table" then
    msg["Content-Type"] = "application/json"
    msg.Data = require("json").encode(msg.Data)
  end
end

local function nextReference()
  ao.reference = ao.reference + 1
  return tostring(ao.reference), string.format("%032d", ao.reference)
end

-- Queues a message. Returns it, with onReply([from,] handler) and receive([from]) to handle the
-- reply (a message from the target carrying this message's Reference as X-Reference).
function ao.send(msg)
  assert(type(msg) == "table", "msg should be a table")
  jsonData(msg)
  local reference, anchor = nextReference()
  local message = {
    Target = msg.Target,
    Data = msg.Data,
    Anchor = anchor,
    Tags = {
      { name = "Data-Protocol", value = "ao" },
      { name = "Variant", value = "ao.TN.1" },
      { name = "Type", value = "Message" },
      { name = "Reference", value = reference },
    },
  }
  addTags(message.Tags, msg)
  local queued = {}
  for k, v in pairs(message) do queued[k] = v end
  table.insert(ao.outbox.Messages, queued)

  message.onReply = function(...)
    local from, resolver
    if select("#", ...) == 2 then from, resolver = ... else from, resolver = message.Target, ... end
    Handlers.once({ From = from, ["X-Reference"] = reference }, resolver)
  end
  message.receive = function(...)
    local from = message.Target
    if select("#", ...) == 1 then from = ... end
    return Handlers.receive({ From = from, ["X-Reference"] = reference })
  end
  return message
end

-- Queues a process spawn of `module`. Returns it, with onReply(handler) and receive() for the
-- `Spawned` notice.
function ao.spawn(module, msg)
  assert(type(module) == "string", "Module source id is required!")
  assert(type(msg) == "table", "Message must be a table")
  jsonData(msg)
  local reference, anchor = nextReference()
  local spawn = {
    Data = msg.Data or "NODATA",
    Anchor = anchor,
    Tags = {
      { name = "Data-Protocol", value = "ao" },
      { name = "Variant", value = "ao.TN.1" },
      { name = "Type", value = "Process" },
      { name = "From-Process", value = ao.id },
      { name = "From-Module", value = ao._module },
      { name = "Module", value = module },
      { name = "Reference", value = reference },
    },
  }
  addTags(spawn.Tags, msg)
  local queued = {}
  for k, v in pairs(spawn) do queued[k] = v end
  table.insert(ao.outbox.Spawns, queued)

  local notice = { Action = "Spawned", From = ao.id, Reference = reference }
  spawn.onReply = function(callback) Handlers.once(notice, callback) end
  spawn.receive = function() return Handlers.receive(notice) end
  return spawn
end

function ao.assign(assignment)
  assert(type(assignment) == "table", "assignment should be a table")
  assert(type(assignment.Processes) == "table", "Processes should be a table")
  assert(type(assignment.Message) == "string", "Message should be a string")
  table.insert(ao.outbox.Assignments, assignment)
end

-- Trusted: sent by, or signed by, one of the process's authorities.
function ao.isTrusted(msg)
  for _, authority in ipairs(ao.authorities) do
    if msg.From == authority or msg.Owner == authority then return true end
  end
  return false
end

-- What handle() returns: only the Error if there is one.
function ao.result(result)
  if ao.outbox.Error or result.Error then
    return { Error = result.Error or ao.outbox.Error, Patches = ao.outbox.Patches }
  end
  return {
    Output = result.Output or ao.outbox.Output,
    Messages = ao.outbox.Messages,
    Spawns = ao.outbox.Spawns,
    Assignments = ao.outbox.Assignments,
    Patches = ao.outbox.Patches,
  }
end

-- Assignments: messages for other processes that were assigned to this one; only those matching
-- an assignable pattern are handled (`.assignment`).
require(".assignment").init(ao)

return ao
