-- .crypto.util.stream: streams as aos's crypto library has them — a function returning the next
-- byte, then nil. fromString/toString, fromArray/toArray, fromHex/toHex (uppercase), and `read`
-- (ours): everything a stream has left, as a string. A stream made here remembers its string, so
-- `read` and the digests take it whole instead of a byte per call.
local bytes = require(".crypto.util.bytes")
local Queue = require(".crypto.util.queue")

local Stream = {}

-- stream function -> { text = string, at = bytes already given }
local sources = setmetatable({}, { __mode = "k" })

function Stream.fromString(text)
  local source = { text = text, at = 0 }
  local function next_byte()
    source.at = source.at + 1
    return string.byte(source.text, source.at)
  end
  sources[next_byte] = source
  return next_byte
end

-- What `stream` has left, as a string; the stream is at its end afterwards.
function Stream.read(stream)
  local source = sources[stream]
  if source then
    local rest = source.at < #source.text and source.text:sub(source.at + 1) or ""
    source.at = #source.text
    return rest
  end
  local collected, n = {}, 0
  for byte in stream do
    n = n + 1
    collected[n] = byte
  end
  return bytes.tostring(collected, n)
end

Stream.toString = Stream.read

function Stream.fromArray(array)
  local n, all_bytes = bytes.extent(array)
  if all_bytes then return Stream.fromString(bytes.tostring(array, n)) end
  local queue = Queue() -- values that are not bytes pass through as they are, as in aos
  for i = 1, n do queue.push(array[i]) end
  return queue.pop
end

function Stream.toArray(stream)
  return bytes.of(Stream.read(stream))
end

function Stream.fromHex(hex)
  return Stream.fromString(bytes.hexprefix(hex))
end

function Stream.toHex(stream)
  return bytes.hex(Stream.read(stream), true)
end

return Stream
