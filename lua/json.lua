-- json.lua: JSON encode/decode for the messages every process handles.
-- Encoding: empty tables and sequences become arrays, other tables objects (string keys only);
-- integers print exactly, floats with 14 significant digits. Decoding: null becomes nil.
local json = {}

local byte, char, concat, find, format, sub = string.byte, string.char, table.concat, string.find, string.format, string.sub
local math_type, tostring, type, pairs, error = math.type, tostring, type, pairs, error

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escape_char(c)
  return escapes[c] or format("\\u%04x", byte(c))
end

local encode_value

local function encode_table(t, out, n, depth)
  if depth > 128 then error("json.encode: nesting deeper than 128 (a cycle?)") end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  if count == 0 or t[count] ~= nil and #t == count then
    n = n + 1; out[n] = "["
    for i = 1, count do
      if i > 1 then n = n + 1; out[n] = "," end
      n = encode_value(t[i], out, n, depth + 1)
    end
    n = n + 1; out[n] = "]"
    return n
  end
  n = n + 1; out[n] = "{"
  local first = true
  for k, v in pairs(t) do
    if type(k) ~= "string" then error("json.encode: object keys must be strings, got " .. type(k)) end
    if not first then n = n + 1; out[n] = "," end
    first = false
    n = encode_value(k, out, n, depth)
    n = n + 1; out[n] = ":"
    n = encode_value(v, out, n, depth + 1)
  end
  n = n + 1; out[n] = "}"
  return n
end

encode_value = function(v, out, n, depth)
  local t = type(v)
  if t == "string" then
    if find(v, '[%c"\\]') then v = v:gsub('[%c"\\]', escape_char) end
    n = n + 1; out[n] = '"' .. v .. '"'
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("json.encode: cannot encode " .. tostring(v)) end
    n = n + 1; out[n] = math_type(v) == "integer" and tostring(v) or format("%.14g", v)
  elseif t == "boolean" then
    n = n + 1; out[n] = v and "true" or "false"
  elseif t == "nil" then
    n = n + 1; out[n] = "null"
  elseif t == "table" then
    n = encode_table(v, out, n, depth)
  else
    error("json.encode: cannot encode a " .. t)
  end
  return n
end

function json.encode(value)
  local out = {}
  encode_value(value, out, 0, 0)
  return concat(out)
end

local decode_value

local function decode_error(s, i, what)
  local line, col = 1, 1
  for _ in sub(s, 1, i - 1):gmatch("\n") do line = line + 1 end
  col = i - (sub(s, 1, i - 1):match(".*\n()") or 1) + 1
  error(format("json.decode: %s at line %d column %d", what, line, col), 0)
end

local function skip_space(s, i)
  local _, e = find(s, "^[ \n\r\t]*", i)
  return e + 1
end

local function utf8_char(code)
  if code < 0x80 then return char(code)
  elseif code < 0x800 then return char(0xC0 | (code >> 6), 0x80 | (code & 0x3F))
  elseif code < 0x10000 then return char(0xE0 | (code >> 12), 0x80 | ((code >> 6) & 0x3F), 0x80 | (code & 0x3F))
  else return char(0xF0 | (code >> 18), 0x80 | ((code >> 12) & 0x3F), 0x80 | ((code >> 6) & 0x3F), 0x80 | (code & 0x3F)) end
end

local simple_escapes = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

local function decode_string(s, i)
  -- i is just past the opening quote
  local plain_end = find(s, '["\\%c]', i)
  if not plain_end then decode_error(s, i, "unterminated string") end
  if byte(s, plain_end) == 34 then return sub(s, i, plain_end - 1), plain_end + 1 end
  local parts, n = {}, 0
  while true do
    local j = find(s, '["\\%c]', i)
    if not j then decode_error(s, i, "unterminated string") end
    if j > i then n = n + 1; parts[n] = sub(s, i, j - 1) end
    local c = byte(s, j)
    if c == 34 then return concat(parts), j + 1 end
    if c ~= 92 then decode_error(s, j, "control character in string") end
    local e = sub(s, j + 1, j + 1)
    if e == "u" then
      local hex = s:match("^%x%x%x%x", j + 2)
      if not hex then decode_error(s, j, "bad unicode escape") end
      local code = tonumber(hex, 16)
      i = j + 6
      if code >= 0xD800 and code <= 0xDBFF then
        local low = s:match("^\\u(%x%x%x%x)", i)
        if low then
          code = 0x10000 + ((code - 0xD800) << 10) + (tonumber(low, 16) - 0xDC00)
          i = i + 6
        end
      end
      n = n + 1; parts[n] = utf8_char(code)
    else
      local r = simple_escapes[e]
      if not r then decode_error(s, j, "bad escape") end
      n = n + 1; parts[n] = r
      i = j + 2
    end
  end
end

local function decode_array(s, i)
  local arr, n = {}, 0
  i = skip_space(s, i)
  if byte(s, i) == 93 then return arr, i + 1 end
  while true do
    local v
    v, i = decode_value(s, i)
    n = n + 1; arr[n] = v
    i = skip_space(s, i)
    local c = byte(s, i)
    if c == 93 then return arr, i + 1 end
    if c ~= 44 then decode_error(s, i, "expected ',' or ']'") end
    i = i + 1
  end
end

local function decode_object(s, i)
  local obj = {}
  i = skip_space(s, i)
  if byte(s, i) == 125 then return obj, i + 1 end
  while true do
    if byte(s, i) ~= 34 then decode_error(s, i, "expected a string key") end
    local k, v
    k, i = decode_string(s, i + 1)
    i = skip_space(s, i)
    if byte(s, i) ~= 58 then decode_error(s, i, "expected ':'") end
    v, i = decode_value(s, i + 1)
    obj[k] = v
    i = skip_space(s, i)
    local c = byte(s, i)
    if c == 125 then return obj, i + 1 end
    if c ~= 44 then decode_error(s, i, "expected ',' or '}'") end
    i = skip_space(s, i + 1)
  end
end

local literals = { t = { "true", true }, f = { "false", false }, n = { "null", nil } }

decode_value = function(s, i)
  i = skip_space(s, i)
  local c = sub(s, i, i)
  if c == '"' then return decode_string(s, i + 1)
  elseif c == "{" then return decode_object(s, i + 1)
  elseif c == "[" then return decode_array(s, i + 1)
  elseif literals[c] then
    local word, value = literals[c][1], literals[c][2]
    if sub(s, i, i + #word - 1) ~= word then decode_error(s, i, "invalid literal") end
    return value, i + #word
  end
  local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
  local value = num and tonumber(num)
  if value == nil then decode_error(s, i, "unexpected character '" .. c .. "'") end
  return value, i + #num
end

function json.decode(s)
  if type(s) ~= "string" then error("json.decode: expected a string, got " .. type(s)) end
  local value, i = decode_value(s, 1)
  i = skip_space(s, i)
  if i <= #s then decode_error(s, i, "trailing characters") end
  return value
end

return json
