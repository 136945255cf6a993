-- chance.lua: the deterministic random number generator behind math.random in a process —
-- MT19937, seeded once per process as aos seeds it, so the same process draws the same numbers.
local chance = {}

local N, M = 624, 397
local state, index = {}, N

function chance.seed(seed)
  state[0] = seed & 0xffffffff
  for i = 1, N - 1 do
    local prev = state[i - 1]
    state[i] = (1812433253 * (prev ~ (prev >> 30)) + i) & 0xffffffff
  end
  index = N
end

local function twist()
  for i = 0, N - 1 do
    local y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff)
    local next = state[(i + M) % N] ~ (y >> 1)
    if y & 1 == 1 then next = next ~ 0x9908b0df end
    state[i] = next
  end
  index = 0
end

-- The next 32-bit output.
function chance.integer32()
  if index >= N then twist() end
  local y = state[index]
  index = index + 1
  y = y ~ (y >> 11)
  y = y ~ ((y << 7) & 0x9d2c5680)
  y = y ~ ((y << 15) & 0xefc60000)
  y = y ~ (y >> 18)
  return y & 0xffffffff
end

-- A float in [0, 1).
function chance.random()
  return chance.integer32() / 4294967296.0
end

-- An integer in [min, max].
function chance.integer(min, max)
  return math.floor(chance.random() * (max - min + 1)) + min
end

chance.seed(5489)
return chance
