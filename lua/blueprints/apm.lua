-- apm.lua: installs the APM client (the ao Package Manager by BetterIDEa, https://apm.betteridea.dev)
-- from the APM registry. Loading it sends APM.Update to the registry (APM_PROCESS) and prints
-- "📦 Loading APM..."; the registry answers with an APM.UpdateResponse whose Data is the client's
-- Lua source, hex-encoded, and whose Version tag is its version. The client then runs and defines
-- `apm` (see its own docs: apm.install(...)), and apm._version records the version.
-- Only the registry's answer is taken: other senders' APM.UpdateResponse are refused, and the
-- handler stays until a client is installed. A failed install replies to the registry with
-- Result = "error" and the reason as Data.
-- Also defines Hexencode(text) / Hexdecode(hex) and HandleRun(fn, msg) (runs fn(msg); on an error
-- prints it and replies Result = "error" to the sender).
APM_PROCESS = APM_PROCESS or "RLvG3tclmALLBCrwc17NqzNFqZCrUf3-RKZ5v8VRHiU"

function Hexencode(text)
  return (text:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

function Hexdecode(hex)
  return (hex:gsub("%x%x", function(pair) return string.char(tonumber(pair, 16)) end))
end

function HandleRun(fn, msg)
  local ok, err = pcall(fn, msg)
  if ok then return end
  err = tostring(err)
  local reason = err:match(":%d+: (.+)") or err -- without the "chunk:line:" prefix
  print(tostring(msg.Action) .. " - " .. err)
  ao.send({ Target = msg.From, Data = reason, Result = "error" })
end

local HANDLER = "APM.UpdateResponse"

-- The published blueprint means to check the sender and the Result, but writes
-- `not from == apm_id` and `not msg.Result == "success"`, which are always false: anyone could
-- run code in the process by sending an APM.UpdateResponse, and failures were installed as
-- source. Here both are checked, and a refused message does not use up the handler (the
-- published one is Handlers.once, so any stray response would have removed it).
local function install(msg)
  if msg.From ~= APM_PROCESS then
    print("Attempt to update from illegal source")
    return
  end
  if msg.Result ~= "success" then
    print("Update failed: " .. tostring(msg.Data))
    return
  end
  assert(type(msg.Data) == "string" and msg.Data ~= "", "the update carries no APM source")
  local chunk, err = load(Hexdecode(msg.Data), "=apm", "t", _G)
  if not chunk then error("Error compiling load function: " .. err) end
  chunk()
  assert(type(apm) == "table", "the APM source did not define apm")
  apm._version = msg.Version
  Handlers.remove(HANDLER)
end

-- Ahead of the other handlers, as the published Handlers.once is.
Handlers.prepend(HANDLER, Handlers.utils.hasMatchingTag("Action", "APM.UpdateResponse"), function(msg)
  HandleRun(install, msg)
end)

Send({ Target = APM_PROCESS, Action = "APM.Update" })
print("📦 Loading APM...")
