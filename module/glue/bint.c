/* bint.c: the `ao.bint` C module — the word arithmetic under lua/bint.lua's big integers.
 *
 * A bint of a class with W words is a Lua table {w1, ..., wW} of little-endian 32-bit words (two's
 * complement, wrapping at W*32 bits) whose metatable is the class. `require("ao.bint")(W, class)`
 * returns this module's functions bound to one class:
 *   new(v)                  a fresh bint from a bint (copy), a Lua integer (sign-extended) or a
 *                           string (as parse(v)); nil for anything else
 *   parse(s [, base])       digits in `base` (2..36) after an optional sign; without a base,
 *                           decimal or 0x/0b-prefixed; nothing if s is not such a number
 *   tobase(x, base, unsigned)   digits (lowercase) of x, signed unless `unsigned`
 *   add sub mul band bor bxor (a, b), bnot(a), negate(a), shift(a, n) (n > 0 left, < 0 logical right)
 *   compare(a, b), ucompare(a, b)   -1, 0 or 1, signed / unsigned
 *   udivmod(a, b)           unsigned quotient and remainder; raises on a zero divisor
 * Operands are bints of the class or Lua integers; given anything else (a float, a string) a
 * function returns nil, and bint.lua's slower path converts or switches to float arithmetic.
 * Results are always fresh tables: no operation changes its operands. */
#include <stdint.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#define MAX_WORDS 1024 /* 32768 bits */
#define WORDS_UPVALUE lua_upvalueindex(1)
#define CLASS_UPVALUE lua_upvalueindex(2)

typedef uint32_t Words[MAX_WORDS];

static int class_words(lua_State *L) { return (int)lua_tointeger(L, WORDS_UPVALUE); }

static int is_bint(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TTABLE || !lua_getmetatable(L, index)) return 0;
    int same = lua_rawequal(L, -1, CLASS_UPVALUE);
    lua_pop(L, 1);
    return same;
}

static void from_integer(lua_Integer n, uint32_t *w, int words) {
    uint64_t u = (uint64_t)n;
    w[0] = (uint32_t)u;
    w[1] = (uint32_t)(u >> 32);
    uint32_t fill = n < 0 ? 0xffffffffu : 0;
    for (int i = 2; i < words; i++) w[i] = fill;
}

/* Reads the operand at `index` into w: 1 for a bint of the class or a Lua integer, else 0. */
static int operand(lua_State *L, int index, uint32_t *w, int words) {
    if (lua_isinteger(L, index)) {
        from_integer(lua_tointeger(L, index), w, words);
        return 1;
    }
    if (!is_bint(L, index)) return 0;
    for (int i = 0; i < words; i++) {
        lua_rawgeti(L, index, i + 1);
        w[i] = (uint32_t)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    return 1;
}

static void push_bint(lua_State *L, const uint32_t *w, int words) {
    lua_createtable(L, words, 0);
    for (int i = 0; i < words; i++) {
        lua_pushinteger(L, (lua_Integer)w[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushvalue(L, CLASS_UPVALUE);
    lua_setmetatable(L, -2);
}

static int is_negative(const uint32_t *w, int words) { return (w[words - 1] >> 31) != 0; }

static int is_zero(const uint32_t *w, int words) {
    for (int i = 0; i < words; i++)
        if (w[i]) return 0;
    return 1;
}

static void negate_words(uint32_t *w, int words) {
    uint64_t carry = 1;
    for (int i = 0; i < words; i++) {
        carry += (uint32_t)~w[i];
        w[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

static int unsigned_compare(const uint32_t *a, const uint32_t *b, int words) {
    for (int i = words - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* a = a * m + c, for m and c below 2^32. */
static void muladd_small(uint32_t *a, uint32_t m, uint32_t c, int words) {
    uint64_t carry = c;
    for (int i = 0; i < words; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

/* a = a / d (unsigned, d nonzero, below 2^32); returns the remainder. */
static uint32_t divmod_small(uint32_t *a, uint32_t d, int words) {
    uint64_t rem = 0;
    for (int i = words - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | a[i];
        a[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

/* ---- construction and text ---- */

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Parses s (length n) into w; 0 if it is not a number in `base` (0: decimal or prefixed). */
static int parse_words(const char *s, size_t n, int base, uint32_t *w, int words) {
    size_t i = 0;
    int negative = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    if (base == 0) {
        base = 10;
        if (i + 1 < n && s[i] == '0') {
            char p = s[i + 1];
            if (p == 'x' || p == 'X') base = 16, i += 2;
            else if (p == 'b' || p == 'B') base = 2, i += 2;
        }
    }
    if (i == n) return 0;
    memset(w, 0, sizeof(uint32_t) * (size_t)words);
    for (; i < n; i++) {
        int d = digit_value(s[i]);
        if (d >= base) return 0;
        muladd_small(w, (uint32_t)base, (uint32_t)d, words);
    }
    if (negative) negate_words(w, words);
    return 1;
}

static int check_base(lua_State *L, int arg, lua_Integer fallback) {
    lua_Integer base = luaL_optinteger(L, arg, fallback);
    luaL_argcheck(L, base == 0 || (2 <= base && base <= 36), arg, "base out of range");
    return (int)base;
}

static int bint_parse(lua_State *L) {
    int words = class_words(L);
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    int base = check_base(L, 2, 0);
    Words w;
    if (!parse_words(s, n, base, w, words)) return 0;
    push_bint(L, w, words);
    return 1;
}

static int bint_new(lua_State *L) {
    int words = class_words(L);
    Words w;
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, 1, &n);
        if (!parse_words(s, n, 0, w, words)) return 0;
    } else if (!operand(L, 1, w, words)) {
        return 0;
    }
    push_bint(L, w, words);
    return 1;
}

static int bint_tobase(lua_State *L) {
    int words = class_words(L);
    Words w;
    if (!operand(L, 1, w, words)) return 0;
    int base = check_base(L, 2, 10);
    if (base == 0) luaL_argerror(L, 2, "base out of range");
    int negative = !lua_toboolean(L, 3) && is_negative(w, words);
    if (negative) negate_words(w, words);
    /* Digits come least significant first; a chunk is as many digits as fit a word's division. */
    uint32_t chunk = (uint32_t)base, per_chunk = 1;
    while ((uint64_t)chunk * (uint32_t)base < 0x80000000u) chunk *= (uint32_t)base, per_chunk++;
    char text[MAX_WORDS * 32 + 2], *end = text + sizeof text, *at = end;
    do {
        uint32_t part = divmod_small(w, chunk, words);
        int last = is_zero(w, words);
        for (uint32_t k = 0; k < per_chunk && (!last || part); k++) {
            *--at = "0123456789abcdefghijklmnopqrstuvwxyz"[part % (uint32_t)base];
            part /= (uint32_t)base;
        }
        if (last) break;
    } while (1);
    if (at == end) *--at = '0';
    if (negative) *--at = '-';
    lua_pushlstring(L, at, (size_t)(end - at));
    return 1;
}

/* ---- arithmetic ---- */

/* Reads both operands; 0 (and the caller returns nil) unless both are bints or integers. */
static int operands(lua_State *L, uint32_t *a, uint32_t *b, int words) {
    return operand(L, 1, a, words) && operand(L, 2, b, words);
}

static int bint_add(lua_State *L) {
    int words = class_words(L);
    Words a, b;
    if (!operands(L, a, b, words)) return 0;
    uint64_t carry = 0;
    for (int i = 0; i < words; i++) {
        carry += (uint64_t)a[i] + b[i];
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    push_bint(L, a, words);
    return 1;
}

static int bint_sub(lua_State *L) {
    int words = class_words(L);
    Words a, b;
    if (!operands(L, a, b, words)) return 0;
    uint32_t borrow = 0;
    for (int i = 0; i < words; i++) {
        uint64_t v = (uint64_t)a[i] - b[i] - borrow;
        a[i] = (uint32_t)v;
        borrow = (uint32_t)(v >> 63);
    }
    push_bint(L, a, words);
    return 1;
}

static int bint_mul(lua_State *L) {
    int words = class_words(L);
    Words a, b, x;
    if (!operands(L, a, b, words)) return 0;
    memset(x, 0, sizeof(uint32_t) * (size_t)words);
    for (int i = 0; i < words; i++) {
        if (!a[i]) continue;
        uint64_t carry = 0;
        for (int j = 0; i + j < words; j++) {
            carry += (uint64_t)a[i] * b[j] + x[i + j];
            x[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    push_bint(L, x, words);
    return 1;
}

static int bint_udivmod(lua_State *L) {
    int words = class_words(L);
    Words a, b, q, r;
    if (!operands(L, a, b, words)) return 0;
    if (is_zero(b, words)) {
        lua_pushliteral(L, "attempt to divide by zero");
        return lua_error(L);
    }
    memset(r, 0, sizeof(uint32_t) * (size_t)words);
    if (is_zero(b + 1, words - 1)) {
        r[0] = divmod_small(a, b[0], words);
        memcpy(q, a, sizeof(uint32_t) * (size_t)words);
    } else { /* shift and subtract, one bit at a time */
        memset(q, 0, sizeof(uint32_t) * (size_t)words);
        for (int bit = words * 32 - 1; bit >= 0; bit--) {
            for (int i = words - 1; i > 0; i--) r[i] = r[i] << 1 | r[i - 1] >> 31;
            r[0] = r[0] << 1 | ((a[bit / 32] >> (bit % 32)) & 1);
            if (unsigned_compare(r, b, words) >= 0) {
                uint32_t borrow = 0;
                for (int i = 0; i < words; i++) {
                    uint64_t v = (uint64_t)r[i] - b[i] - borrow;
                    r[i] = (uint32_t)v;
                    borrow = (uint32_t)(v >> 63);
                }
                q[bit / 32] |= 1u << (bit % 32);
            }
        }
    }
    push_bint(L, q, words);
    push_bint(L, r, words);
    return 2;
}

static int bint_negate(lua_State *L) {
    int words = class_words(L);
    Words a;
    if (!operand(L, 1, a, words)) return 0;
    negate_words(a, words);
    push_bint(L, a, words);
    return 1;
}

static int bint_compare(lua_State *L) {
    int words = class_words(L);
    Words a, b;
    if (!operands(L, a, b, words)) return 0;
    int na = is_negative(a, words), nb = is_negative(b, words);
    lua_pushinteger(L, na != nb ? (na ? -1 : 1) : unsigned_compare(a, b, words));
    return 1;
}

static int bint_ucompare(lua_State *L) {
    int words = class_words(L);
    Words a, b;
    if (!operands(L, a, b, words)) return 0;
    lua_pushinteger(L, unsigned_compare(a, b, words));
    return 1;
}

/* ---- bits ---- */

static int bitwise(lua_State *L, char op) {
    int words = class_words(L);
    Words a, b;
    if (!operands(L, a, b, words)) return 0;
    for (int i = 0; i < words; i++) a[i] = op == '&' ? a[i] & b[i] : op == '|' ? a[i] | b[i] : a[i] ^ b[i];
    push_bint(L, a, words);
    return 1;
}
static int bint_band(lua_State *L) { return bitwise(L, '&'); }
static int bint_bor(lua_State *L) { return bitwise(L, '|'); }
static int bint_bxor(lua_State *L) { return bitwise(L, '^'); }

static int bint_bnot(lua_State *L) {
    int words = class_words(L);
    Words a;
    if (!operand(L, 1, a, words)) return 0;
    for (int i = 0; i < words; i++) a[i] = ~a[i];
    push_bint(L, a, words);
    return 1;
}

static int bint_shift(lua_State *L) {
    int words = class_words(L);
    Words a, x;
    if (!operand(L, 1, a, words)) return 0;
    lua_Integer n = luaL_checkinteger(L, 2), bits = (lua_Integer)words * 32;
    memset(x, 0, sizeof(uint32_t) * (size_t)words);
    if (n < bits && n > -bits) {
        for (lua_Integer bit = 0; bit < bits; bit++) {
            lua_Integer from = bit - n;
            if (from >= 0 && from < bits && (a[from / 32] >> (from % 32) & 1)) x[bit / 32] |= 1u << (bit % 32);
        }
    }
    push_bint(L, x, words);
    return 1;
}

/* require("ao.bint")(words, class) -> the functions above bound to the class. */
static int bind_class(lua_State *L) {
    lua_Integer words = luaL_checkinteger(L, 1);
    luaL_argcheck(L, 2 <= words && words <= MAX_WORDS, 1, "a bint has 2 to 1024 words");
    luaL_checktype(L, 2, LUA_TTABLE);
    static const luaL_Reg functions[] = {
        { "new", bint_new }, { "parse", bint_parse }, { "tobase", bint_tobase },
        { "add", bint_add }, { "sub", bint_sub }, { "mul", bint_mul }, { "udivmod", bint_udivmod },
        { "negate", bint_negate }, { "compare", bint_compare }, { "ucompare", bint_ucompare },
        { "band", bint_band }, { "bor", bint_bor }, { "bxor", bint_bxor }, { "bnot", bint_bnot },
        { "shift", bint_shift }, { NULL, NULL },
    };
    lua_newtable(L);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    luaL_setfuncs(L, functions, 2);
    return 1;
}

int luaopen_ao_bint(lua_State *L) {
    lua_pushcfunction(L, bind_class);
    return 1;
}
