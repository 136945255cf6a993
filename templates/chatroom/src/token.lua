-- {{name}}: a fungible token. Quantities are whole numbers of the smallest unit, as text.
local bint = require(".bint")(256)

Name = "{{name}}"
Ticker = Ticker or "TOKEN"
Denomination = Denomination or 12
Balances = Balances or {}

local function balance(address)
  return bint(Balances[address] or "0")
end

local function quantity(msg)
  local ok, amount = pcall(bint, msg.Quantity)
  assert(type(msg.Quantity) == "string" and ok, "Quantity is a whole number")
  assert(bint.__lt(0, amount), "Quantity must be more than 0")
  return amount
end

Handlers.add("Info", "Info", function(msg)
  msg.reply({ Name = Name, Ticker = Ticker, Denomination = tostring(Denomination) })
end)

Handlers.add("Balance", "Balance", function(msg)
  local account = msg.Tags.Recipient or msg.Tags.Target or msg.From
  local amount = tostring(balance(account))
  msg.reply({ Action = "Balance-Notice", Balance = amount, Ticker = Ticker, Account = account, Data = amount })
end)

Handlers.add("Balances", "Balances", function(msg)
  msg.reply({ Action = "Balances-Notice", Data = require("json").encode(Balances) })
end)

Handlers.add("Total-Supply", "Total-Supply", function(msg)
  local total = bint(0)
  for _, amount in pairs(Balances) do total = total + bint(amount) end
  msg.reply({ Action = "Total-Supply", Data = tostring(total), Ticker = Ticker })
end)

Handlers.add("Transfer", "Transfer", function(msg)
  assert(type(msg.Recipient) == "string", "Recipient is required")
  local amount = quantity(msg)
  if bint.__lt(balance(msg.From), amount) then
    msg.reply({ Action = "Transfer-Error", ["Message-Id"] = msg.Id, Error = "Insufficient Balance!" })
    return
  end
  Balances[msg.From] = tostring(balance(msg.From) - amount)
  Balances[msg.Recipient] = tostring(balance(msg.Recipient) + amount)
  if msg.Tags.Cast then return end
  msg.reply({ Action = "Debit-Notice", Recipient = msg.Recipient, Quantity = msg.Quantity,
    Data = "You transferred " .. msg.Quantity .. " to " .. msg.Recipient })
  Send({ Target = msg.Recipient, Action = "Credit-Notice", Sender = msg.From, Quantity = msg.Quantity,
    Data = "You received " .. msg.Quantity .. " from " .. msg.From })
end)

Handlers.add("Mint", "Mint", function(msg)
  assert(msg.From == Owner or msg.From == ao.id, "Only the owner can mint")
  local amount = quantity(msg)
  Balances[msg.From] = tostring(balance(msg.From) + amount)
  msg.reply({ Action = "Mint-Notice", Quantity = msg.Quantity, Data = "Minted " .. msg.Quantity })
end)
