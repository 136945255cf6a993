/* json.c: the `ao.json` C module — JSON encode/decode for every message, with exactly the
 * semantics of aos's `json` (see lua/lib/json.lua, which wraps it):
 *   encode: an empty table, or one with [1], is an array (every key a number, no holes); any
 *     other table an object (string keys; function values skipped); numbers as %.14g; strings
 *     escape " \ and control characters (\b \f \n \r \t, others \u00XX).
 *   decode: null is nil; numbers as Lua's tonumber reads them; \uXXXX (and surrogate pairs) to
 *     UTF-8; errors say what was expected "at line L col C".
 * Errors carry the position of the Lua code calling into this module (lua/lib/json.lua), as the
 * Lua implementation's error() did.
 * Also compiled natively for the benchmarks' reference (benches/native-lua). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#define MAX_DEPTH 1000

/* Raises `fmt`, prefixed with the position of the Lua function that called this module. */
static int json_error(lua_State *L, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    luaL_where(L, 1);
    lua_pushvfstring(L, fmt, args);
    va_end(args);
    lua_concat(L, 2);
    return lua_error(L);
}

/* ---- output buffer: static and grown as needed, so an error never leaks it ---- */

static char *out_data;
static size_t out_len, out_cap;

static void out_reserve(lua_State *L, size_t more) {
    if (out_len + more <= out_cap) return;
    size_t cap = out_cap ? out_cap : 256;
    while (cap < out_len + more) cap *= 2;
    char *grown = realloc(out_data, cap);
    if (!grown) luaL_error(L, "not enough memory");
    out_data = grown;
    out_cap = cap;
}

static void out_bytes(lua_State *L, const char *s, size_t n) {
    out_reserve(L, n);
    memcpy(out_data + out_len, s, n);
    out_len += n;
}

static void out_char(lua_State *L, char c) {
    out_reserve(L, 1);
    out_data[out_len++] = c;
}

/* ---- encode ---- */

static void encode_value(lua_State *L, int index, int depth);

static void encode_string(lua_State *L, int index) {
    size_t len;
    const unsigned char *s = (const unsigned char *)lua_tolstring(L, index, &len);
    out_reserve(L, len + 2);
    out_data[out_len++] = '"';
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) continue;
        out_bytes(L, (const char *)s + start, i - start);
        start = i + 1;
        switch (c) {
            case '"': out_bytes(L, "\\\"", 2); break;
            case '\\': out_bytes(L, "\\\\", 2); break;
            case '\b': out_bytes(L, "\\b", 2); break;
            case '\f': out_bytes(L, "\\f", 2); break;
            case '\n': out_bytes(L, "\\n", 2); break;
            case '\r': out_bytes(L, "\\r", 2); break;
            case '\t': out_bytes(L, "\\t", 2); break;
            default: {
                static const char hex[] = "0123456789abcdef";
                char escaped[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
                out_bytes(L, escaped, sizeof escaped);
            }
        }
    }
    out_bytes(L, (const char *)s + start, len - start);
    out_char(L, '"');
}

static void encode_number(lua_State *L, int index) {
    lua_Number n = lua_tonumber(L, index);
    if (n != n || n <= -HUGE_VAL || n >= HUGE_VAL) {
        json_error(L, "unexpected number value '%s'", luaL_tolstring(L, index, NULL));
    }
    char text[32];
    out_bytes(L, text, (size_t)snprintf(text, sizeof text, "%.14g", (double)n));
}

static void encode_table(lua_State *L, int index, int depth) {
    if (depth > MAX_DEPTH) json_error(L, "circular reference");
    luaL_checkstack(L, 4, "json nesting too deep");
    lua_rawgeti(L, index, 1);
    int first_is_nil = lua_isnil(L, -1);
    lua_pop(L, 1);
    lua_pushnil(L);
    int empty = !lua_next(L, index);
    if (!empty) lua_pop(L, 2);

    if (!first_is_nil || empty) { /* an array */
        lua_Integer count = 0;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            if (lua_type(L, -2) != LUA_TNUMBER) json_error(L, "invalid table: mixed or invalid key types");
            count++;
            lua_pop(L, 1);
        }
        if ((lua_Unsigned)count != lua_rawlen(L, index)) json_error(L, "invalid table: sparse array");
        out_char(L, '[');
        for (lua_Integer i = 1;; i++) {
            if (lua_rawgeti(L, index, i) == LUA_TNIL) {
                lua_pop(L, 1);
                break;
            }
            if (i > 1) out_char(L, ',');
            encode_value(L, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
        }
        out_char(L, ']');
        return;
    }
    out_char(L, '{');
    int first = 1;
    lua_pushnil(L);
    while (lua_next(L, index)) {
        if (lua_type(L, -2) != LUA_TSTRING) json_error(L, "invalid table: mixed or invalid key types");
        if (lua_type(L, -1) != LUA_TFUNCTION) {
            if (!first) out_char(L, ',');
            first = 0;
            encode_string(L, lua_gettop(L) - 1);
            out_char(L, ':');
            encode_value(L, lua_gettop(L), depth + 1);
        }
        lua_pop(L, 1);
    }
    out_char(L, '}');
}

static void encode_value(lua_State *L, int index, int depth) {
    switch (lua_type(L, index)) {
        case LUA_TSTRING: encode_string(L, index); break;
        case LUA_TNUMBER: encode_number(L, index); break;
        case LUA_TTABLE: encode_table(L, index, depth); break;
        case LUA_TBOOLEAN: lua_toboolean(L, index) ? out_bytes(L, "true", 4) : out_bytes(L, "false", 5); break;
        case LUA_TNIL: out_bytes(L, "null", 4); break;
        default: json_error(L, "unexpected type '%s'", luaL_typename(L, index));
    }
}

static int json_encode(lua_State *L) {
    lua_settop(L, 1);
    out_len = 0;
    encode_value(L, 1, 0);
    lua_pushlstring(L, out_data, out_len);
    return 1;
}

/* ---- decode ---- */

typedef struct {
    lua_State *L;
    const char *s;
    size_t len;
} Decoder;

/* Raises `what` "at line L col C" for 0-based position `at`. */
static int decode_error(Decoder *d, size_t at, const char *what) {
    int line = 1, col = 1;
    for (size_t i = 0; i < at && i < d->len; i++) {
        col++;
        if (d->s[i] == '\n') line++, col = 1;
    }
    if (at > d->len) col += (int)(at - d->len);
    return json_error(d->L, "%s at line %d col %d", what, line, col);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_delim(char c) { return is_space(c) || c == ']' || c == '}' || c == ','; }

static size_t skip_space(Decoder *d, size_t i) {
    while (i < d->len && is_space(d->s[i])) i++;
    return i;
}

static size_t decode_value(Decoder *d, size_t i, int depth);

static void push_utf8(luaL_Buffer *b, Decoder *d, long n) {
    char u[4];
    int len;
    if (n < 0) {
        json_error(d->L, "invalid unicode codepoint '%d'", (int)n);
        return;
    }
    if (n <= 0x7f) u[0] = (char)n, len = 1;
    else if (n <= 0x7ff) u[0] = (char)(0xc0 | (n >> 6)), u[1] = (char)(0x80 | (n & 0x3f)), len = 2;
    else if (n <= 0xffff) u[0] = (char)(0xe0 | (n >> 12)), u[1] = (char)(0x80 | ((n >> 6) & 0x3f)), u[2] = (char)(0x80 | (n & 0x3f)), len = 3;
    else if (n <= 0x10ffff) {
        u[0] = (char)(0xf0 | (n >> 18)), u[1] = (char)(0x80 | ((n >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((n >> 6) & 0x3f)), u[3] = (char)(0x80 | (n & 0x3f)), len = 4;
    } else {
        json_error(d->L, "invalid unicode codepoint '%x'", (unsigned)n);
        return;
    }
    luaL_addlstring(b, u, (size_t)len);
}

static int hex4(const char *p, unsigned long *out) {
    unsigned long v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) return 0;
        v = v * 16 + (unsigned long)digit;
    }
    *out = v;
    return 1;
}

/* `i` is at the opening quote; pushes the string, returns the position after the closing one. */
static size_t decode_string(Decoder *d, size_t i) {
    const char *s = d->s;
    size_t j = i + 1;
    while (j < d->len) { /* the common case: no escapes */
        unsigned char c = (unsigned char)s[j];
        if (c == '"') {
            lua_pushlstring(d->L, s + i + 1, j - i - 1);
            return j + 1;
        }
        if (c == '\\' || c < 32) break;
        j++;
    }
    luaL_Buffer b;
    luaL_buffinit(d->L, &b);
    size_t k = i + 1;
    for (j = i + 1; j < d->len; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c < 32) decode_error(d, j, "control character in string");
        if (c == '"') {
            luaL_addlstring(&b, s + k, j - k);
            luaL_pushresult(&b);
            return j + 1;
        }
        if (c != '\\') continue;
        luaL_addlstring(&b, s + k, j - k);
        j++;
        char e = j < d->len ? s[j] : '\0';
        if (e == 'u') {
            unsigned long hi, lo;
            if (j + 4 < d->len && hex4(s + j + 1, &hi)) {
                if (hi >= 0xd800 && hi <= 0xdbff && j + 10 < d->len && s[j + 5] == '\\' && s[j + 6] == 'u' &&
                    hex4(s + j + 7, &lo)) {
                    push_utf8(&b, d, ((long)hi - 0xd800) * 0x400 + ((long)lo - 0xdc00) + 0x10000);
                    j += 10;
                } else {
                    push_utf8(&b, d, (long)hi);
                    j += 4;
                }
            } else {
                decode_error(d, j - 1, "invalid unicode escape in string");
            }
        } else {
            const char *from = "\\/\"bfnrt", *to = "\\/\"\b\f\n\r\t";
            const char *at = e ? strchr(from, e) : NULL;
            if (!at) {
                char what[48];
                snprintf(what, sizeof what, "invalid escape char '%c' in string", e);
                decode_error(d, j - 1, what);
            }
            luaL_addchar(&b, to[at - from]);
        }
        k = j + 1;
    }
    return (size_t)decode_error(d, i, "expected closing quote for string");
}

static size_t word_end(Decoder *d, size_t i) {
    while (i < d->len && !is_delim(d->s[i])) i++;
    return i;
}

static size_t decode_number(Decoder *d, size_t i) {
    size_t end = word_end(d, i);
    char text[256];
    size_t n = end - i;
    if (n < sizeof text) {
        memcpy(text, d->s + i, n);
        text[n] = '\0';
        if (lua_stringtonumber(d->L, text) == n + 1) return end;
    }
    lua_pushfstring(d->L, "invalid number '%s'", lua_pushlstring(d->L, d->s + i, n));
    return (size_t)decode_error(d, i, lua_tostring(d->L, -1));
}

static size_t decode_literal(Decoder *d, size_t i) {
    size_t end = word_end(d, i), n = end - i;
    const char *w = d->s + i;
    if (n == 4 && memcmp(w, "true", 4) == 0) lua_pushboolean(d->L, 1);
    else if (n == 5 && memcmp(w, "false", 5) == 0) lua_pushboolean(d->L, 0);
    else if (n == 4 && memcmp(w, "null", 4) == 0) lua_pushnil(d->L);
    else {
        lua_pushfstring(d->L, "invalid literal '%s'", lua_pushlstring(d->L, w, n));
        decode_error(d, i, lua_tostring(d->L, -1));
    }
    return end;
}

/* Stores the `count` values on top of the stack, in order, as elements first.. of the array at
 * `base`, and pops them. */
static void flush_elements(lua_State *L, int base, lua_Integer first, int count) {
    int from = lua_gettop(L) - count;
    for (int k = 1; k <= count; k++) {
        lua_pushvalue(L, from + k);
        lua_rawseti(L, base, first + k - 1);
    }
    lua_settop(L, from);
}

/* The first elements wait on the stack, up to ARRAY_BATCH of them, so that a short array (every
 * message's Tags) is created at its final size instead of growing 1, 2, 4, 8. A null among them
 * makes the table start empty instead, so that an array with holes (whose `#` depends on how it
 * grew) is built exactly as aos's element-by-element assignment builds it. */
#define ARRAY_BATCH 32
static size_t decode_array(Decoder *d, size_t i, int depth) {
    lua_State *L = d->L;
    lua_pushnil(L); /* the table's slot, filled when the first batch ends */
    int base = lua_gettop(L), pending = 0;
    lua_Integer stored = 0; /* elements already in the table */
    i++;
    for (;;) {
        i = skip_space(d, i);
        if (i < d->len && d->s[i] == ']') { /* also after a trailing comma, as aos's json allows */
            i++;
            break;
        }
        i = decode_value(d, i, depth + 1);
        pending++;
        if (lua_isnil(L, -1) || pending == ARRAY_BATCH) {
            if (lua_isnil(L, base)) {
                lua_createtable(L, lua_isnil(L, -1) ? 0 : pending, 0);
                lua_replace(L, base);
            }
            flush_elements(L, base, stored + 1, pending);
            stored += pending;
            pending = 0;
        }
        i = skip_space(d, i);
        char c = i < d->len ? d->s[i] : '\0';
        i++;
        if (c == ']') break;
        if (c != ',') decode_error(d, i, "expected ']' or ','");
        luaL_checkstack(d->L, 3, "json nesting too deep");
    }
    if (lua_isnil(L, base)) {
        lua_createtable(L, pending, 0);
        lua_replace(L, base);
    }
    flush_elements(L, base, stored + 1, pending);
    return i;
}

static size_t decode_object(Decoder *d, size_t i, int depth) {
    lua_State *L = d->L;
    lua_newtable(L);
    i++;
    for (;;) {
        i = skip_space(d, i);
        if (i < d->len && d->s[i] == '}') return i + 1;
        if (i >= d->len || d->s[i] != '"') decode_error(d, i, "expected string for key");
        i = decode_string(d, i);
        i = skip_space(d, i);
        if (i >= d->len || d->s[i] != ':') decode_error(d, i, "expected ':' after key");
        i = skip_space(d, i + 1);
        i = decode_value(d, i, depth + 1);
        lua_rawset(L, -3);
        i = skip_space(d, i);
        char c = i < d->len ? d->s[i] : '\0';
        i++;
        if (c == '}') return i;
        if (c != ',') decode_error(d, i, "expected '}' or ','");
    }
}

static size_t decode_value(Decoder *d, size_t i, int depth) {
    if (depth > MAX_DEPTH) decode_error(d, i, "nesting deeper than 1000");
    luaL_checkstack(d->L, 3, "json nesting too deep");
    char c = i < d->len ? d->s[i] : '\0';
    switch (c) {
        case '"': return decode_string(d, i);
        case '{': return decode_object(d, i, depth);
        case '[': return decode_array(d, i, depth);
        case 't': case 'f': case 'n': return decode_literal(d, i);
        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9': return decode_number(d, i);
        default: {
            char what[32];
            if (i < d->len) snprintf(what, sizeof what, "unexpected character '%c'", c);
            else snprintf(what, sizeof what, "unexpected character ''");
            return (size_t)decode_error(d, i, what);
        }
    }
}

static int json_decode(lua_State *L) {
    if (lua_type(L, 1) != LUA_TSTRING) return json_error(L, "expected argument of type string, got %s", luaL_typename(L, 1));
    Decoder d = { L, NULL, 0 };
    d.s = lua_tolstring(L, 1, &d.len);
    size_t i = decode_value(&d, skip_space(&d, 0), 0);
    i = skip_space(&d, i);
    if (i < d.len) decode_error(&d, i, "trailing garbage");
    return 1;
}

int luaopen_ao_json(lua_State *L) {
    luaL_Reg functions[] = { { "encode", json_encode }, { "decode", json_decode }, { NULL, NULL } };
    luaL_newlib(L, functions);
    return 1;
}
