-- token.lua: the ao Standard Token — Info, Balance, Balances, Transfer (with Debit-/Credit-Notice),
-- Mint, Total-Supply, Burn. Balances are decimal strings, computed with .bint. Loading it again
-- keeps existing balances and settings.
local bint = require(".bint")(256)
local json = require("json")

local function add(a, b) return tostring(bint(a) + bint(b)) end
local function subtract(a, b) return tostring(bint(a) - bint(b)) end
local function amount(a) return tostring(bint(a)) end

Variant = "0.0.3"
Denomination = Denomination or 12
Balances = Balances or { [ao.id] = amount(10000 * 10 ^ Denomination) }
TotalSupply = TotalSupply or amount(10000 * 10 ^ Denomination)
Name = Name or "Points Coin"
Ticker = Ticker or "PNTS"
Logo = Logo or "SBCCXwwecBlDqRLUjb8dYABExTJXLieawf7m2aBJ-KY"

Handlers.add("info", "Info", function(msg)
  msg.reply({ Name = Name, Ticker = Ticker, Logo = Logo, Denomination = tostring(Denomination) })
end)

-- The balance of Recipient, else of Target, else of the sender.
Handlers.add("balance", "Balance", function(msg)
  local account = msg.Tags.Recipient or msg.Tags.Target or msg.From
  local balance = Balances[account] or "0"
  msg.reply({ Balance = balance, Ticker = Ticker, Account = msg.Tags.Recipient or msg.From, Data = balance })
end)

Handlers.add("balances", "Balances", function(msg)
  msg.reply({ Data = json.encode(Balances) })
end)

Handlers.add("transfer", "Transfer", function(msg)
  assert(type(msg.Recipient) == "string", "Recipient is required!")
  assert(type(msg.Quantity) == "string", "Quantity is required!")
  assert(bint.__lt(0, bint(msg.Quantity)), "Quantity must be greater than 0")
  local from, to, quantity = msg.From, msg.Recipient, msg.Quantity
  Balances[from] = Balances[from] or "0"
  Balances[to] = Balances[to] or "0"
  if bint(quantity) > bint(Balances[from]) then
    msg.reply({ Action = "Transfer-Error", ["Message-Id"] = msg.Id, Error = "Insufficient Balance!" })
    return
  end
  Balances[from] = subtract(Balances[from], quantity)
  Balances[to] = add(Balances[to], quantity)
  if msg.Cast then return end -- a "cast" transfer sends no notices

  local debit = {
    Action = "Debit-Notice", Recipient = to, Quantity = quantity,
    Data = Colors.gray .. "You transferred " .. Colors.blue .. quantity .. Colors.gray .. " to " .. Colors.green .. to .. Colors.reset,
  }
  local credit = {
    Target = to, Action = "Credit-Notice", Sender = from, Quantity = quantity,
    Data = Colors.gray .. "You received " .. Colors.blue .. quantity .. Colors.gray .. " from " .. Colors.green .. from .. Colors.reset,
  }
  -- X- tags travel with the notices.
  for _, tag in ipairs(msg.TagArray) do
    if tag.name:find("^X%-") then
      debit[tag.name] = msg[tag.name]
      credit[tag.name] = msg[tag.name]
    end
  end
  msg.reply(debit)
  Send(credit)
end)

-- Only the token process itself mints.
Handlers.add("mint", "Mint", function(msg)
  assert(type(msg.Quantity) == "string", "Quantity is required!")
  assert(bint(0) < bint(msg.Quantity), "Quantity must be greater than zero!")
  if msg.From ~= ao.id then
    msg.reply({ Action = "Mint-Error", ["Message-Id"] = msg.Id, Error = "Only the Process Id can mint new " .. Ticker .. " tokens!" })
    return
  end
  Balances[ao.id] = add(Balances[ao.id] or "0", msg.Quantity)
  TotalSupply = add(TotalSupply, msg.Quantity)
  msg.reply({ Data = Colors.gray .. "Successfully minted " .. Colors.blue .. msg.Quantity .. Colors.reset })
end)

Handlers.add("totalSupply", "Total-Supply", function(msg)
  assert(msg.From ~= ao.id, "Cannot call Total-Supply from the same process!")
  msg.reply({ Action = "Total-Supply", Data = TotalSupply, Ticker = Ticker })
end)

Handlers.add("burn", "Burn", function(msg)
  assert(type(msg.Quantity) == "string", "Quantity is required!")
  assert(bint(msg.Quantity) <= bint(Balances[msg.From] or "0"), "Quantity must be less than or equal to the current balance!")
  Balances[msg.From] = subtract(Balances[msg.From], msg.Quantity)
  TotalSupply = subtract(TotalSupply, msg.Quantity)
  msg.reply({ Data = Colors.gray .. "Successfully burned " .. Colors.blue .. msg.Quantity .. Colors.reset })
end)
