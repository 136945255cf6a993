-- bint.lua: fixed-width big integers, `require('.bint')(bits)` — the API aos code uses (lua-bint
-- style): construction from numbers and strings, + - * // % ^ and unary -, comparisons,
-- bitwise operators, tostring/tobase/frombase/tonumber. Values wrap at `bits` bits (two's
-- complement), stored as tables of little-endian 32-bit words. The word arithmetic is the C
-- module `ao.bint` (module/glue/bint.c); this file is the API: conversions, float operands,
-- metamethods.
local core = require("ao.bint")

local WORD_BITS, WORD_MASK = 32, 0xffffffff

local classes = {}

local function newclass(bits)
  assert(bits % WORD_BITS == 0 and bits >= 64 and bits <= 32768,
    "bits must be a multiple of 32 from 64 to 32768")
  local W = bits // WORD_BITS
  local bint = {}
  bint.__index = bint
  bint.bits = bits
  local words = core(W, bint)
  local new, parse, compare, ucompare, negate = words.new, words.parse, words.compare, words.ucompare, words.negate
  local add, sub, mul = words.add, words.sub, words.mul

  local function isneg(a) return a[W] & 0x80000000 ~= 0 end

  local function iszero(a)
    for i = 1, W do if a[i] ~= 0 then return false end end
    return true
  end

  local function fromfloat(f)
    if f ~= f or f == math.huge or f == -math.huge then return nil end
    local i = math.tointeger(f)
    if i then return new(i) end
    return parse(string.format("%.0f", f < 0 and math.ceil(f) or math.floor(f)), 10)
  end

  -- Converts a value to a bint, or nil when it cannot be.
  function bint.tobint(v)
    if getmetatable(v) == bint then return v end
    if math.type(v) == "float" then return fromfloat(v) end
    return new(v)
  end

  local function arg(v)
    local x = bint.tobint(v)
    assert(x, "value cannot be represented by a bint")
    return x
  end

  function bint.new(v)
    return new(v) or arg(v)
  end

  function bint.frombase(s, base) return parse(s, base) end
  function bint.fromstring(s) return parse(s) end
  function bint.fromvalue(v) return bint.tobint(v) end
  function bint.fromuinteger(n) return new(n) end
  function bint.frominteger(n) return new(math.tointeger(n)) end
  function bint.zero() return new(0) end
  function bint.one() return new(1) end
  function bint.isbint(v) return getmetatable(v) == bint end

  function bint.iszero(x) return iszero(arg(x)) end
  function bint.isone(x) x = arg(x) if x[1] ~= 1 then return false end for i = 2, W do if x[i] ~= 0 then return false end end return true end
  function bint.isminusone(x) x = arg(x) for i = 1, W do if x[i] ~= WORD_MASK then return false end end return true end
  function bint.isneg(x) return isneg(arg(x)) end
  function bint.ispos(x) x = arg(x) return not isneg(x) and not iszero(x) end
  function bint.iseven(x) return arg(x)[1] & 1 == 0 end
  function bint.isodd(x) return arg(x)[1] & 1 == 1 end

  -- Unsigned division: quotient, remainder.
  local function udivmod(a, b)
    if iszero(b) then error("attempt to divide by zero") end
    return words.udivmod(a, b)
  end

  -- Truncating signed division.
  local function tdivmod(a, b)
    local na, nb = isneg(a), isneg(b)
    local q, r = udivmod(na and negate(a) or a, nb and negate(b) or b)
    if na ~= nb then q = negate(q) end
    if na then r = negate(r) end
    return q, r
  end

  -- Floor division, like Lua's // and %.
  local function idivmod(a, b)
    local q, r = tdivmod(a, b)
    if not iszero(r) and isneg(r) ~= isneg(b) then
      q = sub(q, 1)
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
  function bint.abs(x) x = arg(x) return isneg(x) and negate(x) or new(x) end
  function bint.max(a, b) a, b = arg(a), arg(b) return new(compare(a, b) >= 0 and a or b) end
  function bint.min(a, b) a, b = arg(a), arg(b) return new(compare(a, b) <= 0 and a or b) end

  -- Digits in `base` (default 10); negative values get a sign in base 10 and are two's
  -- complement in other bases, unless `unsigned` says otherwise.
  function bint.tobase(x, base, unsigned)
    base = base or 10
    if unsigned == nil then unsigned = base ~= 10 end
    return words.tobase(x, base, unsigned) or words.tobase(arg(x), base, unsigned)
  end

  -- x as a Lua integer if it fits in 64 bits (signed), else nil.
  local function toint64(x)
    local fill = isneg(x) and WORD_MASK or 0
    for i = 3, W do if x[i] ~= fill then return nil end end
    if (x[2] & 0x80000000 ~= 0) ~= isneg(x) then return nil end
    return (x[2] << 32) | x[1]
  end

  function bint.tonumber(x)
    x = arg(x)
    local small = toint64(x)
    if small then return small end
    local negative = isneg(x)
    local u = negative and negate(x) or x
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

  -- Arithmetic on bints and integers is exact (the C core answers); with a float operand it is
  -- float arithmetic, as in lua-bint; strings are converted first.
  local function arith(intop, floatop)
    return function(a, b)
      local x = intop(a, b)
      if x then return x end
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
  function bint.__unm(a) return negate(arg(a)) end

  function bint.ipow(x, y)
    x, y = arg(x), arg(y)
    local result, base, e = new(1), x, y
    while not iszero(e) do
      if e[1] & 1 == 1 then result = mul(result, base) end
      base = mul(base, base)
      e = words.shift(e, -1)
    end
    return result
  end

  -- `^` is float exponentiation, as in aos; bint.ipow is the exact integer power.
  function bint.__pow(a, b) return number(a) ^ number(b) end

  local function bitwise(op)
    return function(a, b) return op(a, b) or op(arg(a), arg(b)) end
  end
  bint.__band = bitwise(words.band)
  bint.__bor = bitwise(words.bor)
  bint.__bxor = bitwise(words.bxor)
  function bint.__bnot(a) return words.bnot(arg(a)) end
  function bint.__shl(a, n) return words.shift(arg(a), math.tointeger(number(n))) end
  function bint.__shr(a, n) return words.shift(arg(a), -math.tointeger(number(n))) end

  local function comparison(test, floattest)
    return function(a, b)
      local c = compare(a, b)
      if c then return test(c) end
      if float(a) or float(b) then return floattest(number(a), number(b)) end
      return test(compare(arg(a), arg(b)))
    end
  end
  bint.__eq = function(a, b) return compare(arg(a), arg(b)) == 0 end
  bint.__lt = comparison(function(c) return c < 0 end, function(a, b) return a < b end)
  bint.__le = comparison(function(c) return c <= 0 end, function(a, b) return a <= b end)
  function bint.__tostring(x) return words.tobase(x, 10) end

  return setmetatable(bint, { __call = function(_, v) return new(v) or arg(v) end })
end

return function(bits)
  bits = bits or 256
  classes[bits] = classes[bits] or newclass(bits)
  return classes[bits]
end
