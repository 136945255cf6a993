-- htoken.lua: the "Hyper Test Coin" (HYPER) — the ao Standard Token as aos 2.0.x ships it for
-- hyper-aos, here for aos processes. Load it with `.load-blueprint htoken`; loading it again keeps
-- existing balances and settings. The process starts with the whole supply (10000 tokens of
-- 10^Denomination units); amounts are decimal strings, computed with .bint.
--   Info                        Name, Ticker, Logo, Denomination
--   Balance [Recipient|Target]  the balance of Recipient, else Target, else the sender
--   Balances                    every balance, as JSON
--   Transfer Recipient Quantity moves Quantity from the sender to Recipient: a Debit-Notice to the
--                               sender and a Credit-Notice to Recipient (none when Cast is set),
--                               both carrying the transfer's X- tags; Transfer-Error when short
--   Mint Quantity               the process itself adds to its own balance; others: Mint-Error
--   Total-Supply                the supply (refused to the process itself)
-- Replies go to the sender (From), as the published blueprint sends them, not through Reply-To.
-- Actions match whatever their case, and Total-Supply also answers to "totalSupply", the
-- published handler's name: hyper-aos clients send the handler names (info, balance...).
-- Tag names are spelled as the token standard does (Balance, Ticker, Account...): the published
-- file writes them in lower case, which is the same tag for HyperBEAM and the standard's for aos.
local bint = require(".bint")(256)
local json = require("json")

local function plus(a, b) return tostring(bint(a) + bint(b)) end
local function minus(a, b) return tostring(bint(a) - bint(b)) end
local function units(n) return tostring(bint(n)) end

Variant = "0.0.4"
Denomination = Denomination or 12
Balances = Balances or { [ao.id] = units(10000 * 10 ^ Denomination) }
TotalSupply = TotalSupply or units(10000 * 10 ^ Denomination)
Name = Name or "Hyper Test Coin"
Ticker = Ticker or "HYPER"
Logo = Logo or "eskTHZQzCLOFrpzkr7zeaf4RxmkaNVYvHuPLh4CLpX4"

-- A Quantity tag that is a positive whole number of units.
local function positive(quantity, message)
  assert(type(quantity) == "string", "Quantity is required!")
  assert(bint(quantity) > bint(0), message)
end

Handlers.add("info", { Action = "Info" }, function(msg)
  Send({ Target = msg.From, Name = Name, Ticker = Ticker, Logo = Logo, Denomination = tostring(Denomination) })
end)

-- Published: a Target falls back to the sender's balance when it holds none, the message's own
-- target (the token process) counts as a Target, and Account names the sender even when the
-- balance is another account's — so a plain Balance request may report the process's supply as
-- yours. Here Account is always the account whose balance Balance and Data give, "0" if none.
-- The published handler also printed two debugging lines ("balance called", "from ..."): left out.
Handlers.add("balance", { Action = "Balance" }, function(msg)
  local account = msg.Tags.Recipient or msg.Tags.Target or msg.From
  local balance = Balances[account] or "0"
  Send({ Target = msg.From, Balance = balance, Ticker = Ticker, Account = account, Data = balance })
end)

Handlers.add("balances", { Action = "Balances" }, function(msg)
  Send({ Target = msg.From, Data = json.encode(Balances) })
end)

Handlers.add("transfer", { Action = "Transfer" }, function(msg)
  assert(type(msg.Recipient) == "string", "Recipient is required!")
  positive(msg.Quantity, "Quantity must be greater than 0")
  local sender, recipient, quantity = msg.From, msg.Recipient, msg.Quantity
  Balances[sender] = Balances[sender] or "0"
  Balances[recipient] = Balances[recipient] or "0"
  if bint(quantity) > bint(Balances[sender]) then
    Send({ Target = sender, Action = "Transfer-Error", ["Message-Id"] = msg.Id, Error = "Insufficient Balance!" })
    return
  end
  Balances[sender] = minus(Balances[sender], quantity)
  Balances[recipient] = plus(Balances[recipient], quantity)
  if msg.Cast then return end -- a cast transfer is silent

  local debit = {
    Action = "Debit-Notice", Recipient = recipient, Quantity = quantity,
    Data = Colors.gray .. "You transferred " .. Colors.blue .. quantity .. Colors.gray .. " to "
      .. Colors.green .. recipient .. Colors.reset,
  }
  local credit = {
    Action = "Credit-Notice", Sender = sender, Quantity = quantity,
    Data = Colors.gray .. "You received " .. Colors.blue .. quantity .. Colors.gray .. " from "
      .. Colors.green .. sender .. Colors.reset,
  }
  for _, tag in ipairs(msg.TagArray) do
    if tag.name:sub(1, 2):lower() == "x-" then
      debit[tag.name], credit[tag.name] = tag.value, tag.value
    end
  end
  debit.Target, credit.Target = sender, recipient
  Send(debit)
  Send(credit)
end)

-- Only the token process itself mints, into its own balance.
Handlers.add("mint", { Action = "Mint" }, function(msg)
  positive(msg.Quantity, "Quantity must be greater than zero!")
  Balances[ao.id] = Balances[ao.id] or "0"
  if msg.From ~= ao.id then
    Send({ Target = msg.From, Action = "Mint-Error", ["Message-Id"] = msg.Id,
      Error = "Only the Process Id can mint new " .. Ticker .. " tokens!" })
    return
  end
  Balances[ao.id] = plus(Balances[ao.id], msg.Quantity)
  TotalSupply = plus(TotalSupply, msg.Quantity)
  Send({ Target = msg.From, Data = Colors.gray .. "Successfully minted " .. Colors.blue .. msg.Quantity .. Colors.reset })
end)

-- Published: this handler alone reads msg.From and writes Target in capitals among lower-case
-- fields, so on hyper-aos its check never fires and its reply has no target. Here the check holds
-- and the reply goes to the sender.
Handlers.add("totalSupply", { Action = { "Total-Supply", "totalSupply" } }, function(msg)
  assert(msg.From ~= ao.id, "Cannot call Total-Supply from the same process!")
  Send({ Target = msg.From, Action = "Total-Supply", Data = TotalSupply, Ticker = Ticker })
end)
