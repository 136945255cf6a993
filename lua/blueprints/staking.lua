-- staking.lua: stake tokens from `Balances` (load the token blueprint first). Stake moves
-- Quantity from the sender's balance into Stakers; Unstake schedules it back, released
-- UnstakeDelay blocks after the last stake; every message releases what is due.
local bint = require(".bint")(256)
local json = require("json")

Variant = "0.0.4"
Stakers = Stakers or {}
Unstaking = Unstaking or {}
UnstakeDelay = UnstakeDelay or 670

local function add(a, b) return tostring(bint(a) + bint(b)) end
local function subtract(a, b) return tostring(bint(a) - bint(b)) end

Handlers.stake = function(msg)
  local quantity = msg.Tags.Quantity
  assert(Balances[msg.From] and bint(Balances[msg.From]) >= bint(quantity), "Insufficient balance to stake")
  Balances[msg.From] = subtract(Balances[msg.From], quantity)
  Stakers[msg.From] = Stakers[msg.From] or { amount = "0" }
  Stakers[msg.From].amount = add(Stakers[msg.From].amount, quantity)
  Stakers[msg.From].unstake_at = tonumber(msg["Block-Height"]) + UnstakeDelay
  print("Successfully Staked " .. quantity)
  msg.reply({ Data = "Successfully Staked " .. quantity })
end

Handlers.unstake = function(msg)
  local quantity = msg.Tags.Quantity
  local staker = Stakers[msg.From]
  assert(staker and bint(staker.amount) >= bint(quantity), "Insufficient staked amount")
  staker.amount = subtract(staker.amount, quantity)
  local pending = Unstaking[msg.From]
  Unstaking[msg.From] = { amount = add(pending and pending.amount or "0", quantity), release_at = staker.unstake_at }
  msg.reply({ Data = "Successfully unstaked " .. quantity })
end

local function release(msg)
  local height = tonumber(msg["Block-Height"])
  for address, pending in pairs(Unstaking) do
    if pending.release_at == nil or height >= pending.release_at then
      Balances[address] = add(Balances[address] or "0", pending.amount)
      Unstaking[address] = nil
    end
  end
end

Handlers.add("staking.balances", "Stakers", function(msg) msg.reply({ Data = json.encode(Stakers) }) end)
Handlers.add("staking.stake", Handlers.utils.continue(Handlers.utils.hasMatchingTag("Action", "Stake")), Handlers.stake)
Handlers.add("staking.unstake", Handlers.utils.continue(Handlers.utils.hasMatchingTag("Action", "Unstake")), Handlers.unstake)
Handlers.prepend("staking.finalize", function() return "continue" end, release)
