-- cred-utils.lua: your process's CRED balance (the AO Cookbook's CRED Utils blueprint). CRED was
-- legacynet's token, issued by CRED_PROCESS; 1 CRED = 1000 units.
--   CRED.balance   the last known balance (in CRED, e.g. "1.500"); fetched first if never checked
--   CRED.update    asks the issuer for the current balance (Action = Balance)
--   CRED.process   the issuer's process id
--   CRED.send(target, units)   transfers `units` CRED units to `target` (Action = Transfer)
-- The issuer's Balance replies update the balance (handler UpdateCredBalance); its Debit-Notice
-- and Credit-Notice are printed (CRED_Debit, CRED_Credit). Loading it again keeps the balance.
CRED_PROCESS = "Sa0iBLPNyJQrwpTTG-tWLQU-1QeUAJA73DdxGGiKoJc"

local UNCHECKED = "Your CRED balance has not been checked yet. Updating now."

-- The published blueprint resets _CRED on every load, forgetting a known balance; this keeps it.
_CRED = _CRED or { balance = UNCHECKED }

local function requestBalance()
  Send({ Target = CRED_PROCESS, Action = "Balance", Tags = { Target = ao.id } })
end

-- Units as CRED: three decimals. The published blueprint only inserts the point when there are
-- more than three digits, so 500 units showed as "500" (read as 500 CRED); this shows "0.500".
local function asCred(units)
  local digits = tostring(units)
  if not digits:match("^%d+$") then return digits end
  digits = string.rep("0", 4 - #digits) .. digits
  return digits:sub(1, -4) .. "." .. digits:sub(-3)
end

local properties = {
  update = function()
    requestBalance()
    return "Balance update requested."
  end,
  balance = function()
    if _CRED.balance == UNCHECKED then requestBalance() end
    return _CRED.balance
  end,
  process = function() return CRED_PROCESS end,
  send = function()
    return function(target, units)
      assert(type(target) == "string", "CRED.send needs the recipient's process id")
      units = tostring(units)
      -- (the published text runs the amount into the word: "sending 1000CRED to ...")
      print("sending " .. units .. " CRED units to " .. target)
      Send({ Target = CRED_PROCESS, Action = "Transfer", Recipient = target, Quantity = units })
    end
  end,
}

CRED = setmetatable({}, {
  __index = function(_, key)
    local property = properties[key]
    if property then return property() end
  end,
})

local function fromIssuer(msg) return msg.From == CRED_PROCESS end

Handlers.add("UpdateCredBalance", function(msg)
  return fromIssuer(msg) and msg.Tags.Balance ~= nil
end, function(msg)
  _CRED.balance = asCred(msg.Tags.Balance)
  print("CRED Balance updated: " .. _CRED.balance)
end)

Handlers.add("CRED_Debit", function(msg)
  return fromIssuer(msg) and msg.Tags.Action == "Debit-Notice"
end, function(msg) print(msg.Data) end)

Handlers.add("CRED_Credit", function(msg)
  return fromIssuer(msg) and msg.Tags.Action == "Credit-Notice"
end, function(msg) print(msg.Data) end)
