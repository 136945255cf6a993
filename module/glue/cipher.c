/* cipher.c: the `ao.cipher` C module — the ciphers under aos's `.crypto.cipher`, written from the
 * algorithm specifications (FIPS-197, SP 800-38A, ISAAC, MORUS-1280 v2, NORX v3.0) and giving
 * byte for byte what the published aos 2.0.6 module gives, its quirks included. Strings in are
 * binary-safe; strings out are raw bytes (the Lua side makes hex). require("ao.cipher") returns:
 *
 *   aes(encrypt, mode, bits, key, iv, data)   mode "ECB"|"CBC"|"CFB"|"OFB"|"CTR", bits 128|192|256.
 *       aos's framing: the byte stream is iv..data (iv of any length, "" included) followed by
 *       zero padding of 17 - ((n - 1) % 16) bytes, n = #iv + #data, Lua's floored modulo (so 2
 *       bytes when n is 0 or a multiple of 16); only whole 16-byte blocks are used, the rest is
 *       dropped. Except in ECB the first block is the IV (CTR: the counter) and gives no output;
 *       ECB ciphers every block, the iv's bytes included. CFB and OFB are 128-bit; CTR adds one
 *       to bytes 9..16 of the counter as a big-endian 64-bit number (bytes 1..8 never change);
 *       CFB/OFB/CTR decrypt with the block encryption, as the modes do. The key is its first
 *       bits/8 bytes (a longer key's tail is ignored, as aos does); a shorter key raises an error
 *       if any block is ciphered (aos fails in bit32.bxor then) and is harmless otherwise.
 *   aes_block(encrypt, bits, key, block)      one 16-byte block through AES; same key rule.
 *   isaac_seed(seed, flag)                    aos's seedIsaac: the seed's first 256 bytes, one a
 *       word, in randrsl[0..255] (zero-filled); `flag` true mixes them in (Jenkins' randinit),
 *       false ignores them; then the first 256 results are generated.
 *   isaac_next()                              aos's getRandom: randrsl[0], randrsl[1], ... (not
 *       Jenkins' reverse order), regenerating after the 256th. Before any seed it returns nil
 *       255 times and raises from then on, like aos (whose tables are empty then).
 *   morus_encrypt(key, iv, msg [, ad])        MORUS-1280: ad .. ciphertext .. 16-byte tag (aos's
 *       asString() puts the associated data in front). key 16 bytes (used twice) or 32, iv 16.
 *   morus_decrypt(key, iv, e [, adlen])       e = ad .. ciphertext .. tag with #ad = adlen
 *       (default 0): the plaintext, or nil, "decrypt error" on a wrong tag. As in aos, an adlen
 *       between #e - 16 and #e is accepted (the "ad" then overlaps the tag, the message is empty
 *       and its length counts negative in the tag). Raises if #e < 16, adlen > #e or adlen < 0.
 *   norx_encrypt(key, nonce, plain [, header [, trailer]])   NORX64-4-1 (W=64, L=4, P=1,
 *       T=256): ciphertext .. 32-byte tag. key and nonce: their first 32 bytes (raises if shorter).
 *   norx_decrypt(key, nonce, crypted [, header [, trailer]])  the plaintext, or nil,
 *       "auth failure" on a wrong tag; raises if #crypted < 32.
 * The ISAAC state is one static struct: the module runs one Lua state per instance, and linear
 * memory is the process's state, as aos's module-level Lua locals are. */
#include <stdint.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

static uint32_t load32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> 8 * i);
}

static uint64_t load64(const uint8_t *p) { return (uint64_t)load32(p) | (uint64_t)load32(p + 4) << 32; }

static void store64(uint8_t *p, uint64_t v) {
    store32(p, (uint32_t)v);
    store32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t rotl32(uint32_t x, int n) { return x << n | x >> (32 - n); }
static uint64_t rotl64(uint64_t x, int n) { return x << n | x >> (64 - n); }

static const uint8_t *check_bytes(lua_State *L, int arg, size_t *len) {
    return (const uint8_t *)luaL_checklstring(L, arg, len);
}

static const uint8_t *opt_bytes(lua_State *L, int arg, size_t *len) {
    return (const uint8_t *)luaL_optlstring(L, arg, "", len);
}

/* ---- AES (FIPS-197) ---- */

static const uint8_t SBOX[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

/* Filled by luaopen_ao_cipher: the inverse S-box, and for each byte x the column that
 * SubBytes+MixColumns (te) / InvSubBytes+InvMixColumns (td) make of x in row 0, little-endian
 * (row r in bits 8r..8r+7); row r's contribution is that word rotated left by 8r. */
static uint8_t inv_sbox[256];
static uint32_t te[256], td[256];

static uint8_t xtime(uint8_t x) { return (uint8_t)(x << 1 ^ (x >> 7) * 0x1b); }

static uint8_t gmul(uint8_t a, uint8_t b) {
    uint8_t p = 0;
    for (; b; b >>= 1, a = xtime(a))
        if (b & 1) p ^= a;
    return p;
}

static void aes_tables(void) {
    for (int x = 0; x < 256; x++) inv_sbox[SBOX[x]] = (uint8_t)x;
    for (int x = 0; x < 256; x++) {
        uint8_t s = SBOX[x], i = inv_sbox[x];
        te[x] = (uint32_t)gmul(s, 2) | (uint32_t)s << 8 | (uint32_t)s << 16 | (uint32_t)gmul(s, 3) << 24;
        td[x] = (uint32_t)gmul(i, 14) | (uint32_t)gmul(i, 9) << 8 | (uint32_t)gmul(i, 13) << 16 |
                (uint32_t)gmul(i, 11) << 24;
    }
}

typedef struct {
    uint32_t ek[60]; /* round keys, 4 words a round */
    uint32_t dk[60]; /* the equivalent inverse cipher's: reversed, InvMixColumns on the inner ones */
    int rounds;
} AesKey;

static uint32_t sub_word(uint32_t w) {
    return (uint32_t)SBOX[w & 255] | (uint32_t)SBOX[w >> 8 & 255] << 8 | (uint32_t)SBOX[w >> 16 & 255] << 16 |
           (uint32_t)SBOX[w >> 24] << 24;
}

static uint32_t inv_mix_word(uint32_t w) {
    return td[SBOX[w & 255]] ^ rotl32(td[SBOX[w >> 8 & 255]], 8) ^ rotl32(td[SBOX[w >> 16 & 255]], 16) ^
           rotl32(td[SBOX[w >> 24]], 24);
}

/* FIPS-197 KeyExpansion of the first bits/8 bytes of key. */
static void aes_expand(AesKey *k, const uint8_t *key, int bits) {
    int nk = bits / 32, words = 4 * (nk + 7);
    uint8_t rcon = 1;
    k->rounds = nk + 6;
    for (int i = 0; i < nk; i++) k->ek[i] = load32(key + 4 * i);
    for (int i = nk; i < words; i++) {
        uint32_t t = k->ek[i - 1];
        if (i % nk == 0) {
            t = sub_word(t >> 8 | t << 24) ^ rcon; /* RotWord, SubWord, Rcon */
            rcon = xtime(rcon);
        } else if (nk > 6 && i % nk == 4) {
            t = sub_word(t);
        }
        k->ek[i] = k->ek[i - nk] ^ t;
    }
    for (int r = 0; r <= k->rounds; r++)
        for (int c = 0; c < 4; c++) {
            uint32_t w = k->ek[4 * (k->rounds - r) + c];
            k->dk[4 * r + c] = r == 0 || r == k->rounds ? w : inv_mix_word(w);
        }
}

static void aes_encrypt(const AesKey *k, const uint8_t *in, uint8_t *out) {
    const uint32_t *rk = k->ek;
    uint32_t s[4], t[4];
    for (int c = 0; c < 4; c++) s[c] = load32(in + 4 * c) ^ rk[c];
    for (int r = 1; r < k->rounds; r++) {
        rk += 4;
        for (int c = 0; c < 4; c++)
            t[c] = te[s[c] & 255] ^ rotl32(te[s[(c + 1) & 3] >> 8 & 255], 8) ^
                   rotl32(te[s[(c + 2) & 3] >> 16 & 255], 16) ^ rotl32(te[s[(c + 3) & 3] >> 24], 24) ^ rk[c];
        memcpy(s, t, sizeof s);
    }
    rk += 4;
    for (int c = 0; c < 4; c++)
        store32(out + 4 * c, ((uint32_t)SBOX[s[c] & 255] | (uint32_t)SBOX[s[(c + 1) & 3] >> 8 & 255] << 8 |
                              (uint32_t)SBOX[s[(c + 2) & 3] >> 16 & 255] << 16 |
                              (uint32_t)SBOX[s[(c + 3) & 3] >> 24] << 24) ^ rk[c]);
}

static void aes_decrypt(const AesKey *k, const uint8_t *in, uint8_t *out) {
    const uint32_t *rk = k->dk;
    uint32_t s[4], t[4];
    for (int c = 0; c < 4; c++) s[c] = load32(in + 4 * c) ^ rk[c];
    for (int r = 1; r < k->rounds; r++) {
        rk += 4;
        for (int c = 0; c < 4; c++)
            t[c] = td[s[c] & 255] ^ rotl32(td[s[(c + 3) & 3] >> 8 & 255], 8) ^
                   rotl32(td[s[(c + 2) & 3] >> 16 & 255], 16) ^ rotl32(td[s[(c + 1) & 3] >> 24], 24) ^ rk[c];
        memcpy(s, t, sizeof s);
    }
    rk += 4;
    for (int c = 0; c < 4; c++)
        store32(out + 4 * c, ((uint32_t)inv_sbox[s[c] & 255] | (uint32_t)inv_sbox[s[(c + 3) & 3] >> 8 & 255] << 8 |
                              (uint32_t)inv_sbox[s[(c + 2) & 3] >> 16 & 255] << 16 |
                              (uint32_t)inv_sbox[s[(c + 1) & 3] >> 24] << 24) ^ rk[c]);
}

static int check_bits(lua_State *L, int arg) {
    lua_Integer bits = luaL_checkinteger(L, arg);
    luaL_argcheck(L, bits == 128 || bits == 192 || bits == 256, arg, "AES key size must be 128, 192 or 256");
    return (int)bits;
}

static void aes_key(lua_State *L, AesKey *k, const uint8_t *key, size_t len, int bits) {
    if (len < (size_t)bits / 8)
        luaL_error(L, "AES-%d needs a key of at least %d bytes (got %d)", bits, bits / 8, (int)len);
    aes_expand(k, key, bits);
}

static void xor_bytes(uint8_t *out, const uint8_t *a, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = a[i] ^ b[i];
}

/* aos's byte stream: iv, data, then zeros. */
typedef struct {
    const uint8_t *iv, *data;
    size_t ivlen, n; /* n = #iv + #data */
} Stream;

static void stream_block(const Stream *s, size_t index, uint8_t out[16]) {
    size_t p = index * 16;
    if (p >= s->ivlen && p + 16 <= s->n) {
        memcpy(out, s->data + (p - s->ivlen), 16);
        return;
    }
    for (int j = 0; j < 16; j++, p++) out[j] = p < s->ivlen ? s->iv[p] : p < s->n ? s->data[p - s->ivlen] : 0;
}

/* CTR's counter: bytes 8..15 as a big-endian number, plus one, modulo 2^64. */
static void ctr_increment(uint8_t counter[16]) {
    for (int i = 15; i >= 8; i--)
        if (++counter[i] != 0) break;
}

enum { ECB, CBC, CFB, OFB, CTR };

static int cipher_aes(lua_State *L) {
    static const char *const modes[] = { "ECB", "CBC", "CFB", "OFB", "CTR", NULL };
    int encrypt = lua_toboolean(L, 1);
    int mode = luaL_checkoption(L, 2, NULL, modes);
    int bits = check_bits(L, 3);
    size_t keylen, datalen;
    const uint8_t *key = check_bytes(L, 4, &keylen);
    Stream st;
    st.iv = check_bytes(L, 5, &st.ivlen);
    st.data = check_bytes(L, 6, &datalen);
    st.n = st.ivlen + datalen;
    size_t padding = st.n == 0 ? 2 : 17 - (st.n - 1) % 16; /* padding/zero.lua, with Lua's modulo */
    size_t blocks = (st.n + padding) / 16, first = mode == ECB ? 0 : 1;
    size_t outblocks = blocks > first ? blocks - first : 0;
    AesKey k;
    if (outblocks > 0) aes_key(L, &k, key, keylen, bits);
    luaL_Buffer b;
    uint8_t *out = (uint8_t *)luaL_buffinitsize(L, &b, outblocks * 16);
    uint8_t chain[16], block[16], stream[16];
    if (first) stream_block(&st, 0, chain);
    for (size_t i = 0; i < outblocks; i++) {
        uint8_t *o = out + 16 * i;
        stream_block(&st, i + first, block);
        switch (mode) {
        case ECB:
            if (encrypt) aes_encrypt(&k, block, o);
            else aes_decrypt(&k, block, o);
            break;
        case CBC:
            if (encrypt) {
                xor_bytes(block, block, chain, 16);
                aes_encrypt(&k, block, o);
                memcpy(chain, o, 16);
            } else {
                aes_decrypt(&k, block, o);
                xor_bytes(o, o, chain, 16);
                memcpy(chain, block, 16);
            }
            break;
        case CFB:
            aes_encrypt(&k, chain, stream);
            xor_bytes(o, stream, block, 16);
            memcpy(chain, encrypt ? o : block, 16);
            break;
        case OFB:
            aes_encrypt(&k, chain, chain);
            xor_bytes(o, chain, block, 16);
            break;
        default: /* CTR */
            aes_encrypt(&k, chain, stream);
            xor_bytes(o, stream, block, 16);
            ctr_increment(chain);
            break;
        }
    }
    luaL_pushresultsize(&b, outblocks * 16);
    return 1;
}

static int cipher_aes_block(lua_State *L) {
    int encrypt = lua_toboolean(L, 1);
    int bits = check_bits(L, 2);
    size_t keylen, len;
    const uint8_t *key = check_bytes(L, 3, &keylen);
    const uint8_t *in = check_bytes(L, 4, &len);
    luaL_argcheck(L, len == 16, 4, "an AES block is 16 bytes");
    AesKey k;
    aes_key(L, &k, key, keylen, bits);
    uint8_t out[16];
    if (encrypt) aes_encrypt(&k, in, out);
    else aes_decrypt(&k, in, out);
    lua_pushlstring(L, (const char *)out, 16);
    return 1;
}

/* ---- ISAAC (Bob Jenkins, 32-bit) ---- */

static struct {
    uint32_t rsl[256], mm[256], a, b, c;
    unsigned count; /* the next result to hand out; unseeded: how many calls so far */
    int seeded;
} isaac;

static void isaac_generate(void) {
    uint32_t a = isaac.a, b = isaac.b + ++isaac.c;
    for (int i = 0; i < 256; i++) {
        uint32_t x = isaac.mm[i], y;
        switch (i & 3) {
        case 0: a ^= a << 13; break;
        case 1: a ^= a >> 6; break;
        case 2: a ^= a << 2; break;
        default: a ^= a >> 16; break;
        }
        a += isaac.mm[(i + 128) & 255];
        isaac.mm[i] = y = isaac.mm[(x >> 2) & 255] + a + b;
        isaac.rsl[i] = b = isaac.mm[(y >> 10) & 255] + x;
    }
    isaac.a = a;
    isaac.b = b;
    isaac.count = 0;
}

static void isaac_mix(uint32_t m[8]) {
    static const int shift[8] = { 11, -2, 8, -16, 10, -4, 8, -9 }; /* > 0: left, < 0: right */
    for (int i = 0; i < 8; i++) {
        uint32_t *x = &m[i], y = m[(i + 1) & 7];
        *x ^= shift[i] > 0 ? y << shift[i] : y >> -shift[i];
        m[(i + 3) & 7] += *x;
        m[(i + 1) & 7] += m[(i + 2) & 7];
    }
}

static void isaac_init(int flag) {
    uint32_t m[8];
    for (int i = 0; i < 8; i++) m[i] = 0x9e3779b9u; /* the golden ratio */
    isaac.a = isaac.b = isaac.c = 0;
    for (int i = 0; i < 4; i++) isaac_mix(m);
    for (int pass = 0; pass < (flag ? 2 : 1); pass++)
        for (int i = 0; i < 256; i += 8) {
            if (flag)
                for (int j = 0; j < 8; j++) m[j] += pass == 0 ? isaac.rsl[i + j] : isaac.mm[i + j];
            isaac_mix(m);
            memcpy(&isaac.mm[i], m, sizeof m);
        }
    isaac_generate();
}

static int cipher_isaac_seed(lua_State *L) {
    size_t len;
    const uint8_t *seed = check_bytes(L, 1, &len);
    int flag = lua_toboolean(L, 2);
    for (size_t i = 0; i < 256; i++) isaac.rsl[i] = i < len ? seed[i] : 0;
    memset(isaac.mm, 0, sizeof isaac.mm);
    isaac_init(flag);
    isaac.seeded = 1;
    return 0;
}

static int cipher_isaac_next(lua_State *L) {
    if (!isaac.seeded) {
        if (++isaac.count > 255) return luaL_error(L, "ISAAC is not seeded (call seedIsaac first)");
        lua_pushnil(L);
        return 1;
    }
    lua_pushinteger(L, (lua_Integer)isaac.rsl[isaac.count++]);
    if (isaac.count > 255) isaac_generate();
    return 1;
}

/* ---- MORUS-1280 (v2) ---- */

typedef uint64_t MorusState[5][4];

/* The 256-bit row x rotated left by 64 * words bits (word j is bits 64j..64j+63). */
static void rotate_row(uint64_t x[4], int words) {
    uint64_t t[4];
    for (int j = 0; j < 4; j++) t[j] = x[(j - words) & 3];
    memcpy(x, t, sizeof t);
}

static void morus_update(MorusState s, const uint64_t m[4]) {
    static const int bits[5] = { 13, 46, 38, 7, 4 }, words[5] = { 1, 2, 3, 2, 1 };
    for (int i = 0; i < 5; i++) {
        uint64_t *x = s[i], *a = s[(i + 1) % 5], *b = s[(i + 2) % 5], *c = s[(i + 3) % 5];
        for (int j = 0; j < 4; j++) x[j] = rotl64(x[j] ^ c[j] ^ (a[j] & b[j]) ^ (i ? m[j] : 0), bits[i]);
        rotate_row(c, words[i]);
    }
}

static void morus_keystream(MorusState s, uint64_t out[4]) {
    for (int j = 0; j < 4; j++) out[j] = s[0][j] ^ s[1][(j + 1) & 3] ^ (s[2][j] & s[3][j]);
}

static void load_block(uint64_t m[4], const uint8_t *p, size_t len) {
    uint8_t buf[32] = { 0 };
    memcpy(buf, p, len);
    for (int j = 0; j < 4; j++) m[j] = load64(buf + 8 * j);
}

static void store_block(uint8_t *p, const uint64_t m[4], size_t len) {
    uint8_t buf[32];
    for (int j = 0; j < 4; j++) store64(buf + 8 * j, m[j]);
    memcpy(p, buf, len);
}

static void morus_init(lua_State *L, MorusState s, int key_arg) {
    static const uint8_t fibonacci[32] = { 0x00, 0x01, 0x01, 0x02, 0x03, 0x05, 0x08, 0x0d, 0x15, 0x22, 0x37,
                                           0x59, 0x90, 0xe9, 0x79, 0x62, 0xdb, 0x3d, 0x18, 0x55, 0x6d, 0xc2,
                                           0x2f, 0xf1, 0x20, 0x11, 0x31, 0x42, 0x73, 0xb5, 0x28, 0xdd };
    static const uint64_t zero[4] = { 0 };
    size_t keylen, ivlen;
    const uint8_t *key = check_bytes(L, key_arg, &keylen);
    const uint8_t *iv = check_bytes(L, key_arg + 1, &ivlen);
    if (keylen != 16 && keylen != 32) luaL_error(L, "key must be 16 or 32 bytes");
    if (ivlen != 16) luaL_error(L, "iv must be 16 bytes");
    uint64_t k[4];
    for (int j = 0; j < 4; j++) k[j] = load64(key + 8 * (keylen == 16 ? j & 1 : j));
    s[0][0] = load64(iv);
    s[0][1] = load64(iv + 8);
    s[0][2] = s[0][3] = 0;
    memcpy(s[1], k, sizeof k);
    for (int j = 0; j < 4; j++) {
        s[2][j] = ~(uint64_t)0;
        s[3][j] = 0;
        s[4][j] = load64(fibonacci + 8 * j);
    }
    for (int i = 0; i < 16; i++) morus_update(s, zero);
    for (int j = 0; j < 4; j++) s[1][j] ^= k[j];
}

static void morus_absorb(MorusState s, const uint8_t *ad, size_t len) {
    uint64_t m[4];
    for (size_t i = 0; i < len; i += 32) {
        load_block(m, ad + i, len - i < 32 ? len - i : 32);
        morus_update(s, m);
    }
}

/* The 16-byte tag; adlen and mlen are byte counts (mlen may be negative in a decryption). */
static void morus_tag(MorusState s, int64_t adlen, int64_t mlen, uint8_t tag[16]) {
    uint64_t m[4] = { (uint64_t)adlen << 3, (uint64_t)mlen << 3, 0, 0 }, t[4];
    for (int j = 0; j < 4; j++) s[4][j] ^= s[0][j];
    for (int i = 0; i < 10; i++) morus_update(s, m);
    morus_keystream(s, t);
    store64(tag, t[0]);
    store64(tag + 8, t[1]);
}

/* Encrypts (or decrypts) len bytes of in into out, block by block, updating the state with the
 * plaintext block padded with zeros. */
static void morus_crypt(MorusState s, const uint8_t *in, uint8_t *out, size_t len, int encrypt) {
    uint64_t m[4], k[4];
    for (size_t i = 0; i < len; i += 32) {
        size_t n = len - i < 32 ? len - i : 32;
        load_block(m, in + i, n);
        morus_keystream(s, k);
        for (int j = 0; j < 4; j++) k[j] ^= m[j]; /* the other text, padded block */
        store_block(out + i, k, n);
        if (!encrypt) load_block(m, out + i, n); /* the plaintext, its padding zeroed */
        morus_update(s, m);
    }
}

static int cipher_morus_encrypt(lua_State *L) {
    MorusState s;
    size_t mlen, adlen;
    morus_init(L, s, 1);
    const uint8_t *msg = check_bytes(L, 3, &mlen);
    const uint8_t *ad = opt_bytes(L, 4, &adlen);
    luaL_Buffer b;
    uint8_t *out = (uint8_t *)luaL_buffinitsize(L, &b, adlen + mlen + 16);
    memcpy(out, ad, adlen);
    morus_absorb(s, ad, adlen);
    morus_crypt(s, msg, out + adlen, mlen, 1);
    morus_tag(s, (int64_t)adlen, (int64_t)mlen, out + adlen + mlen);
    luaL_pushresultsize(&b, adlen + mlen + 16);
    return 1;
}

static int cipher_morus_decrypt(lua_State *L) {
    MorusState s;
    size_t len;
    morus_init(L, s, 1);
    const uint8_t *e = check_bytes(L, 3, &len);
    lua_Integer adlen = luaL_optinteger(L, 4, 0);
    if (len < 16) return luaL_error(L, "MORUS ciphertext must be at least 16 bytes (the tag)");
    luaL_argcheck(L, adlen >= 0 && adlen <= (lua_Integer)len, 4, "adlen must be between 0 and the ciphertext's length");
    size_t elen = len - 16, start = (size_t)adlen, mlen = start < elen ? elen - start : 0;
    morus_absorb(s, e, start);
    luaL_Buffer b;
    uint8_t *out = (uint8_t *)luaL_buffinitsize(L, &b, mlen);
    morus_crypt(s, e + start, out, mlen, 0);
    uint8_t tag[16];
    morus_tag(s, adlen, (int64_t)elen - adlen, tag);
    if (memcmp(tag, e + elen, 16) != 0) {
        lua_pushnil(L);
        lua_pushliteral(L, "decrypt error");
        return 2;
    }
    luaL_pushresultsize(&b, mlen);
    return 1;
}

/* ---- NORX64-4-1 (v3.0) ---- */

#define NORX_RATE 96 /* bytes: 12 of the 16 words */
enum { HEADER_TAG = 1, PAYLOAD_TAG = 2, TRAILER_TAG = 4, FINAL_TAG = 8 };

static uint64_t norx_h(uint64_t x, uint64_t y) { return (x ^ y) ^ ((x & y) << 1); }

static void norx_g(uint64_t *s, int a, int b, int c, int d) {
    static const int r[4] = { 8, 19, 40, 63 }; /* right rotations */
    for (int i = 0; i < 4; i += 2) {
        s[a] = norx_h(s[a], s[b]);
        s[d] = rotl64(s[d] ^ s[a], 64 - r[i]);
        s[c] = norx_h(s[c], s[d]);
        s[b] = rotl64(s[b] ^ s[c], 64 - r[i + 1]);
    }
}

static void norx_f(uint64_t *s) {
    for (int i = 0; i < 4; i++) norx_g(s, i, 4 + i, 8 + i, 12 + i);                           /* columns */
    for (int i = 0; i < 4; i++) norx_g(s, i, 4 + (i + 1) % 4, 8 + (i + 2) % 4, 12 + (i + 3) % 4); /* diagonals */
}

static void norx_permute(uint64_t *s, int tag) {
    s[15] ^= (uint64_t)tag;
    for (int i = 0; i < 4; i++) norx_f(s);
}

static void norx_add_key(uint64_t *s, const uint64_t *k) {
    for (int i = 0; i < 4; i++) s[12 + i] ^= k[i];
}

static void norx_init(lua_State *L, uint64_t *s, uint64_t *k) {
    size_t keylen, noncelen;
    const uint8_t *key = check_bytes(L, 1, &keylen);
    const uint8_t *nonce = check_bytes(L, 2, &noncelen);
    if (noncelen < 32) luaL_error(L, "NORX nonce must be at least 32 bytes (got %d)", (int)noncelen);
    if (keylen < 32) luaL_error(L, "NORX key must be at least 32 bytes (got %d)", (int)keylen);
    for (int i = 0; i < 16; i++) s[i] = (uint64_t)i;
    norx_f(s);
    norx_f(s);
    for (int i = 0; i < 4; i++) {
        s[i] = load64(nonce + 8 * i);
        s[4 + i] = k[i] = load64(key + 8 * i);
    }
    s[12] ^= 64; /* W */
    s[13] ^= 4;  /* L */
    s[14] ^= 1;  /* P */
    s[15] ^= 256; /* T */
    norx_permute(s, 0);
    norx_add_key(s, k);
}

/* One rate block of len bytes (< 96 for the last one, which gets pad10*1). */
static void norx_block(uint8_t block[NORX_RATE], const uint8_t *in, size_t len) {
    memcpy(block, in, len);
    if (len < NORX_RATE) {
        memset(block + len, 0, NORX_RATE - len);
        block[len] ^= 0x01;
        block[NORX_RATE - 1] ^= 0x80;
    }
}

static void norx_absorb(uint64_t *s, const uint8_t *in, size_t len, int tag) {
    uint8_t block[NORX_RATE];
    if (len == 0) return;
    for (size_t i = 0;; i += NORX_RATE) { /* whole blocks, then a padded last one (maybe empty) */
        size_t n = len - i < NORX_RATE ? len - i : NORX_RATE;
        norx_block(block, in + i, n);
        norx_permute(s, tag);
        for (int j = 0; j < 12; j++) s[j] ^= load64(block + 8 * j);
        if (n < NORX_RATE) return;
    }
}

static void norx_crypt(uint64_t *s, const uint8_t *in, uint8_t *out, size_t len, int encrypt) {
    uint8_t block[NORX_RATE], result[NORX_RATE];
    if (len == 0) return;
    for (size_t i = 0;; i += NORX_RATE) {
        size_t n = len - i < NORX_RATE ? len - i : NORX_RATE;
        norx_permute(s, PAYLOAD_TAG);
        if (encrypt) {
            norx_block(block, in + i, n);
            for (int j = 0; j < 12; j++) store64(result + 8 * j, s[j] ^= load64(block + 8 * j));
        } else { /* the state's bytes with the ciphertext over them, padded in place */
            for (int j = 0; j < 12; j++) store64(block + 8 * j, s[j]);
            memcpy(block, in + i, n);
            if (n < NORX_RATE) {
                block[n] ^= 0x01;
                block[NORX_RATE - 1] ^= 0x80;
            }
            for (int j = 0; j < 12; j++) {
                uint64_t c = load64(block + 8 * j);
                store64(result + 8 * j, s[j] ^ c);
                s[j] = c;
            }
        }
        memcpy(out + i, result, n);
        if (n < NORX_RATE) return;
    }
}

static void norx_finalize(uint64_t *s, const uint64_t *k, uint8_t tag[32]) {
    norx_permute(s, FINAL_TAG);
    norx_add_key(s, k);
    norx_permute(s, 0);
    norx_add_key(s, k);
    for (int i = 0; i < 4; i++) store64(tag + 8 * i, s[12 + i]);
}

static int cipher_norx_encrypt(lua_State *L) {
    uint64_t s[16], k[4];
    size_t len, hlen, tlen;
    norx_init(L, s, k);
    const uint8_t *plain = check_bytes(L, 3, &len);
    const uint8_t *header = opt_bytes(L, 4, &hlen);
    const uint8_t *trailer = opt_bytes(L, 5, &tlen);
    luaL_Buffer b;
    uint8_t *out = (uint8_t *)luaL_buffinitsize(L, &b, len + 32);
    norx_absorb(s, header, hlen, HEADER_TAG);
    norx_crypt(s, plain, out, len, 1);
    norx_absorb(s, trailer, tlen, TRAILER_TAG);
    norx_finalize(s, k, out + len);
    luaL_pushresultsize(&b, len + 32);
    return 1;
}

static int cipher_norx_decrypt(lua_State *L) {
    uint64_t s[16], k[4];
    size_t len, hlen, tlen;
    const uint8_t *crypted = check_bytes(L, 3, &len);
    if (len < 32) return luaL_error(L, "NORX ciphertext must be at least 32 bytes (the tag)");
    norx_init(L, s, k);
    const uint8_t *header = opt_bytes(L, 4, &hlen);
    const uint8_t *trailer = opt_bytes(L, 5, &tlen);
    luaL_Buffer b;
    uint8_t *out = (uint8_t *)luaL_buffinitsize(L, &b, len - 32), tag[32];
    norx_absorb(s, header, hlen, HEADER_TAG);
    norx_crypt(s, crypted, out, len - 32, 0);
    norx_absorb(s, trailer, tlen, TRAILER_TAG);
    norx_finalize(s, k, tag);
    if (memcmp(tag, crypted + len - 32, 32) != 0) {
        lua_pushnil(L);
        lua_pushliteral(L, "auth failure");
        return 2;
    }
    luaL_pushresultsize(&b, len - 32);
    return 1;
}

int luaopen_ao_cipher(lua_State *L) {
    static const luaL_Reg functions[] = {
        { "aes", cipher_aes },
        { "aes_block", cipher_aes_block },
        { "isaac_seed", cipher_isaac_seed },
        { "isaac_next", cipher_isaac_next },
        { "morus_encrypt", cipher_morus_encrypt },
        { "morus_decrypt", cipher_morus_decrypt },
        { "norx_encrypt", cipher_norx_encrypt },
        { "norx_decrypt", cipher_norx_decrypt },
        { NULL, NULL },
    };
    aes_tables();
    luaL_newlib(L, functions);
    return 1;
}
