-- .crypto.digest.text (ours): the input of the digests aos documents as taking a string — a
-- string, or (ours too) a stream.
local Stream = require(".crypto.util.stream")

return function(input)
  if type(input) == "function" then return Stream.read(input) end
  return input
end
