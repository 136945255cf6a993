-- arena.lua: the framework of an arena game, driven by cron. Rounds loop through
-- Not-Started → Waiting (players pay PaymentQty of PaymentToken to take part) → Playing (until one
-- player is left or GameTime passes; winners share BonusQty plus their deposit) → Waiting...
-- Game code calls eliminatePlayer(eliminated, eliminator); an `onTick()` function, if defined,
-- runs on every cron message while playing. Listeners receive every Announcement.
GameMode = GameMode or "Not-Started"
StateChangeTime = StateChangeTime or nil
WaitTime = WaitTime or 2 * 60 * 1000 -- milliseconds
GameTime = GameTime or 20 * 60 * 1000
Now = Now or nil

UNIT = 1e6
PaymentToken = PaymentToken or "ADDR"
PaymentQty = PaymentQty or tostring(math.floor(UNIT))
BonusQty = BonusQty or tostring(math.floor(UNIT))

Waiting = Waiting or {} -- player → has paid
Players = Players or {} -- player → state
Winners = 0
Listeners = Listeners or {}
MinimumPlayers = MinimumPlayers or 2
PlayerInitState = PlayerInitState or {}

function playerInitState()
  local state = {}
  for k, v in pairs(PlayerInitState) do state[k] = v end
  return state
end

function announce(event, description)
  for _, address in ipairs(Listeners) do
    ao.send({ Target = address, Action = "Announcement", Event = event, Data = description })
  end
  print(Colors.gray .. "Announcement: " .. Colors.red .. event .. " " .. Colors.blue .. description .. Colors.reset)
end

function sendReward(recipient, qty, reason)
  qty = tostring(math.floor(tonumber(qty)))
  ao.send({ Target = PaymentToken, Action = "Transfer", Quantity = qty, Recipient = recipient, Reason = reason })
  print(Colors.gray .. "Sent Reward: " .. Colors.blue .. qty .. Colors.gray .. " tokens to " .. Colors.green
    .. recipient .. " " .. Colors.blue .. reason .. Colors.reset)
end

function removeListener(listener)
  for i, v in ipairs(Listeners) do
    if v == listener then
      table.remove(Listeners, i)
      return
    end
  end
end

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

function startWaitingPeriod()
  GameMode = "Waiting"
  StateChangeTime = Now + WaitTime
  announce("Started-Waiting-Period", "The game is about to begin! Send your token to take part.")
  print("Starting Waiting Period")
end

function startGamePeriod()
  local paid = 0
  for _, hasPaid in pairs(Waiting) do
    if hasPaid then paid = paid + 1 end
  end
  if paid < MinimumPlayers then
    announce("Not-Enough-Players", "Not enough players registered! Restarting...")
    for player, hasPaid in pairs(Waiting) do
      if hasPaid then
        Waiting[player] = false
        sendReward(player, PaymentQty, "Refund")
      end
    end
    startWaitingPeriod()
    return
  end
  GameMode = "Playing"
  StateChangeTime = Now + GameTime
  announce("Started-Game", "The game has started. Good luck!")
  for player, hasPaid in pairs(Waiting) do
    if hasPaid then
      Players[player] = playerInitState()
    else
      ao.send({ Target = player, Action = "Ejected", Reason = "Did-Not-Pay" })
      removeListener(player)
    end
  end
  print("Game Started....")
end

function endGame()
  print("Game Over")
  Winners = count(Players)
  local winnings = Winners > 0 and tonumber(BonusQty) / Winners or 0
  for player in pairs(Players) do
    sendReward(player, winnings + tonumber(PaymentQty), "Win")
    Waiting[player] = false
  end
  Players = {}
  announce("Game-Ended", "Congratulations! The game has ended. Remaining players at conclusion: " .. Winners .. ".")
  startWaitingPeriod()
end

function eliminatePlayer(eliminated, eliminator)
  sendReward(eliminator, PaymentQty, "Eliminated-Player")
  Waiting[eliminated] = false
  Players[eliminated] = nil
  ao.send({ Target = eliminated, Action = "Eliminated", Eliminator = eliminator })
  announce("Player-Eliminated", eliminated .. " was eliminated by " .. eliminator .. "!")
  print("Eliminating player: " .. eliminated .. " by: " .. eliminator)
  if count(Players) < MinimumPlayers then endGame() end
end

-- Every message moves the clock; cron messages keep the game moving without players.
Handlers.add("Game-State-Timers", function() return "continue" end, function(msg)
  Now = msg.Timestamp
  if GameMode == "Not-Started" then
    startWaitingPeriod()
  elseif GameMode == "Waiting" then
    if Now > StateChangeTime then startGamePeriod() end
  elseif GameMode == "Playing" then
    if type(onTick) == "function" then onTick() end
    if Now > StateChangeTime then endGame() end
  end
end)

-- A deposit: a Credit-Notice from the payment token of at least PaymentQty.
Handlers.add("Transfer", function(msg)
  return msg.Action == "Credit-Notice" and msg.From == PaymentToken
    and tonumber(msg.Quantity) >= tonumber(PaymentQty) and "continue"
end, function(msg)
  Waiting[msg.Sender] = true
  ao.send({ Target = msg.Sender, Action = "Payment-Received" })
  announce("Player-Ready", msg.Sender .. " is ready to play!")
end)

-- Register to play (or, with Mode = Listen, only to hear announcements).
Handlers.add("Register", "Register", function(msg)
  if msg.Mode ~= "Listen" and Waiting[msg.From] == nil then Waiting[msg.From] = false end
  removeListener(msg.From)
  table.insert(Listeners, msg.From)
  ao.send({ Target = msg.From, Action = "Registered" })
  announce("New Player Registered", msg.From .. " has joined in waiting.")
end)

Handlers.add("Unregister", "Unregister", function(msg)
  removeListener(msg.From)
  ao.send({ Target = msg.From, Action = "Unregistered" })
end)

Handlers.add("AddBet", Handlers.utils.hasMatchingTag("Reason", "AddBet"), function(msg)
  BonusQty = tostring(math.floor(tonumber(BonusQty) + tonumber(msg.Tags.Quantity)))
  announce("Bet-Added", msg.From .. "has placed a bet. " .. "BonusQty amount increased by " .. msg.Tags.Quantity .. "!")
end)

Handlers.add("GetGameState", "GetGameState", function(msg)
  local state = require("json").encode({ GameMode = GameMode, TimeRemaining = StateChangeTime - Now, Players = Players })
  ao.send({ Target = msg.From, Action = "GameState", Data = state })
end)

Handlers.add("AnnounceTick", "Tick", function()
  local remaining = StateChangeTime - Now
  if GameMode == "Waiting" then
    announce("Tick", "The game will start in " .. (remaining / 1000) .. " seconds.")
  elseif GameMode == "Playing" then
    announce("Tick", "The game will end in " .. (remaining / 1000) .. " seconds.")
  end
end)

Handlers.add("RequestTokens", "RequestTokens", function(msg)
  print("Transfering Tokens: " .. tostring(math.floor(1000 + UNIT)))
  ao.send({ Target = ao.id, Action = "Transfer", Quantity = tostring(math.floor(1000 + UNIT)), Recipient = msg.From })
end)
