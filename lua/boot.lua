-- boot.lua: the `_boot` handler for a process's first message (its own spawn): the spawn goes
-- into the Inbox, and with `On-Boot = Data` the spawn's Data runs as Lua.
return function(ao)
  return function(msg)
    if #Inbox == 0 then table.insert(Inbox, msg) end
    if msg.Tags["On-Boot"] == "Data" then
      local chunk, err = load(msg.Data, "boot", "t", _G)
      if not chunk then error(err) end
      chunk()
    end
  end
end
