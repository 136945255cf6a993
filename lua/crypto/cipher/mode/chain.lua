-- .crypto.cipher.mode.chain (ours): aos's block-mode objects, Cipher() and Decipher() of each mode
-- (ECB, CBC, CFB, OFB, CTR): setKey(array), setBlockCipher(cipher), setPadding(padding), init(),
-- update(stream), finish(), getOutputQueue(), and asHex / asBytes / asString, which take the
-- output from the queue (a second call gives what is left: nothing), as aos's. The stream's first
-- block is the iv (but in ECB). aes.encrypt / decrypt do the same in C, much faster.
local Array = require(".crypto.util.array")
local Queue = require(".crypto.util.queue")
local Stream = require(".crypto.util.stream")

local XOR = Array.XOR

-- The counter block plus one (big-endian over bytes 16 down to 9).
local function increment(counter)
  for i = 16, 9, -1 do
    counter[i] = (counter[i] + 1) & 0xFF
    if counter[i] ~= 0 then return end
  end
end

-- step(cipher, key, state, block) -> output block; state.iv is the chaining value.
local STEPS = {
  ECB = {
    [true] = function(c, key, _, block) return c.encrypt(key, block) end,
    [false] = function(c, key, _, block) return c.decrypt(key, block) end,
  },
  CBC = {
    [true] = function(c, key, s, block) s.iv = c.encrypt(key, XOR(s.iv, block)) return s.iv end,
    [false] = function(c, key, s, block) local out = XOR(s.iv, c.decrypt(key, block)) s.iv = block return out end,
  },
  CFB = {
    [true] = function(c, key, s, block) s.iv = XOR(c.encrypt(key, s.iv), block) return s.iv end,
    [false] = function(c, key, s, block) local out = XOR(c.encrypt(key, s.iv), block) s.iv = block return out end,
  },
  OFB = {
    [true] = function(c, key, s, block) s.iv = c.encrypt(key, s.iv) return XOR(s.iv, block) end,
  },
  CTR = {
    [true] = function(c, key, s, block) local out = XOR(c.encrypt(key, s.iv), block) increment(s.iv) return out end,
  },
}
STEPS.OFB[false], STEPS.CTR[false] = STEPS.OFB[true], STEPS.CTR[true]

local function object(mode, encrypting)
  local step = STEPS[mode][encrypting]
  local public = {}
  local key, cipher, padding, input, output, state

  function public.setKey(key_array) key = key_array return public end
  function public.setBlockCipher(block_cipher) cipher = block_cipher return public end
  function public.setPadding(padding_mode) padding = padding_mode return public end

  function public.init()
    input, output, state = Queue(), Queue(), {}
    return public
  end

  function public.update(stream)
    for byte in stream do
      input.push(byte)
      if input.size() >= cipher.blockSize then
        local block = Array.readFromQueue(input, cipher.blockSize)
        if mode ~= "ECB" and state.iv == nil then
          state.iv = block
        else
          Array.writeToQueue(output, step(cipher, key, state, block))
        end
      end
    end
    return public
  end

  function public.finish()
    return public.update(padding(cipher.blockSize, input.getHead()))
  end

  function public.getOutputQueue() return output end
  function public.asHex() return Stream.toHex(output.pop) end
  function public.asBytes() return Stream.toArray(output.pop) end
  function public.asString() return Stream.toString(output.pop) end
  return public
end

return function(mode)
  return {
    Cipher = function() return object(mode, true) end,
    Decipher = function() return object(mode, false) end,
  }
end
