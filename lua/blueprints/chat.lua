-- chat.lua: DevChat, the ao community chat client. Rooms are processes: a room relays what you
-- Say to its members as Broadcasted messages, and a router process keeps the list of rooms.
-- Loading the blueprint joins the Getting-Started room (once) and returns help().
--
--   List()                      ask the router for the rooms (its Room-List reply is printed)
--   Join(room[, nickname])      register with a room (a name from the list, or an address)
--   Say(text[, room, ...])      broadcast to the rooms given, else to the room used last
--   Tip([recipient, room, qty]) send a room token (Transfer) to whoever spoke last, or to recipient
--   Replay([depth, room])       ask a room to send its last depth messages again (default 3)
--   Leave(room)                 unregister from a room
--   DevChat.add([name, addr])   register a room (default: this process, named Name) with the router
--
-- DevChat holds the state: Router, InitRoom, Rooms (address -> name), LastSend, LastReceive
-- ({ Room, Sender }) and Confirmations (print a line when your own broadcast comes back).
--
-- Where this differs from the published blueprint (each marked "Differs:" below): loading it
-- again keeps the state; a new room list replaces the old one; Say to several rooms; a nickname
-- or name that is missing does not make a function or handler fail halfway.

local ROUTER = "8MGp9kOU4JYxAlPT1AyL7O3cedd97y-w8X4ciBsf_Xo"
local GETTING_STARTED = "6I1JBBc9SOMtqFxlX7OoYgsMh7QeZk2fFwUCHTUqshg"

-- Differs: the published blueprint starts from `DevChat = {}`, so its `DevChat.X or default`
-- lines always took the default and a reload forgot rooms, last room and settings.
DevChat = DevChat or {}
DevChat.Router = ROUTER
DevChat.InitRoom = GETTING_STARTED
DevChat.InitRooms = { [GETTING_STARTED] = "Getting-Started" }
DevChat.LastSend = DevChat.LastSend or GETTING_STARTED
DevChat.LastReceive = DevChat.LastReceive or { Room = GETTING_STARTED, Sender = nil }
DevChat.Rooms = DevChat.Rooms or { [GETTING_STARTED] = "Getting-Started" }
-- (`Confirmations or true` would turn a chosen false back into true.)
if DevChat.Confirmations == nil then DevChat.Confirmations = true end

local gray, blue, green, red, reset = Colors.gray, Colors.blue, Colors.green, Colors.red, Colors.reset

-- The address of the room called `name`, or nil.
function DevChat.findRoom(name)
  for address, roomName in pairs(DevChat.Rooms) do
    if roomName == name then return address end
  end
end

-- A room given by name or by address, as an address.
local function resolve(room)
  return DevChat.findRoom(room) or room
end

-- How to show a room: its name when known, else what we have.
local function label(address)
  return DevChat.Rooms[address] or address
end

function DevChat.add(name, address)
  ao.send({ Target = DevChat.Router, Action = "Register", Name = name or Name, Address = address or ao.id })
end

function List()
  ao.send({ Target = DevChat.Router, Action = "Get-List" })
  return gray .. "Getting the room list from the DevChat index..." .. reset
end

-- The nickname defaults to this process's id (the published `or Name` after it never applies).
function Join(room, nickname)
  ao.send({ Target = resolve(room), Action = "Register", Nickname = nickname or ao.id })
  return gray .. "Registering with room " .. blue .. room .. gray .. "..." .. reset
end

-- Differs: the published Say used only the first room although help() offers
-- `Say("Msg", "RoomName1", "RoomName2")`; here each room given gets the message. The first one is
-- remembered for the next Say, as before. And after Say(text, address) of a room with no name,
-- a later Say(text) failed on a nil name (after queueing the message); it shows the address.
function Say(text, ...)
  local rooms = { ... }
  if rooms[1] ~= nil then DevChat.LastSend = resolve(rooms[1]) end
  local targets = { DevChat.LastSend }
  for i = 2, #rooms do table.insert(targets, resolve(rooms[i])) end

  local names = {}
  for _, target in ipairs(targets) do
    ao.send({ Target = target, Action = "Broadcast", Data = text })
    table.insert(names, label(target))
  end
  if not DevChat.Confirmations then return "" end
  return gray .. "Broadcasting to " .. blue .. table.concat(names, gray .. ", " .. blue) .. gray .. "..." .. reset
end

-- Differs: a room given by name is looked up like everywhere else (the published Tip sent the
-- Transfer to the name itself), with nobody to tip it fails before sending anything, and its
-- line ends with a colour reset.
function Tip(recipient, room, quantity)
  local target = room and resolve(room) or DevChat.LastReceive.Room
  local to = recipient or DevChat.LastReceive.Sender
  assert(to ~= nil, "Tip: nobody has spoken yet; give a recipient")
  local amount = tostring(quantity or 1)
  ao.send({ Target = target, Action = "Transfer", Recipient = to, Quantity = amount })
  return gray .. "Sent tip of " .. green .. amount .. gray .. " to " .. red .. to .. gray
    .. " in room " .. blue .. label(target) .. gray .. "." .. reset
end

-- Differs: the published Replay(depth) without a room had no target and failed; it now uses
-- the room heard from last, as Replay() does.
function Replay(depth, room)
  local target = room and resolve(room) or DevChat.LastReceive.Room
  depth = depth or 3
  ao.send({ Target = target, Action = "Replay", Depth = tostring(depth) })
  return gray .. "Requested replay of the last " .. green .. depth .. gray .. " messages from "
    .. blue .. label(target) .. reset .. "."
end

function Leave(room)
  ao.send({ Target = resolve(room), Action = "Unregister" })
  return gray .. "Leaving room " .. blue .. room .. gray .. "..." .. reset
end

-- A room relays a message: print it as [nickname@room]> text, and remember room and speaker for
-- Tip and Replay. Differs: a Broadcasted message without Nickname (or Broadcaster) is shown
-- with the broadcaster's (or sender's) address instead of failing.
Handlers.add("DevChat-Broadcasted", Handlers.utils.hasMatchingTag("Action", "Broadcasted"), function(msg)
  local room = DevChat.Rooms[msg.From] or string.sub(msg.From, 1, 6)
  local speaker = msg.Broadcaster or msg.From
  local nickname = msg.Nickname or speaker
  if speaker == ao.id and DevChat.Confirmations == true then
    print(gray .. "[Received confirmation of your broadcast in " .. blue .. room .. gray .. ".]" .. reset)
  end
  local shown = string.sub(nickname, 1, 10)
  if speaker ~= nickname then shown = shown .. gray .. "#" .. string.sub(speaker, 1, 3) end
  print("[" .. red .. shown .. reset .. "@" .. blue .. room .. reset .. "]> " .. green .. tostring(msg.Data or "") .. reset)
  DevChat.LastReceive.Room = msg.From
  DevChat.LastReceive.Sender = speaker
end)

-- The router's Room-List: one tag Room-NAME = address per room. Differs: the published handler
-- reset Rooms by making it the very table InitRooms, so rooms were never forgotten (and InitRooms
-- grew); here the list replaces the rooms, keeping Getting-Started.
Handlers.add("DevChat-List", function(msg)
  return msg.Action == "Room-List" and msg.From == DevChat.Router
end, function(msg)
  local rooms, lines = {}, {}
  for address, name in pairs(DevChat.InitRooms) do rooms[address] = name end
  for _, tag in ipairs(msg.TagArray) do
    local name = tag.name:match("^Room%-(.*)$")
    if name then
      rooms[tag.value] = name
      table.insert(lines, blue .. "        " .. name .. reset .. "\n")
    end
  end
  DevChat.Rooms = rooms
  print("👋 The following rooms are currently available on DevChat:\n\n" .. table.concat(lines)
    .. "\nJoin a chat by running `Join(\"chatName\"[, \"yourNickname\"])`! You can leave chats with `Leave(\"name\")`.")
end)

if DevChatRegistered == nil then
  DevChatRegistered = true
  Join(DevChat.InitRoom)
end

function help()
  local function command(text, what) return green .. "\t\t`" .. text .. "`" .. reset .. what .. "\n" end
  return blue .. "\n\nWelcome to ao DevChat v0.1!\n\n" .. reset
    .. "DevChat is a simple service that helps the ao community communicate as we build our new computer.\n"
    .. "The interface is simple. Run...\n\n"
    .. command("List()", " to see which rooms are available.")
    .. command("Join(\"RoomName\")", " to join a room.")
    .. green .. "\t\t`Say(\"Msg\", \"RoomName\") or Say(\"Msg\", \"RoomName1\", \"RoomName2\")`" .. reset
    .. " to post to a room (remembering your last choice for next time).\n"
    .. command("Replay(Count, \"RoomName\") e.g. Replay(1, \"Getting-Started\")", " to reprint the most recent messages from a chat.")
    .. command("Leave(\"RoomName\")", " at any time to unsubscribe from a chat.")
    .. command("Tip([\"Recipient\"])", " to send a token from the chatroom to the sender of the last message.\n")
    .. "You have already been registered to the " .. blue .. label(DevChat.InitRoom) .. reset .. ".\n"
    .. "Have fun, be respectful, and remember: Cypherpunks ship code! 🫡"
end

return help()
