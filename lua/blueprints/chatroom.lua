-- chatroom.lua: a chat room — Register joins the Members list, Unregister leaves it, Broadcast
-- sends the message's Data to every member as a Broadcast-Notice.
Members = Members or {}

local function indexOf(member)
  for i, m in ipairs(Members) do
    if m == member then return i end
  end
end

Handlers.add("register", "Register", function(msg)
  if not indexOf(msg.From) then table.insert(Members, msg.From) end
  msg.reply({ Data = "registered" })
end)

Handlers.add("unregister", "Unregister", function(msg)
  local i = indexOf(msg.From)
  if i then table.remove(Members, i) end
  msg.reply({ Data = "unregistered" })
end)

Handlers.add("broadcast", "Broadcast", function(msg)
  for _, member in ipairs(Members) do
    ao.send({ Target = member, Action = "Broadcast-Notice", Broadcaster = msg.From, Data = msg.Data })
  end
  msg.reply({ Data = "Broadcasted." })
end)
