-- .crypto.cipher.issac: ISAAC (Bob Jenkins's generator; the generator in the module's C) and the
-- Vigenère-style cipher aos builds on it, as aos's: seedIsaac(seed [, use_seed]), getRandom() (the
-- next 32-bit value), getRandomChar() (32..126), random([min [, max [, seed]]]) (a value in
-- min..max; without a seed, seeded from math.random), encrypt(text, key) (a result; only printable
-- ASCII survives) and decrypt(text, key) (a string).
local C = require("ao.cipher")
local bytes = require(".crypto.util.bytes")
local result = require(".crypto.util.result")

local issac = {}

function issac.seedIsaac(seed, use_seed) C.isaac_seed(seed, use_seed and true or false) end
function issac.getRandom() return C.isaac_next() end
function issac.getRandomChar() return C.isaac_next() % 95 + 32 end

function issac.random(min, max, seed)
  min, max = min or 0, max or 2^31 - 1 -- a float maximum gives a float, as in aos
  if seed then
    issac.seedIsaac(seed, true)
  else
    issac.seedIsaac(tostring(math.random(2^31 - 1)), false)
  end
  return issac.getRandom() % (max - min + 1) + min
end

-- Each byte shifted by the next random character, within the 95 printable characters.
local function shift(text, key, direction)
  issac.seedIsaac(key, true)
  local out = {}
  for i = 1, #text do
    out[i] = string.char(32 + (text:byte(i) - 32 + direction * issac.getRandomChar()) % 95)
  end
  return out
end

function issac.encrypt(text, key)
  return result(table.concat(shift(text, key, 1)), { as_bytes = bytes.characters })
end

function issac.decrypt(text, key) return table.concat(shift(text, key, -1)) end

return issac
