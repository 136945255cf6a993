-- .crypto.util.bit: the 32-bit operations aos's crypto library uses (Lua 5.2's bit32: band, bor,
-- bxor, bnot, lshift, rshift, arshift, lrotate, rrotate, extract, replace, btest).
return bit32
