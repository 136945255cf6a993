-- default.lua: the `_default` handler — a message no handler took goes into the Inbox and is
-- announced: "New Message From abc...xyz: Action = ..." (or the start of its Data).
return function(insertInbox)
  return function(msg)
    insertInbox(msg)
    local from = msg.From or "unknown"
    local text = Colors.gray .. "New Message From " .. Colors.green .. from:sub(1, 3) .. "..." .. from:sub(-3)
      .. Colors.gray .. ": "
    if msg.Action then
      text = text .. Colors.gray .. "Action = " .. Colors.blue .. msg.Action:sub(1, 20) .. Colors.reset
    else
      local data = type(msg.Data) == "string" and msg.Data:sub(1, 20) or ""
      text = text .. Colors.gray .. "Data = " .. Colors.blue .. data .. Colors.reset
    end
    print(text)
  end
end
