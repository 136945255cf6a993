-- The test API of `ao test`, run in the host's Lua before each test file: describe/it/hooks, a
-- busted-style assert, and the `ao` table (processes, wallets, time) over the host's functions in
-- `__ao_host` (src/project/testing/host.rs). Registered tests are run by `__ao_run`.
local host = __ao_host
__ao_host = nil

-- A test that ends the program would end the run with its exit code and no summary: it fails.
os.exit = function()
  error("os.exit is not available in a test (it would end the whole run)", 2)
end

-- Showing values in failure messages.
local function show(value, depth)
  depth = depth or 0
  if type(value) == "string" then return string.format("%q", value) end
  if type(value) ~= "table" then return tostring(value) end
  if depth > 3 then return "{...}" end
  local keys = {}
  for key in pairs(value) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts, n = {}, #value
  for _, key in ipairs(keys) do
    local shown = show(value[key], depth + 1)
    if math.type(key) == "integer" and key >= 1 and key <= n then
      parts[#parts + 1] = shown
    elseif type(key) == "string" and key:match("^[%a_][%w_]*$") then
      parts[#parts + 1] = key .. " = " .. shown
    else
      parts[#parts + 1] = "[" .. show(key, depth + 1) .. "] = " .. shown
    end
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- Deep equality; `seen` holds the pairs of tables being compared, so cycles end.
local function same(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for key, value in pairs(a) do
    if not same(value, b[key], seen) then return false end
  end
  for key in pairs(b) do
    if a[key] == nil then return false end
  end
  return true
end

-- Fails the test: the runner finds the test file's line from the stack.
local function fail(message, extra)
  if extra then message = extra .. ": " .. message end
  error(setmetatable({ message = message }, { __tostring = function(e) return e.message end }), 0)
end

local checks = {}
function checks.equals(expected, actual, message)
  if expected ~= actual then fail("expected " .. show(expected) .. ", got " .. show(actual), message) end
end
function checks.not_equals(unexpected, actual, message)
  if unexpected == actual then fail("expected anything but " .. show(actual), message) end
end
function checks.same(expected, actual, message)
  if not same(expected, actual) then
    fail("expected the same as " .. show(expected) .. ", got " .. show(actual), message)
  end
end
function checks.not_same(unexpected, actual, message)
  if same(unexpected, actual) then fail("expected anything but " .. show(actual), message) end
end
function checks.is_true(value, message)
  if value ~= true then fail("expected true, got " .. show(value), message) end
end
function checks.is_false(value, message)
  if value ~= false then fail("expected false, got " .. show(value), message) end
end
function checks.is_nil(value, message)
  if value ~= nil then fail("expected nil, got " .. show(value), message) end
end
function checks.not_nil(value, message)
  if value == nil then fail("expected a value, got nil", message) end
end
function checks.truthy(value, message)
  if not value then fail("expected a truthy value, got " .. show(value), message) end
end
function checks.falsy(value, message)
  if value then fail("expected a falsy value, got " .. show(value), message) end
end
function checks.matches(pattern, text, message)
  if type(text) ~= "string" or not text:match(pattern) then
    fail("expected text matching " .. show(pattern) .. ", got " .. show(text), message)
  end
end
function checks.contains(needle, haystack, message)
  if type(haystack) == "string" and type(needle) == "string" then
    if haystack:find(needle, 1, true) then return end
  elseif type(haystack) == "table" then
    for _, value in pairs(haystack) do
      if same(value, needle) then return end
    end
  end
  fail("expected " .. show(haystack) .. " to contain " .. show(needle), message)
end
function checks.has_error(f, expected, message)
  local callable = type(f) == "function" or (getmetatable(f) or {}).__call ~= nil
  if not callable then
    fail("assert.has_error takes a function to call, got " .. show(f) ..
      " (a process's failure is in its result: assert.not_nil(result.Error))", message)
  end
  local ok, err = pcall(f)
  if ok then fail("expected an error, there was none", message) end
  local text = type(err) == "table" and err.message or tostring(err)
  if expected and not text:find(expected, 1, true) then
    fail("expected an error containing " .. show(expected) .. ", got " .. show(text), message)
  end
end
-- A process's result without an Error.
function checks.no_error(result, message)
  if type(result) ~= "table" then fail("expected a result, got " .. show(result), message) end
  if result.Error then fail("the message failed: " .. tostring(result.Error), message) end
end
function checks.no_errors(f, message)
  local ok, err = pcall(f)
  if not ok then fail("expected no error, got " .. show(type(err) == "table" and err.message or tostring(err)), message) end
end
-- busted's (luassert's) other spellings.
checks.equal, checks.are_equal, checks.is_equal = checks.equals, checks.equals, checks.equals
checks.are_same, checks.is_same = checks.same, checks.same
checks.Nil, checks.True, checks.False = checks.is_nil, checks.is_true, checks.is_false
checks.is_not_nil, checks.is_truthy, checks.is_falsy = checks.not_nil, checks.truthy, checks.falsy
checks.is_not_equal, checks.are_not_equal, checks.are_not_same = checks.not_equals, checks.not_equals, checks.not_same
checks.errors, checks.error, checks.has_errors = checks.has_error, checks.has_error, checks.has_error
checks.has_no_errors, checks.has_no_error = checks.no_errors, checks.no_errors

assert = setmetatable({}, {
  __index = function(_, name)
    return checks[name] or error("there is no assert." .. tostring(name) .. " (ao test's assertions: README, Projects)", 2)
  end,
  __call = function(_, value, message, ...)
    if not value then fail(message ~= nil and tostring(message) or "assertion failed!") end
    return value, message, ...
  end,
})
-- busted's spellings: assert.are.same, assert.is.truthy, assert.are_not.equal ...
local negated = {
  equal = checks.not_equals, equals = checks.not_equals, same = checks.not_same, Nil = checks.not_nil,
  is_nil = checks.not_nil, truthy = checks.falsy, falsy = checks.truthy, True = function(v, m)
    if v == true then fail("expected anything but true", m) end
  end, False = function(v, m)
    if v == false then fail("expected anything but false", m) end
  end,
}
local function chain(table_)
  return setmetatable({}, { __index = function(_, name)
    return table_[name] or error("there is no such assertion: " .. tostring(name), 2)
  end })
end
rawset(assert, "are", assert)
rawset(assert, "is", assert)
rawset(assert, "has", assert)
rawset(assert, "are_not", chain(negated))
rawset(assert, "is_not", assert.are_not)
rawset(assert, "has_no", chain({ errors = checks.no_errors, error = checks.no_errors }))

-- Processes and wallets.
local Process = {}
Process.__index = Process
function Process:send(message) return host.send(self.id, message, false) end
function Process:dryrun(message) return host.send(self.id, message, true) end
function Process:eval(code) return host.eval(self.id, code) end
function Process:state(expression) return host.state(self.id, expression) end
function Process:inbox() return host.inbox(self.id) end
function Process:printed() return host.printed(self.id) end
Process.__tostring = function(p) return "process " .. (p.name or "") .. " " .. p.id end

local Wallet = {}
Wallet.__index = Wallet
function Wallet:received() return host.received(self.address) end
function Wallet:last()
  local all = host.received(self.address)
  return all[#all]
end
Wallet.__tostring = function(w) return "wallet " .. w.name .. " " .. w.address end

ao = {}
function ao.spawn(name, options)
  local id = host.spawn(name, options)
  return setmetatable({ id = id, name = name }, Process)
end
function ao.wallet(name)
  assert(type(name) == "string", "ao.wallet(name): name a wallet")
  return setmetatable({ name = name, address = host.wallet(name) }, Wallet)
end
ao.owner = ao.wallet("owner")
ao.advance = host.advance
ao.now = host.now
ao.height = host.height

-- describe / it / hooks.
local root = { name = nil, before = {}, after = {} }
local blocks, tests = { root }, {}

function describe(name, body)
  local block = { name = name, before = {}, after = {} }
  blocks[#blocks + 1] = block
  body()
  blocks[#blocks] = nil
end
context = describe

local function full_name(name)
  local parts = {}
  for _, block in ipairs(blocks) do
    if block.name then parts[#parts + 1] = block.name end
  end
  parts[#parts + 1] = name
  return table.concat(parts, " ")
end

function it(name, body)
  if body == nil then
    tests[#tests + 1] = { name = full_name(name), pending = true, where = host.where(nil, 2) }
    return
  end
  tests[#tests + 1] = { name = full_name(name), body = body, chain = { table.unpack(blocks) }, where = host.where(nil, 2) }
end
test = it

function pending(name)
  tests[#tests + 1] = { name = full_name(name), pending = true, where = host.where(nil, 2) }
end

function before_each(f) local b = blocks[#blocks]; b.before[#b.before + 1] = f end
function after_each(f) local b = blocks[#blocks]; b.after[#b.after + 1] = f end

function __ao_tests()
  local list = {}
  for i, t in ipairs(tests) do list[i] = { name = t.name, where = t.where, pending = t.pending } end
  return list
end

-- Runs test `index`: the before hooks outer to inner, the body, the after hooks inner to outer.
-- Returns nil, or the failure: { message, where (the test file's line) }.
function __ao_run(index, file)
  local t = tests[index]
  local failure
  local function handler(err)
    local message = type(err) == "table" and err.message or tostring(err)
    message = message:gsub("\nstack traceback:.*$", ""):gsub("^runtime error: ", "")
    local where = host.where(file, 2)
    if where and message:sub(1, #where + 2) == where .. ": " then message = message:sub(#where + 3) end
    return { message = message, where = where }
  end
  local function step(f)
    if failure then return end
    local ok, err = xpcall(f, handler)
    if not ok then failure = err end
  end
  for _, block in ipairs(t.chain) do
    for _, f in ipairs(block.before) do step(f) end
  end
  step(t.body)
  for i = #t.chain, 1, -1 do
    for _, f in ipairs(t.chain[i].after) do
      local ok, err = xpcall(f, handler)
      if not ok and not failure then failure = err end
    end
  end
  return failure
end
