-- arns.lua: look up ArNS names (the Arweave Name System) from a process, with a local cache.
--   ARNS.resolve("name")   asks the ArNS registry (ARNS_PROCESS_ID) for the name's record
--   ARNS.data("name")      the transaction id the name points at; "undername_name" for an undername
--   ARNS.owner("name")     the name's owner
--   ARNS.id("name")        the name's ANT process id (or, for an old name, its contract id)
--   ARNS.clear             empties the cache (NAMES)
-- data/owner/id answer from the cache; a name not cached yet, or older than DATA_TTL_MS /
-- OWNER_TTL_MS / ID_TTL_MS, is requested from the registry instead (they print so and return
-- nil; ask again once the answer has arrived).
-- How the cache fills: the registry answers Get-Record with Record-Resolved (Name tag, JSON data:
-- processId and/or contractTxId), stored in NAMES[name]. For a processId the blueprint then asks
-- that ANT process for Info, and its Info-Notice (JSON with records; ProcessOwner tag) becomes
-- NAMES[name].process. For a contractTxId (an old SmartWeave ANT) it asks the 0rbit oracle
-- (_0RBIT_SEND_PROCESS_ID, Get-Real-Data) for SW_CACHE_URL .. contractTxId, and the state that
-- comes back (Receive-data-feed from _0RBIT_RECEIVE_PROCESS_ID) becomes NAMES[name].contract.
-- ID_NAME_MAPPING remembers which name each pending ANT/contract answer is for; Now is the
-- timestamp of the latest message. Loading it again keeps the cache.
--
-- Where this differs from the published blueprint (deliberately, each marked "Published:"):
-- refreshes always ask the registry for the root name; undecodable or ill-formed JSON answers are
-- reported instead of raising; only Info-Notice messages from an ANT are taken (others go to the
-- Inbox); the owner is read from the ProcessOwner tag as aos 2.0 names it (Processowner); a
-- re-resolved name's contractTxId is updated too.
local json = require("json")

local DAY_MS = 24 * 60 * 60 * 1000
ID_TTL_MS = DAY_MS
DATA_TTL_MS = DAY_MS
OWNER_TTL_MS = DAY_MS

SW_CACHE_URL = "https://api.arns.app/v1/contract/"

ARNS_PROCESS_ID = "TyduW6spZTr3gkdIsdktduJhgtilaR_ex5JukK8gI9o"
_0RBIT_SEND_PROCESS_ID = "BaMK1dfayo75s3q1ow6AO64UDpD9SEFbeE8xYrY2fyQ"
_0RBIT_RECEIVE_PROCESS_ID = "8aE3_6NJ_MU_q3fbhz2S6dA8PKQOSCe95Gt7suQ3j7U"

NAMES = NAMES or {}
ID_NAME_MAPPING = ID_NAME_MAPPING or {}
Now = Now or 0

-- "undername_rootname" → rootname, undername (split at the last "_"); a plain name → name, nil.
function splitIntoTwoNames(name)
  local under, root = name:match("^(.-)_([^_]+)$")
  if not under then return name, nil end
  return root, under
end

-- Asks the registry for a name's record. Published: data/owner/id refreshes and resolve asked
-- for the full "undername_rootname", which the registry does not know (it holds root names, and
-- its answer would be cached under the wrong key); here it is always the root name.
local function requestRecord(rootName)
  ao.send({ Target = ARNS_PROCESS_ID, Action = "Get-Record", Name = rootName })
end

local function lowered(name, what)
  assert(type(name) == "string", "ARNS." .. what .. " needs a name")
  return string.lower(name)
end

local function isStale(updatedAt, ttl)
  return Now - (updatedAt or 0) >= ttl
end

-- Where a cached name's details come from, in order of preference: its ANT process's Info, then
-- its SmartWeave contract's state.
local SOURCES = { "process", "contract" }

-- The transaction id of a record. Old ANT contracts kept the id itself as the record.
local function transactionOf(record, source)
  local tx = type(record) == "table" and record.transactionId or nil
  if tx == nil and source == "contract" then return record end
  return tx
end

local lookups = {}

function lookups.resolve(name)
  name = lowered(name, "resolve")
  requestRecord((splitIntoTwoNames(name)))
  return "Getting information for name: " .. name
end

-- The cached entry of `name`'s root name; nil, after asking the registry for it, when there is
-- none yet (`cannot`: what the caller cannot tell without it, for the message).
local function cachedEntry(name, cannot)
  local rootName, underName = splitIntoTwoNames(name)
  local entry = NAMES[rootName]
  if entry == nil then
    requestRecord(rootName)
    local what = cannot and ("Cannot get " .. cannot .. ".  ") or ""
    print(name .. " has not been resolved yet.  " .. what .. "Resolving now...")
  end
  return entry, rootName, underName
end

-- Whether details updated at `updatedAt` are older than `ttl`; then the registry is asked again
-- (`what` names them in the message).
local function refreshedIfStale(name, rootName, updatedAt, ttl, what)
  if not isStale(updatedAt, ttl) then return false end
  requestRecord(rootName)
  print(name .. " is stale.  Refreshing name " .. what .. " now...")
  return true
end

function lookups.data(name)
  name = lowered(name, "data")
  local entry, rootName, underName = cachedEntry(name)
  if entry == nil then return nil end
  local key = underName or "@"
  for _, source in ipairs(SOURCES) do
    local details = entry[source]
    if type(details) == "table" and type(details.records) == "table" and details.records[key] ~= nil then
      if refreshedIfStale(name, rootName, details.lastUpdated, DATA_TTL_MS, source) then return nil end
      return transactionOf(details.records[key], source)
    end
  end
  return nil
end

function lookups.owner(name)
  name = lowered(name, "owner")
  local entry, rootName = cachedEntry(name, "owner")
  if entry == nil then return nil end
  for _, source in ipairs(SOURCES) do
    local details = entry[source]
    if type(details) == "table" and details.owner then
      if refreshedIfStale(name, rootName, details.lastUpdated, OWNER_TTL_MS, source) then return nil end
      return details.owner
    end
  end
  return nil
end

function lookups.id(name)
  name = lowered(name, "id")
  local entry, rootName = cachedEntry(name, "id")
  if entry == nil then return nil end
  if refreshedIfStale(name, rootName, entry.lastUpdated, ID_TTL_MS, "data") then return nil end
  return entry.processId or entry.contractTxId
end

ARNS = setmetatable({}, {
  __index = function(_, key)
    if key == "clear" then
      NAMES = {}
      return "ArNS local name cache cleared."
    end
    return lookups[key]
  end,
})

-- Asks the 0rbit oracle to fetch `url` (its answer comes from _0RBIT_RECEIVE_PROCESS_ID).
function fetchJsonDataFromOrbit(url)
  if type(url) ~= "string" or url == "" then
    print("Invalid URL provided for fetching JSON data.")
    return
  end
  ao.send({ Target = _0RBIT_SEND_PROCESS_ID, Action = "Get-Real-Data", Url = url })
end

function isArNSGetRecordMessage(msg)
  return msg.From == ARNS_PROCESS_ID and msg.Action == "Record-Resolved"
end

function isANTInfoMessage(msg)
  return ID_NAME_MAPPING[msg.From] ~= nil
end

function is0rbitMessage(msg)
  return msg.From == _0RBIT_RECEIVE_PROCESS_ID and msg.Action == "Receive-data-feed"
end

-- JSON text → table, or nil and the reason. Published: json.decode raises on bad JSON, so its
-- "Error decoding ..." prints never happened and the handler failed instead.
local function decodeObject(text)
  local ok, value = pcall(json.decode, text)
  if not ok then return nil, tostring(value) end
  if type(value) ~= "table" then return nil, "not a JSON object" end
  return value
end

local function nonEmpty(value)
  return type(value) == "string" and value ~= ""
end

-- Every message moves the clock the TTLs are measured with.
Handlers.prepend("ArNS-Timers", function() return "continue" end, function(msg)
  Now = msg.Timestamp
end)

Handlers.add("ReceiveArNSGetRecordMessage", isArNSGetRecordMessage, function(msg)
  local record, err = decodeObject(msg.Data)
  if not record then
    print("Error decoding JSON data: " .. err)
    return
  end
  local name = msg.Tags.Name
  if not nonEmpty(name) then
    print("Record-Resolved without a Name tag; ignored.")
    return
  end
  local entry = NAMES[name] or {}
  entry.lastUpdated = msg.Timestamp
  entry.processId = record.processId
  -- Published: contractTxId was only set when the name was first cached.
  entry.contractTxId = record.contractTxId
  entry.record = record
  NAMES[name] = entry
  print("Updated " .. name .. " with the latest ArNS-AO Registry info!")

  if nonEmpty(record.contractTxId) then
    local url = SW_CACHE_URL .. record.contractTxId
    print("...fetching more info from SmartWeave Cache (via 0rbit): " .. url)
    fetchJsonDataFromOrbit(url)
    ID_NAME_MAPPING[record.contractTxId] = name
  end
  if nonEmpty(record.processId) then
    print("...fetching more info from ANT-AO process: " .. record.processId)
    ID_NAME_MAPPING[record.processId] = name
    ao.send({ Target = record.processId, Action = "Info" })
  end
end)

-- Published: the pattern took every message from a pending ANT and silently dropped all but
-- Info-Notice; here other messages from it go on to the other handlers (and the Inbox).
Handlers.add("ReceiveANTProcessInfoMessage", function(msg)
  return isANTInfoMessage(msg) and msg.Action == "Info-Notice"
end, function(msg)
  local name = ID_NAME_MAPPING[msg.From]
  local entry = NAMES[name]
  if not entry then -- the cache was cleared meanwhile
    ID_NAME_MAPPING[msg.From] = nil
    return
  end
  local ok, info = pcall(json.decode, msg.Data)
  if not ok then
    print("Error decoding process info: " .. tostring(info))
    return
  end
  if type(info) == "table" then
    -- Published: msg.Tags.ProcessOwner, but aos 2.0 Title-Cases tag names on arrival, so the tag
    -- is found as Processowner and the published blueprint never learnt an owner.
    info.owner = msg.Tags.Processowner or msg.Tags.ProcessOwner
    info.lastUpdated = msg.Timestamp
    entry.process = info
    print("Updated " .. name .. " with the latest ANT-AO process info!")
  else
    print("Invalid process info format received from " .. name)
  end
  ID_NAME_MAPPING[msg.From] = nil
end)

Handlers.add("Receive0rbitMessage", is0rbitMessage, function(msg)
  local ok, feed = pcall(json.decode, msg.Data)
  if not ok then
    print("Error decoding data from 0rbit message: " .. tostring(feed))
    return
  end
  local contractTxId = type(feed) == "table" and feed.contractTxId or nil
  local name = contractTxId ~= nil and ID_NAME_MAPPING[contractTxId] or nil
  if not (name and NAMES[name]) then
    print("Received 0rbit message for an untracked or invalid contractTxId: " .. tostring(contractTxId))
    return
  end
  if type(feed.state) == "table" then
    feed.state.lastUpdated = msg.Timestamp
    NAMES[name].contract = feed.state
    print("Updated " .. name .. " with the latest info from SmartWeave Cache (via 0rbit)!")
  else
    print("Received 0rbit message with invalid or missing 'state' information for contractTxId: "
      .. tostring(contractTxId))
  end
  ID_NAME_MAPPING[contractTxId] = nil
end)
