-- {{name}}'s chatroom: whoever transfers Fee tokens to it becomes a member; members' Broadcasts
-- go to every member. TOKEN (the token process's id) is set by ao deploy and ao test.
Fee = Fee or "10"
Members = Members or {}
Messages = Messages or {}

-- The token tells the chatroom it was paid: only a Credit-Notice from TOKEN counts.
Handlers.add("Join",
  function(msg) return msg.Action == "Credit-Notice" and msg.From == TOKEN end,
  function(msg)
    if tonumber(msg.Quantity) < tonumber(Fee) then
      Send({ Target = msg.Sender, Action = "Join-Error", Data = "The fee is " .. Fee })
      return
    end
    Members[msg.Sender] = true
    Send({ Target = msg.Sender, Action = "Joined", Data = "Welcome to {{name}}" })
  end)

-- The members, in order (a table's pairs have none).
local function members()
  local list = {}
  for member in pairs(Members) do list[#list + 1] = member end
  table.sort(list)
  return list
end

Handlers.add("Broadcast", "Broadcast", function(msg)
  assert(Members[msg.From], "Only members can broadcast")
  Messages[#Messages + 1] = { From = msg.From, Data = msg.Data }
  for _, member in ipairs(members()) do
    Send({ Target = member, Action = "Broadcasted", Sender = msg.From, Data = msg.Data })
  end
end)

Handlers.add("Members", "Members", function(msg)
  msg.reply({ Action = "Members", Data = require("json").encode(members()) })
end)
