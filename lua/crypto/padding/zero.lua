-- .crypto.padding.zero: ZeroPadding(block_size, byte_count), the stream of zero bytes aos's block
-- modes append: block_size - ((byte_count - 1) % block_size) + 1 of them (with Lua's modulo). Only
-- whole blocks are then enciphered, so the data ends up zero-filled to a block boundary.
return function(block_size, byte_count)
  local left = block_size - ((byte_count - 1) % block_size) + 1
  return function()
    if left <= 0 then return nil end
    left = left - 1
    return 0
  end
end
