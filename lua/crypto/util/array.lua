-- .crypto.util.array: byte tables ({97, 111}) as aos's crypto library has them. An array ends at
-- its first nil. Hex out is uppercase; fromHex leaves a hole where a pair is not hex.
local bytes = require(".crypto.util.bytes")
local Stream = require(".crypto.util.stream")

local Array = {}

function Array.size(array) return #array end
function Array.fromString(text) return bytes.of(text) end
function Array.toString(array) return bytes.tostring(array) end
function Array.fromStream(stream) return Stream.toArray(stream) end
function Array.toStream(array) return Stream.fromArray(array) end
function Array.fromHex(hex) return bytes.fromhex(hex) end
function Array.toHex(array) return bytes.hex(bytes.tostring(array), true) end

function Array.readFromQueue(queue, size)
  local out = {}
  for i = 1, size do out[i] = queue.pop() end
  return out
end

function Array.writeToQueue(queue, array)
  for i = 1, #array do queue.push(array[i]) end
end

function Array.concat(a, b)
  local n = bytes.extent(a)
  local out = table.move(a, 1, n, 1, {})
  return table.move(b, 1, (bytes.extent(b)), n + 1, out)
end

function Array.truncate(array, size)
  local out = {}
  for i = 1, size do out[i] = array[i] end
  return out
end

-- Entry by entry over a's keys: a[k] ~ b[k].
function Array.XOR(a, b)
  local out = {}
  for key, value in pairs(a) do out[key] = value ~ b[key] end
  return out
end

-- out[k] = sbox[input[k]] for input's keys.
function Array.substitute(input, sbox)
  local out = {}
  for key, value in pairs(input) do out[key] = sbox[value] end
  return out
end

-- out[k] = input[pbox[k]] for pbox's keys.
function Array.permute(input, pbox)
  local out = {}
  for key, value in pairs(pbox) do out[key] = input[value] end
  return out
end

function Array.copy(input)
  local out = {}
  for key, value in pairs(input) do out[key] = value end
  return out
end

-- input[start..stop]; negative positions count from the end; nil means the first / last.
function Array.slice(input, start, stop)
  local n = #input
  start = start == nil and 1 or (start < 0 and n + start + 1 or start)
  stop = stop == nil and n or (stop < 0 and n + stop + 1 or stop)
  local out = {}
  for i = start, stop do table.insert(out, input[i]) end
  return out
end

return Array
