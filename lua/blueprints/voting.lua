-- voting.lua: stake-weighted votes (load the token and staking blueprints first). Vote with tags
-- Target (what is voted on), Side ("yay" or "nay") and Deadline (blocks from now); the weight is
-- the voter's stake. Every message closes the votes whose deadline passed, printing
-- "Handle Vote" for those the yays won.
local bint = require(".bint")(256)

Votes = Votes or {}

Handlers.vote = function(msg)
  local staker = Stakers[msg.From]
  local weight = staker and staker.amount or "0"
  assert(bint(weight) > bint(0), "No staked tokens to vote")
  local target, side = msg.Tags.Target, msg.Tags.Side
  assert(side == "yay" or side == "nay", "Side must be yay or nay")
  local deadline = tonumber(msg["Block-Height"]) + tonumber(msg.Tags.Deadline)
  Votes[target] = Votes[target] or { yay = "0", nay = "0", deadline = deadline }
  Votes[target][side] = tostring(bint(Votes[target][side]) + bint(weight))
end

local function finalize(msg)
  local height = tonumber(msg["Block-Height"])
  for target, vote in pairs(Votes) do
    if height >= vote.deadline then
      if bint(vote.yay) > bint(vote.nay) then print("Handle Vote") end
      Votes[target] = nil
    end
  end
end

Handlers.add("vote", Handlers.utils.continue(Handlers.utils.hasMatchingTag("Action", "Vote")), Handlers.vote)
Handlers.add("finalize", function() return -1 end, finalize)
