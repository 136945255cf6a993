-- fixture.lua: the Lua side of the emscripten family-B Lua fixtures (see README.md).
-- handle(msgJSON, envJSON) -> '{"ok":true|false,"response":...}', like the ao dev-cli's loader.lua:
-- the message handler runs under pcall, an uncaught error becomes ok=false. The command is the
-- message's Data:
--   count        increments a global counter (state carried in memory between messages)
--   pcall        error() caught by pcall (string and table error values)
--   nest:N       N nested pcalls, each rethrowing: N setjmps live at once, N longjmps
--   date         os.date/os.time/os.clock through emscripten's strftime/gmtime/mktime imports
--   grow:N       keeps an N MiB string alive (heap growth through emscripten_resize_heap)
--   os           os.execute, os.getenv, io.open of a missing file (system, environ, openat)
--   send         answers with one outbox message
--   throw        uncaught error: ok=false
--   anything else is echoed

-- Minimal JSON: reads top-level string and integer fields, writes strings.
local function str_field(json, key)
  local start = json:find('"' .. key .. '":"', 1, true)
  if not start then return nil end
  local i = start + #key + 4
  local out = {}
  while i <= #json do
    local c = json:sub(i, i)
    if c == '"' then break end
    if c == '\\' then
      i = i + 1
      local e = json:sub(i, i)
      if e == 'n' then c = '\n'
      elseif e == 't' then c = '\t'
      elseif e == 'r' then c = '\r'
      elseif e == 'u' then
        c = utf8.char(tonumber(json:sub(i + 1, i + 4), 16))
        i = i + 4
      else c = e end
    end
    out[#out + 1] = c
    i = i + 1
  end
  return table.concat(out)
end

local function int_field(json, key)
  local n = json:match('"' .. key .. '":(%-?%d+)')
  return n and math.tointeger(tonumber(n))
end

local function quote(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r' }
    return named[c] or string.format('\\u%04x', c:byte())
  end) .. '"'
end

count = 0
kept = {}

local commands = {}

function commands.count()
  count = count + 1
  return 'count=' .. count
end

function commands.pcall()
  local ok1, e1 = pcall(error, 'boom')
  local ok2, e2 = pcall(function() error({ code = 7 }) end)
  local ok3, e3 = pcall(function() local t = nil; return t.field end)
  return string.format('%s %s | %s %s | %s %s', ok1, e1, ok2, type(e2) == 'table' and e2.code, ok3, e3)
end

function commands.nest(n)
  local depth = tonumber(n) or 10
  local function level(k)
    if k == 0 then error('bottom', 0) end
    local ok, e = pcall(level, k - 1)
    error(e .. '<' .. k, 0)
  end
  local ok, e = pcall(level, depth)
  return string.format('%s %s', ok, #e > 60 and (e:sub(1, 30) .. '...' .. e:sub(-20)) or e)
end

function commands.date(_, msg)
  local ts = (int_field(msg, 'Timestamp') or 0) // 1000
  local t = os.date('!*t', ts)
  return table.concat({
    os.date('!%Y-%m-%d %H:%M:%S', ts),
    os.date('!%A %B %j %U %w %p %y', ts),
    string.format('t=%d-%d-%d %d:%d:%d wday=%d yday=%d', t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday),
    'mktime=' .. os.time({ year = 2024, month = 2, day = 29, hour = 12 }),
    'now=' .. os.time(),
    'today=' .. os.date('%Y-%m-%d'),
    'clock=' .. os.clock(),
  }, ' ')
end

function commands.grow(n)
  local mib = tonumber(n) or 1
  kept[#kept + 1] = string.rep('x', mib * 1024 * 1024)
  local total = 0
  for _, s in ipairs(kept) do total = total + #s end
  return string.format('kept=%d kb=%d', total, math.floor(collectgarbage('count')))
end

function commands.os()
  local r1, r2, r3 = os.execute('true')
  local f, ferr = io.open('/no/such/file', 'r')
  return string.format('execute=%s,%s,%s shell=%s home=%s open=%s,%s', r1, r2, r3, os.execute(),
    os.getenv('HOME'), f, ferr)
end

function commands.throw()
  error('thrown on purpose')
end

local function process(msgJSON, envJSON)
  local data = str_field(msgJSON, 'Data') or ''
  local name, arg = data:match('^(%w+):?(.*)$')
  local command = commands[name or '']
  local text = command and command(arg, msgJSON, envJSON) or ('echo ' .. data)
  local messages = '[]'
  if name == 'send' then
    messages = '[{"Target":' .. quote(str_field(msgJSON, 'From') or '') ..
        ',"Data":"pong","Tags":[{"name":"Action","value":"Pong"}]}]'
  end
  return '{"Output":{"data":' .. quote(text) .. '},"Messages":' .. messages .. ',"Spawns":[],"Assignments":[]}'
end

function handle(msgJSON, envJSON)
  local ok, response = pcall(process, msgJSON, envJSON)
  local out
  if ok then
    out = '{"ok":true,"response":' .. response .. '}'
  else
    out = '{"ok":false,"response":' .. quote(response) .. '}'
  end
  collectgarbage()
  return out
end
