-- json.lua: JSON as aos's `require('json')` does it. encode: an empty table or one with a [1]
-- is an array (all keys must be 1..n), otherwise an object (string keys; function values are
-- skipped); numbers print with %.14g. decode: null is nil; errors name the line and column.
local json = { _version = "0.2.0" }

local escapes = { ["\\"] = "\\\\", ['"'] = '\\"', ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", c:byte())
end

local encode

local function encode_table(t, stack)
  stack = stack or {}
  if stack[t] then error("circular reference") end
  stack[t] = true
  local parts = {}
  if rawget(t, 1) ~= nil or next(t) == nil then
    local n = 0
    for k in pairs(t) do
      if type(k) ~= "number" then error("invalid table: mixed or invalid key types") end
      n = n + 1
    end
    if n ~= #t then error("invalid table: sparse array") end
    for i, v in ipairs(t) do parts[i] = encode(v, stack) end
    stack[t] = nil
    return "[" .. table.concat(parts, ",") .. "]"
  end
  for k, v in pairs(t) do
    if type(k) ~= "string" then error("invalid table: mixed or invalid key types") end
    if type(v) ~= "function" then
      parts[#parts + 1] = encode(k, stack) .. ":" .. encode(v, stack)
    end
  end
  stack[t] = nil
  return "{" .. table.concat(parts, ",") .. "}"
end

encode = function(v, stack)
  local t = type(v)
  if t == "string" then return '"' .. v:gsub('[%c"\\]', escape_char) .. '"' end
  if t == "number" then
    if v ~= v or v <= -math.huge or v >= math.huge then
      error("unexpected number value '" .. tostring(v) .. "'")
    end
    return string.format("%.14g", v)
  end
  if t == "table" then return encode_table(v, stack) end
  if t == "boolean" then return tostring(v) end
  if t == "nil" then return "null" end
  error("unexpected type '" .. t .. "'")
end

function json.encode(v)
  return (encode(v))
end

local function set(...)
  local s = {}
  for i = 1, select("#", ...) do s[select(i, ...)] = true end
  return s
end

local space_chars = set(" ", "\t", "\r", "\n")
local delim_chars = set(" ", "\t", "\r", "\n", "]", "}", ",")
local escape_chars = set("\\", "/", '"', "b", "f", "n", "r", "t", "u")
local literals = set("true", "false", "null")
local literal_values = { ["true"] = true, ["false"] = false, ["null"] = nil }
local unescapes = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }

local function next_char(str, idx, chars, negate)
  for i = idx, #str do
    if chars[str:sub(i, i)] ~= negate then return i end
  end
  return #str + 1
end

local function decode_error(str, idx, msg)
  local line, col = 1, 1
  for i = 1, idx - 1 do
    col = col + 1
    if str:sub(i, i) == "\n" then line, col = line + 1, 1 end
  end
  error(string.format("%s at line %d col %d", msg, line, col))
end

local function codepoint_to_utf8(n)
  local f = math.floor
  if n <= 0x7f then return string.char(n)
  elseif n <= 0x7ff then return string.char(f(n / 64) + 192, n % 64 + 128)
  elseif n <= 0xffff then return string.char(f(n / 4096) + 224, f(n % 4096 / 64) + 128, n % 64 + 128)
  elseif n <= 0x10ffff then
    return string.char(f(n / 262144) + 240, f(n % 262144 / 4096) + 128, f(n % 4096 / 64) + 128, n % 64 + 128)
  end
  error(string.format("invalid unicode codepoint '%x'", n))
end

local function parse_unicode_escape(s)
  local n1 = tonumber(s:sub(1, 4), 16)
  local n2 = tonumber(s:sub(7, 10), 16)
  if n2 then return codepoint_to_utf8((n1 - 0xd800) * 0x400 + (n2 - 0xdc00) + 0x10000) end
  return codepoint_to_utf8(n1)
end

local parse

local function parse_string(str, i)
  local res, j, k = "", i + 1, i + 1
  while j <= #str do
    local x = str:byte(j)
    if x < 32 then
      decode_error(str, j, "control character in string")
    elseif x == 92 then
      res = res .. str:sub(k, j - 1)
      j = j + 1
      local c = str:sub(j, j)
      if c == "u" then
        local hex = str:match("^[dD][89aAbB]%x%x\\u%x%x%x%x", j + 1)
          or str:match("^%x%x%x%x", j + 1)
          or decode_error(str, j - 1, "invalid unicode escape in string")
        res = res .. parse_unicode_escape(hex)
        j = j + #hex
      else
        if not escape_chars[c] then decode_error(str, j - 1, "invalid escape char '" .. c .. "' in string") end
        res = res .. unescapes[c]
      end
      k = j + 1
    elseif x == 34 then
      res = res .. str:sub(k, j - 1)
      return res, j + 1
    end
    j = j + 1
  end
  decode_error(str, i, "expected closing quote for string")
end

local function parse_number(str, i)
  local x = next_char(str, i, delim_chars)
  local s = str:sub(i, x - 1)
  local n = tonumber(s)
  if not n then decode_error(str, i, "invalid number '" .. s .. "'") end
  return n, x
end

local function parse_literal(str, i)
  local x = next_char(str, i, delim_chars)
  local word = str:sub(i, x - 1)
  if not literals[word] then decode_error(str, i, "invalid literal '" .. word .. "'") end
  return literal_values[word], x
end

local function parse_array(str, i)
  local res, n = {}, 1
  i = i + 1
  while true do
    local x
    i = next_char(str, i, space_chars, true)
    if str:sub(i, i) == "]" then i = i + 1 break end
    x, i = parse(str, i)
    res[n] = x
    n = n + 1
    i = next_char(str, i, space_chars, true)
    local chr = str:sub(i, i)
    i = i + 1
    if chr == "]" then break end
    if chr ~= "," then decode_error(str, i, "expected ']' or ','") end
  end
  return res, i
end

local function parse_object(str, i)
  local res = {}
  i = i + 1
  while true do
    local key, val
    i = next_char(str, i, space_chars, true)
    if str:sub(i, i) == "}" then i = i + 1 break end
    if str:sub(i, i) ~= '"' then decode_error(str, i, "expected string for key") end
    key, i = parse(str, i)
    i = next_char(str, i, space_chars, true)
    if str:sub(i, i) ~= ":" then decode_error(str, i, "expected ':' after key") end
    i = next_char(str, i + 1, space_chars, true)
    val, i = parse(str, i)
    res[key] = val
    i = next_char(str, i, space_chars, true)
    local chr = str:sub(i, i)
    i = i + 1
    if chr == "}" then break end
    if chr ~= "," then decode_error(str, i, "expected '}' or ','") end
  end
  return res, i
end

local char_parsers = {
  ['"'] = parse_string, ["0"] = parse_number, ["1"] = parse_number, ["2"] = parse_number,
  ["3"] = parse_number, ["4"] = parse_number, ["5"] = parse_number, ["6"] = parse_number,
  ["7"] = parse_number, ["8"] = parse_number, ["9"] = parse_number, ["-"] = parse_number,
  ["t"] = parse_literal, ["f"] = parse_literal, ["n"] = parse_literal, ["["] = parse_array, ["{"] = parse_object,
}

parse = function(str, idx)
  local chr = str:sub(idx, idx)
  local f = char_parsers[chr]
  if f then return f(str, idx) end
  decode_error(str, idx, "unexpected character '" .. chr .. "'")
end

function json.decode(str)
  if type(str) ~= "string" then error("expected argument of type string, got " .. type(str)) end
  local res, idx = parse(str, next_char(str, 1, space_chars, true))
  idx = next_char(str, idx, space_chars, true)
  if idx <= #str then decode_error(str, idx, "trailing garbage") end
  return res
end

return json
