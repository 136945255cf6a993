-- {{name}}: answers Ping with Pong and counts the pings.
local greeting = require("lib.greeting")

Pings = Pings or 0

Handlers.add("Ping", "Ping", function(msg)
  Pings = Pings + 1
  msg.reply({ Action = "Pong", Data = greeting.pong(Pings) })
end)

Handlers.add("Count", "Count", function(msg)
  msg.reply({ Action = "Count", Data = tostring(Pings) })
end)
