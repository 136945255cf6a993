-- A local module: src/main.lua requires it as "lib.greeting".
local greeting = {}

function greeting.pong(count)
  return "Pong #" .. count
end

return greeting
