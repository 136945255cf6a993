-- bint.lua: fixed-width big integers, `require('.bint')(bits)` — the API aos code uses (lua-bint
-- style): construction from numbers and strings, + - * // % ^ and unary -, comparisons,
-- bitwise operators, tostring/tobase/frombase/tonumber. Values wrap at `bits` bits (two's
-- complement), stored as little-endian 32-bit words.
local WORD_BITS, WORD_MASK = 32, 0xffffffff

local classes = {}

local function newclass(bits)
  assert(bits % WORD_BITS == 0 and bits >= 64, "bits must be a multiple of 32, at least 64")
  local W = bits // WORD_BITS
  local bint = {}
  bint.__index = bint
  bint.bits = bits

  local function zero()
    local x = setmetatable({}, bint)
    for i = 1, W do x[i] = 0 end
    return x
  end

  local function copy(a)
    local x = setmetatable({}, bint)
    for i = 1, W do x[i] = a[i] end
    return x
  end

  local function fromint(n) -- a Lua integer, sign-extended
    local x = setmetatable({}, bint)
    x[1] = n & WORD_MASK
    x[2] = (n >> 32) & WORD_MASK
    local fill = n < 0 and WORD_MASK or 0
    for i = 3, W do x[i] = fill end
    return x
  end

  local function isneg(a) return a[W] & 0x80000000 ~= 0 end

  local function iszero(a)
    for i = 1, W do if a[i] ~= 0 then return false end end
    return true
  end

  local function negate(a) -- in place
    local carry = 1
    for i = 1, W do
      local v = (~a[i] & WORD_MASK) + carry
      a[i] = v & WORD_MASK
      carry = v >> 32
    end
    return a
  end

  -- Multiplies a in place by a small m (< 2^31) and adds c; returns a.
  local function muladd_small(a, m, c)
    local carry = c
    for i = 1, W do
      local v = a[i] * m + carry
      a[i] = v & WORD_MASK
      carry = v >> 32
    end
    return a
  end

  -- Divides unsigned a in place by a small d (< 2^31); returns the remainder.
  local function divmod_small(a, d)
    local rem = 0
    for i = W, 1, -1 do
      local cur = (rem << 32) | a[i]
      a[i] = cur // d
      rem = cur % d
    end
    return rem
  end

  local function parse(s, base)
    s = s:gsub("_", "")
    local negative = false
    if s:sub(1, 1) == "-" then negative, s = true, s:sub(2)
    elseif s:sub(1, 1) == "+" then s = s:sub(2) end
    if base == nil then
      base = 10
      local prefix = s:sub(1, 2):lower()
      if prefix == "0x" then base, s = 16, s:sub(3) elseif prefix == "0b" then base, s = 2, s:sub(3) end
    end
    if s == "" then return nil end
    local x = zero()
    for i = 1, #s do
      local digit = tonumber(s:sub(i, i), base)
      if not digit then return nil end
      muladd_small(x, base, digit)
    end
    if negative then negate(x) end
    return x
  end

  local function fromfloat(f)
    if f ~= f or f == math.huge or f == -math.huge then return nil end
    local i = math.tointeger(f)
    if i then return fromint(i) end
    return parse(string.format("%.0f", f < 0 and math.ceil(f) or math.floor(f)), 10)
  end

  -- Converts a value to a bint, or nil when it cannot be.
  function bint.tobint(v)
    if getmetatable(v) == bint then return v end
    local t = math.type(v)
    if t == "integer" then return fromint(v) end
    if t == "float" then return fromfloat(v) end
    if type(v) == "string" then return parse(v) end
    return nil
  end

  function bint.new(v)
    local x = bint.tobint(v)
    assert(x, "value cannot be represented by a bint")
    if x == v then return copy(v) end
    return x
  end

  function bint.frombase(s, base) return parse(s, base) end
  function bint.fromstring(s) return parse(s) end
  function bint.fromvalue(v) return bint.tobint(v) end
  function bint.fromuinteger(n) return fromint(n) end
  function bint.frominteger(n) return fromint(math.tointeger(n)) end
  function bint.zero() return zero() end
  function bint.one() return fromint(1) end
  function bint.isbint(v) return getmetatable(v) == bint end

  local function arg(v)
    local x = bint.tobint(v)
    assert(x, "value cannot be represented by a bint")
    return x
  end

  function bint.iszero(x) return iszero(arg(x)) end
  function bint.isone(x) x = arg(x) if x[1] ~= 1 then return false end for i = 2, W do if x[i] ~= 0 then return false end end return true end
  function bint.isminusone(x) x = arg(x) for i = 1, W do if x[i] ~= WORD_MASK then return false end end return true end
  function bint.isneg(x) return isneg(arg(x)) end
  function bint.ispos(x) x = arg(x) return not isneg(x) and not iszero(x) end
  function bint.iseven(x) return arg(x)[1] & 1 == 0 end
  function bint.isodd(x) return arg(x)[1] & 1 == 1 end

  local function ucompare(a, b) -- -1, 0, 1 comparing as unsigned
    for i = W, 1, -1 do
      if a[i] ~= b[i] then return a[i] < b[i] and -1 or 1 end
    end
    return 0
  end

  local function compare(a, b)
    local na, nb = isneg(a), isneg(b)
    if na ~= nb then return na and -1 or 1 end
    return ucompare(a, b)
  end

  local function add(a, b)
    local x, carry = setmetatable({}, bint), 0
    for i = 1, W do
      local v = a[i] + b[i] + carry
      x[i] = v & WORD_MASK
      carry = v >> 32
    end
    return x
  end

  local function sub(a, b)
    local x, borrow = setmetatable({}, bint), 0
    for i = 1, W do
      local v = a[i] - b[i] - borrow
      if v < 0 then v, borrow = v + 0x100000000, 1 else borrow = 0 end
      x[i] = v
    end
    return x
  end

  local function mul(a, b)
    local x = zero()
    for i = 1, W do
      local ai = a[i]
      if ai ~= 0 then
        local carry = 0
        for j = 1, W - i + 1 do
          local k = i + j - 1
          local p = ai * b[j] -- up to 64 bits: split without signed overflow trouble
          local lo = (p & WORD_MASK) + x[k] + carry
          x[k] = lo & WORD_MASK
          carry = (p >> 32) + (lo >> 32)
        end
      end
    end
    return x
  end

  local function shl1(a) -- in place
    local carry = 0
    for i = 1, W do
      local v = (a[i] << 1) | carry
      carry = a[i] >> 31
      a[i] = v & WORD_MASK
    end
  end

  -- Unsigned division of a by b: quotient, remainder.
  local function udivmod(a, b)
    assert(not iszero(b), "attempt to divide by zero")
    local small = true
    for i = 2, W do if b[i] ~= 0 then small = false break end end
    if small and b[1] < 0x80000000 then
      local q = copy(a)
      local r = divmod_small(q, b[1])
      return q, fromint(r)
    end
    local q, r = zero(), zero()
    for bit = bits - 1, 0, -1 do
      shl1(r)
      r[1] = r[1] | ((a[bit // 32 + 1] >> (bit % 32)) & 1)
      if ucompare(r, b) >= 0 then
        r = sub(r, b)
        q[bit // 32 + 1] = q[bit // 32 + 1] | (1 << (bit % 32))
      end
    end
    return q, r
  end

  -- Truncating signed division.
  local function tdivmod(a, b)
    local na, nb = isneg(a), isneg(b)
    local ua, ub = na and negate(copy(a)) or a, nb and negate(copy(b)) or b
    local q, r = udivmod(ua, ub)
    if na ~= nb then negate(q) end
    if na then negate(r) end
    return q, r
  end

  -- Floor division, like Lua's // and %.
  local function idivmod(a, b)
    local q, r = tdivmod(a, b)
    if not iszero(r) and isneg(r) ~= isneg(b) then
      q = sub(q, fromint(1))
      r = add(r, b)
    end
    return q, r
  end

  function bint.udivmod(a, b) return udivmod(arg(a), arg(b)) end
  function bint.tdivmod(a, b) return tdivmod(arg(a), arg(b)) end
  function bint.idivmod(a, b) return idivmod(arg(a), arg(b)) end
  function bint.ult(a, b) return ucompare(arg(a), arg(b)) < 0 end
  function bint.ule(a, b) return ucompare(arg(a), arg(b)) <= 0 end
  function bint.eq(a, b) return compare(arg(a), arg(b)) == 0 end
  function bint.abs(x) x = arg(x) return isneg(x) and negate(copy(x)) or copy(x) end
  function bint.max(a, b) a, b = arg(a), arg(b) return compare(a, b) >= 0 and copy(a) or copy(b) end
  function bint.min(a, b) a, b = arg(a), arg(b) return compare(a, b) <= 0 and copy(a) or copy(b) end

  function bint.tobase(x, base, unsigned)
    x = arg(x)
    base = base or 10
    local negative = not unsigned and isneg(x)
    local u = negative and negate(copy(x)) or copy(x)
    if iszero(u) then return "0" end
    local digits, chunk, chunkSize = {}, base, 1
    while chunk * base < 0x80000000 do chunk, chunkSize = chunk * base, chunkSize + 1 end
    while not iszero(u) do
      local rem = divmod_small(u, chunk)
      for _ = 1, chunkSize do
        local d = rem % base
        digits[#digits + 1] = string.sub("0123456789abcdefghijklmnopqrstuvwxyz", d + 1, d + 1)
        rem = rem // base
        if rem == 0 and iszero(u) then break end
      end
    end
    local s = string.reverse(table.concat(digits))
    return negative and "-" .. s or s
  end

  function bint.tonumber(x)
    x = arg(x)
    local fits = true
    local fill = isneg(x) and WORD_MASK or 0
    for i = 3, W do if x[i] ~= fill then fits = false break end end
    if fits and ((x[2] & 0x80000000 ~= 0) == isneg(x)) then
      return (x[2] << 32) | x[1]
    end
    local negative = isneg(x)
    local u = negative and negate(copy(x)) or x
    local f = 0.0
    for i = W, 1, -1 do f = f * 4294967296.0 + u[i] end
    return negative and -f or f
  end

  function bint.tointeger(x)
    x = arg(x)
    return (x[2] << 32) | x[1]
  end

  local function float(v) return math.type(v) == "float" end
  local function number(v) return getmetatable(v) == bint and bint.tonumber(v) or tonumber(v) end

  -- Arithmetic with a float operand is float arithmetic, as in lua-bint.
  local function arith(intop, floatop)
    return function(a, b)
      if float(a) or float(b) then return floatop(number(a), number(b)) end
      return intop(arg(a), arg(b))
    end
  end

  bint.__add = arith(add, function(a, b) return a + b end)
  bint.__sub = arith(sub, function(a, b) return a - b end)
  bint.__mul = arith(mul, function(a, b) return a * b end)
  bint.__idiv = arith(function(a, b) return (idivmod(a, b)) end, function(a, b) return a // b end)
  bint.__mod = arith(function(a, b) local _, r = idivmod(a, b) return r end, function(a, b) return a % b end)
  function bint.__div(a, b) return number(a) / number(b) end
  function bint.__unm(a) return negate(copy(arg(a))) end

  function bint.ipow(x, y)
    x, y = arg(x), arg(y)
    local result, base, e = fromint(1), copy(x), copy(y)
    while not iszero(e) do
      if e[1] & 1 == 1 then result = mul(result, base) end
      base = mul(base, base)
      divmod_small(e, 2)
    end
    return result
  end

  -- `^` is float exponentiation, as in aos; bint.ipow is the exact integer power.
  function bint.__pow(a, b) return number(a) ^ number(b) end

  local function bitwise(op)
    return function(a, b)
      a, b = arg(a), arg(b)
      local x = setmetatable({}, bint)
      for i = 1, W do x[i] = op(a[i], b[i]) & WORD_MASK end
      return x
    end
  end
  bint.__band = bitwise(function(p, q) return p & q end)
  bint.__bor = bitwise(function(p, q) return p | q end)
  bint.__bxor = bitwise(function(p, q) return p ~ q end)
  function bint.__bnot(a)
    a = arg(a)
    local x = setmetatable({}, bint)
    for i = 1, W do x[i] = ~a[i] & WORD_MASK end
    return x
  end

  local function shift(a, n) -- n > 0 left, n < 0 logical right
    local x = zero()
    for bit = 0, bits - 1 do
      local from = bit - n
      if from >= 0 and from < bits and (a[from // 32 + 1] >> (from % 32)) & 1 == 1 then
        x[bit // 32 + 1] = x[bit // 32 + 1] | (1 << (bit % 32))
      end
    end
    return x
  end
  function bint.__shl(a, n) return shift(arg(a), math.tointeger(number(n))) end
  function bint.__shr(a, n) return shift(arg(a), -math.tointeger(number(n))) end

  function bint.__eq(a, b) return compare(arg(a), arg(b)) == 0 end
  function bint.__lt(a, b)
    if float(a) or float(b) then return number(a) < number(b) end
    return compare(arg(a), arg(b)) < 0
  end
  function bint.__le(a, b)
    if float(a) or float(b) then return number(a) <= number(b) end
    return compare(arg(a), arg(b)) <= 0
  end
  function bint.__tostring(x) return bint.tobase(x, 10) end

  return setmetatable(bint, { __call = function(_, v) return bint.new(v) end })
end

return function(bits)
  bits = bits or 256
  classes[bits] = classes[bits] or newclass(bits)
  return classes[bits]
end
