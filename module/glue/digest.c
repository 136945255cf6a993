/* digest.c: the `ao.digest` C module — the hash functions under aos's `.crypto` library.
 *
 * `require("ao.digest")` returns a table of functions; every input is a Lua string (binary-safe)
 * and every output a raw binary string:
 *   md2(s) md4(s) md5(s) sha1(s) sha256(s) sha512(s)   RFC 1319, 1320, 1321; FIPS 180-4
 *   sha3_256(s) sha3_512(s)                             FIPS 202 (padding 0x06)
 *   keccak256(s) keccak512(s)                           the original Keccak (padding 0x01)
 *   blake2b(s, outlen, key)     RFC 7693; outlen 1..64 (default 64), key 0..64 bytes (default "")
 *   hmac(name, blocksize, key, data)
 *       name "sha1" or "sha256". A generalized HMAC whose pad block is `blocksize` bytes (1..128)
 *       rather than the hash's own block: a key longer than blocksize is hashed first; the key is
 *       then zero-padded (or cut) to blocksize; result = H(key ^ 0x5c.. .. H(key ^ 0x36.. .. data)).
 *       aos's mac.createHmac uses blocksize 32; with 64 this is RFC 2104's HMAC.
 *   pbkdf2(name, password, salt, iterations, keylen [, blocksize])
 *       RFC 8018 with HMAC-name (of blocksize, default 64: RFC 2104's); keylen bytes; "" when
 *       iterations < 1 (as aos).
 * An unknown name raises "unsupported algorithm: NAME"; bad sizes raise argument errors.
 * Every function follows its standard. aos 2.0.6's pure-Lua versions do not at some lengths, where
 * this module and aos disagree: sha512 when #s % 128 is 112..118 (aos writes an 8-byte length),
 * sha3/keccak when #s % rate == rate - 1 (aos pads with an extra block), blake2b when #s is a
 * positive multiple of 128 or s is empty with a key (aos adds an empty final block).
 * Inputs are hashed in place (no copy of the message); state lives on the C stack. */
#include <stdint.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

/* ---- byte order and rotations ---- */

static uint32_t load32le(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t load32be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}
static uint64_t load64le(const uint8_t *p) { return (uint64_t)load32le(p + 4) << 32 | load32le(p); }
static uint64_t load64be(const uint8_t *p) { return (uint64_t)load32be(p) << 32 | load32be(p + 4); }

static void store32le(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}
static void store32be(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}
static void store64le(uint8_t *p, uint64_t v) { store32le(p, (uint32_t)v), store32le(p + 4, (uint32_t)(v >> 32)); }
static void store64be(uint8_t *p, uint64_t v) { store32be(p, (uint32_t)(v >> 32)), store32be(p + 4, (uint32_t)v); }

static uint32_t rotl32(uint32_t x, unsigned n) { return x << (n & 31) | x >> ((32 - n) & 31); }
static uint32_t rotr32(uint32_t x, unsigned n) { return x >> (n & 31) | x << ((32 - n) & 31); }
static uint64_t rotl64(uint64_t x, unsigned n) { return x << (n & 63) | x >> ((64 - n) & 63); }
static uint64_t rotr64(uint64_t x, unsigned n) { return x >> (n & 63) | x << ((64 - n) & 63); }

/* ---- constants (FIPS 180-4 §4.2, §5.3; RFC 1321 §3.4; RFC 1319 §3.2; FIPS 202 §3.2.5) ---- */

static const uint32_t IV_MD[5] = { 0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u };

static const uint32_t IV_SHA256[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

/* Also BLAKE2b's IV. */
static const uint64_t IV_SHA512[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static const uint32_t K256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

static const uint64_t K512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

/* MD5's T[i] = floor(2^32 * |sin(i + 1)|). */
static const uint32_t MD5_T[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au, 0xa8304613u, 0xfd469501u,
    0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu, 0x6b901122u, 0xfd987193u, 0xa679438eu, 0x49b40821u,
    0xf61e2562u, 0xc040b340u, 0x265e5a51u, 0xe9b6c7aau, 0xd62f105du, 0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u,
    0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu, 0xa9e3e905u, 0xfcefa3f8u, 0x676f02d9u, 0x8d2a4c8au,
    0xfffa3942u, 0x8771f681u, 0x6d9d6122u, 0xfde5380cu, 0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u,
    0x289b7ec6u, 0xeaa127fau, 0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u,
    0xf4292244u, 0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u, 0xffeff47du, 0x85845dd1u,
    0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u, 0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu, 0xeb86d391u,
};

/* MD2's substitution, a permutation of 0..255 built from the digits of pi. */
static const uint8_t MD2_S[256] = {
    0x29, 0x2e, 0x43, 0xc9, 0xa2, 0xd8, 0x7c, 0x01, 0x3d, 0x36, 0x54, 0xa1, 0xec, 0xf0, 0x06, 0x13,
    0x62, 0xa7, 0x05, 0xf3, 0xc0, 0xc7, 0x73, 0x8c, 0x98, 0x93, 0x2b, 0xd9, 0xbc, 0x4c, 0x82, 0xca,
    0x1e, 0x9b, 0x57, 0x3c, 0xfd, 0xd4, 0xe0, 0x16, 0x67, 0x42, 0x6f, 0x18, 0x8a, 0x17, 0xe5, 0x12,
    0xbe, 0x4e, 0xc4, 0xd6, 0xda, 0x9e, 0xde, 0x49, 0xa0, 0xfb, 0xf5, 0x8e, 0xbb, 0x2f, 0xee, 0x7a,
    0xa9, 0x68, 0x79, 0x91, 0x15, 0xb2, 0x07, 0x3f, 0x94, 0xc2, 0x10, 0x89, 0x0b, 0x22, 0x5f, 0x21,
    0x80, 0x7f, 0x5d, 0x9a, 0x5a, 0x90, 0x32, 0x27, 0x35, 0x3e, 0xcc, 0xe7, 0xbf, 0xf7, 0x97, 0x03,
    0xff, 0x19, 0x30, 0xb3, 0x48, 0xa5, 0xb5, 0xd1, 0xd7, 0x5e, 0x92, 0x2a, 0xac, 0x56, 0xaa, 0xc6,
    0x4f, 0xb8, 0x38, 0xd2, 0x96, 0xa4, 0x7d, 0xb6, 0x76, 0xfc, 0x6b, 0xe2, 0x9c, 0x74, 0x04, 0xf1,
    0x45, 0x9d, 0x70, 0x59, 0x64, 0x71, 0x87, 0x20, 0x86, 0x5b, 0xcf, 0x65, 0xe6, 0x2d, 0xa8, 0x02,
    0x1b, 0x60, 0x25, 0xad, 0xae, 0xb0, 0xb9, 0xf6, 0x1c, 0x46, 0x61, 0x69, 0x34, 0x40, 0x7e, 0x0f,
    0x55, 0x47, 0xa3, 0x23, 0xdd, 0x51, 0xaf, 0x3a, 0xc3, 0x5c, 0xf9, 0xce, 0xba, 0xc5, 0xea, 0x26,
    0x2c, 0x53, 0x0d, 0x6e, 0x85, 0x28, 0x84, 0x09, 0xd3, 0xdf, 0xcd, 0xf4, 0x41, 0x81, 0x4d, 0x52,
    0x6a, 0xdc, 0x37, 0xc8, 0x6c, 0xc1, 0xab, 0xfa, 0x24, 0xe1, 0x7b, 0x08, 0x0c, 0xbd, 0xb1, 0x4a,
    0x78, 0x88, 0x95, 0x8b, 0xe3, 0x63, 0xe8, 0x6d, 0xe9, 0xcb, 0xd5, 0xfe, 0x3b, 0x00, 0x1d, 0x39,
    0xf2, 0xef, 0xb7, 0x0e, 0x66, 0x58, 0xd0, 0xe4, 0xa6, 0x77, 0x72, 0xf8, 0xeb, 0x75, 0x4b, 0x0a,
    0x31, 0x44, 0x50, 0xb4, 0x8f, 0xed, 0x1f, 0x1a, 0xdb, 0x99, 0x8d, 0x33, 0x9f, 0x11, 0x83, 0x14,
};

static const uint64_t KECCAK_RC[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808aull, 0x8000000080008000ull,
    0x000000000000808bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000aull,
    0x000000008000808bull, 0x800000000000008bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800aull, 0x800000008000000aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull,
};
/* rho and pi walked as one cycle from lane 1: lane KECCAK_PI[i] receives the previous lane rotated
 * by KECCAK_ROT[i]. */
static const uint8_t KECCAK_ROT[24] = { 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14,
                                        27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44 };
static const uint8_t KECCAK_PI[24] = { 10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4,
                                       15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1 };

static const uint8_t BLAKE2B_SIGMA[10][16] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
    { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
    { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
    { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
    { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
    { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
    { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
    { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
    { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
};

/* ---- compression functions of the Merkle-Damgard hashes: `blocks` blocks at p into the state ---- */

static void md4_compress(void *state, const uint8_t *p, size_t blocks) {
    uint32_t *h = state;
    for (; blocks--; p += 64) {
        uint32_t x[16], a = h[0], b = h[1], c = h[2], d = h[3], t;
        for (int i = 0; i < 16; i++) x[i] = load32le(p + 4 * i);
        static const uint8_t s1[4] = { 3, 7, 11, 19 }, s2[4] = { 3, 5, 9, 13 }, s3[4] = { 3, 9, 11, 15 };
        static const uint8_t k3[16] = { 0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15 };
        /* Each step updates a, then the roles rotate: (a, b, c, d) <- (d, a, b, c). */
        for (int i = 0; i < 16; i++) {
            t = rotl32(a + ((b & c) | (~b & d)) + x[i], s1[i & 3]);
            a = d, d = c, c = b, b = t;
        }
        for (int i = 0; i < 16; i++) {
            t = rotl32(a + ((b & c) | (b & d) | (c & d)) + x[(i & 3) * 4 + (i >> 2)] + 0x5a827999u, s2[i & 3]);
            a = d, d = c, c = b, b = t;
        }
        for (int i = 0; i < 16; i++) {
            t = rotl32(a + (b ^ c ^ d) + x[k3[i]] + 0x6ed9eba1u, s3[i & 3]);
            a = d, d = c, c = b, b = t;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d;
    }
}

static void md5_compress(void *state, const uint8_t *p, size_t blocks) {
    uint32_t *h = state;
    static const uint8_t s[4][4] = { { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 } };
    for (; blocks--; p += 64) {
        uint32_t x[16], a = h[0], b = h[1], c = h[2], d = h[3], t;
        for (int i = 0; i < 16; i++) x[i] = load32le(p + 4 * i);
#define MD5_STEP(f, k)                                                                \
    t = b + rotl32(a + (f) + x[(k) & 15] + MD5_T[i], s[i >> 4][i & 3]);               \
    a = d, d = c, c = b, b = t
        for (int i = 0; i < 16; i++) { MD5_STEP((b & c) | (~b & d), i); }
        for (int i = 16; i < 32; i++) { MD5_STEP((b & d) | (c & ~d), 5 * i + 1); }
        for (int i = 32; i < 48; i++) { MD5_STEP(b ^ c ^ d, 3 * i + 5); }
        for (int i = 48; i < 64; i++) { MD5_STEP(c ^ (b | ~d), 7 * i); }
#undef MD5_STEP
        h[0] += a, h[1] += b, h[2] += c, h[3] += d;
    }
}

static void sha1_compress(void *state, const uint8_t *p, size_t blocks) {
    uint32_t *h = state;
    for (; blocks--; p += 64) {
        uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], t;
        for (int i = 0; i < 16; i++) w[i] = load32be(p + 4 * i);
        for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
#define SHA1_STEP(f, k)                                    \
    t = rotl32(a, 5) + (f) + e + (k) + w[i];               \
    e = d, d = c, c = rotl32(b, 30), b = a, a = t
        for (int i = 0; i < 20; i++) { SHA1_STEP((b & c) | (~b & d), 0x5a827999u); }
        for (int i = 20; i < 40; i++) { SHA1_STEP(b ^ c ^ d, 0x6ed9eba1u); }
        for (int i = 40; i < 60; i++) { SHA1_STEP((b & c) | (b & d) | (c & d), 0x8f1bbcdcu); }
        for (int i = 60; i < 80; i++) { SHA1_STEP(b ^ c ^ d, 0xca62c1d6u); }
#undef SHA1_STEP
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
    }
}

/* One SHA-2 round; eight of them in a row with rotated names leave every variable in place. */
#define SHA2_ROUND(rot, a, b, c, d, e, f, g, h, i, K, S0, S1)                                          \
    do {                                                                                               \
        t = h + (rot(e, S1[0]) ^ rot(e, S1[1]) ^ rot(e, S1[2])) + (g ^ (e & (f ^ g))) + K[i] + w[i];   \
        d += t;                                                                                        \
        h = t + (rot(a, S0[0]) ^ rot(a, S0[1]) ^ rot(a, S0[2])) + ((a & b) | (c & (a | b)));           \
    } while (0)
#define SHA2_EIGHT(rot, i, K, S0, S1)                                     \
    SHA2_ROUND(rot, a, b, c, d, e, f, g, h, i, K, S0, S1);                \
    SHA2_ROUND(rot, h, a, b, c, d, e, f, g, i + 1, K, S0, S1);            \
    SHA2_ROUND(rot, g, h, a, b, c, d, e, f, i + 2, K, S0, S1);            \
    SHA2_ROUND(rot, f, g, h, a, b, c, d, e, i + 3, K, S0, S1);            \
    SHA2_ROUND(rot, e, f, g, h, a, b, c, d, i + 4, K, S0, S1);            \
    SHA2_ROUND(rot, d, e, f, g, h, a, b, c, i + 5, K, S0, S1);            \
    SHA2_ROUND(rot, c, d, e, f, g, h, a, b, i + 6, K, S0, S1);            \
    SHA2_ROUND(rot, b, c, d, e, f, g, h, a, i + 7, K, S0, S1)

static void sha256_compress(void *state, const uint8_t *p, size_t blocks) {
    uint32_t *s = state;
    static const unsigned S0[3] = { 2, 13, 22 }, S1[3] = { 6, 11, 25 };
    for (; blocks--; p += 64) {
        uint32_t w[64], t;
        for (int i = 0; i < 16; i++) w[i] = load32be(p + 4 * i);
        for (int i = 16; i < 64; i++) {
            uint32_t x = w[i - 15], y = w[i - 2];
            w[i] = w[i - 16] + (rotr32(x, 7) ^ rotr32(x, 18) ^ x >> 3) + w[i - 7] +
                   (rotr32(y, 17) ^ rotr32(y, 19) ^ y >> 10);
        }
        uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        for (int i = 0; i < 64; i += 8) { SHA2_EIGHT(rotr32, i, K256, S0, S1); }
        s[0] += a, s[1] += b, s[2] += c, s[3] += d, s[4] += e, s[5] += f, s[6] += g, s[7] += h;
    }
}

static void sha512_compress(void *state, const uint8_t *p, size_t blocks) {
    uint64_t *s = state;
    static const unsigned S0[3] = { 28, 34, 39 }, S1[3] = { 14, 18, 41 };
    for (; blocks--; p += 128) {
        uint64_t w[80], t;
        for (int i = 0; i < 16; i++) w[i] = load64be(p + 8 * i);
        for (int i = 16; i < 80; i++) {
            uint64_t x = w[i - 15], y = w[i - 2];
            w[i] = w[i - 16] + (rotr64(x, 1) ^ rotr64(x, 8) ^ x >> 7) + w[i - 7] +
                   (rotr64(y, 19) ^ rotr64(y, 61) ^ y >> 6);
        }
        uint64_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        for (int i = 0; i < 80; i += 8) { SHA2_EIGHT(rotr64, i, K512, S0, S1); }
        s[0] += a, s[1] += b, s[2] += c, s[3] += d, s[4] += e, s[5] += f, s[6] += g, s[7] += h;
    }
}
#undef SHA2_EIGHT
#undef SHA2_ROUND

/* ---- the Merkle-Damgard hashes behind one streaming interface ---- */

typedef struct {
    void (*compress)(void *state, const uint8_t *p, size_t blocks);
    unsigned block, size; /* bytes */
    int big_endian;       /* word and length byte order */
    const uint32_t *iv32; /* one of these two */
    const uint64_t *iv64;
} HashType;

static const HashType MD4 = { md4_compress, 64, 16, 0, IV_MD, NULL };
static const HashType MD5 = { md5_compress, 64, 16, 0, IV_MD, NULL };
static const HashType SHA1 = { sha1_compress, 64, 20, 1, IV_MD, NULL };
static const HashType SHA256 = { sha256_compress, 64, 32, 1, IV_SHA256, NULL };
static const HashType SHA512 = { sha512_compress, 128, 64, 1, NULL, IV_SHA512 };

typedef struct {
    const HashType *type;
    union {
        uint32_t w[8];
        uint64_t d[8];
    } state;
    uint64_t count; /* bytes so far */
    size_t fill;    /* bytes in buf */
    uint8_t buf[128];
} Hash;

static void hash_init(Hash *h, const HashType *type) {
    h->type = type;
    if (type->iv64) memcpy(h->state.d, type->iv64, sizeof h->state.d);
    else memcpy(h->state.w, type->iv32, type->size);
    h->count = 0;
    h->fill = 0;
}

static void hash_update(Hash *h, const uint8_t *p, size_t n) {
    size_t block = h->type->block;
    if (n == 0) return;
    h->count += n;
    if (h->fill) {
        size_t take = block - h->fill < n ? block - h->fill : n;
        memcpy(h->buf + h->fill, p, take);
        h->fill += take, p += take, n -= take;
        if (h->fill < block) return;
        h->type->compress(&h->state, h->buf, 1);
        h->fill = 0;
    }
    if (n >= block) {
        h->type->compress(&h->state, p, n / block);
        p += n - n % block;
        n %= block;
    }
    memcpy(h->buf, p, n);
    h->fill = n;
}

/* Pads (0x80, zeros, bit length) and writes type->size bytes to out. */
static void hash_final(Hash *h, uint8_t *out) {
    const HashType *type = h->type;
    size_t block = type->block, lenbytes = block / 8; /* 8 or 16 */
    uint64_t bits = h->count << 3;
    h->buf[h->fill++] = 0x80;
    if (h->fill > block - lenbytes) {
        memset(h->buf + h->fill, 0, block - h->fill);
        type->compress(&h->state, h->buf, 1);
        h->fill = 0;
    }
    memset(h->buf + h->fill, 0, block - h->fill);
    if (type->big_endian) {
        store64be(h->buf + block - 8, bits);
        if (lenbytes == 16) store64be(h->buf + block - 16, h->count >> 61);
    } else {
        store64le(h->buf + block - 8, bits);
    }
    type->compress(&h->state, h->buf, 1);
    if (type->iv64) {
        for (unsigned i = 0; i < type->size / 8; i++) store64be(out + 8 * i, h->state.d[i]);
    } else {
        for (unsigned i = 0; i < type->size / 4; i++) {
            if (type->big_endian) store32be(out + 4 * i, h->state.w[i]);
            else store32le(out + 4 * i, h->state.w[i]);
        }
    }
}

static void hash_once(const HashType *type, const uint8_t *p, size_t n, uint8_t *out) {
    Hash h;
    hash_init(&h, type);
    hash_update(&h, p, n);
    hash_final(&h, out);
}

/* ---- MD2 (RFC 1319, with its erratum: the checksum byte is XORed, not assigned) ---- */

static void md2_block(uint8_t x[48], uint8_t c[16], const uint8_t *m) {
    for (int j = 0; j < 16; j++) x[16 + j] = m[j], x[32 + j] = x[j] ^ m[j];
    unsigned t = 0;
    for (unsigned i = 0; i < 18; i++) {
        for (int k = 0; k < 48; k++) t = x[k] ^= MD2_S[t];
        t = (t + i) & 0xff;
    }
    uint8_t l = c[15];
    for (int j = 0; j < 16; j++) l = c[j] ^= MD2_S[m[j] ^ l];
}

static void md2(const uint8_t *p, size_t n, uint8_t out[16]) {
    uint8_t x[48] = { 0 }, c[16] = { 0 }, last[16];
    for (; n >= 16; p += 16, n -= 16) md2_block(x, c, p);
    memcpy(last, p, n);
    memset(last + n, (int)(16 - n), 16 - n);
    md2_block(x, c, last);
    memcpy(last, c, 16);
    md2_block(x, c, last);
    memcpy(out, x, 16);
}

/* ---- Keccak-f[1600] and the sponge (FIPS 202) ---- */

static void keccak_f(uint64_t s[25]) {
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], d, t, row[5];
        for (int x = 0; x < 5; x++) c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
        for (int x = 0; x < 5; x++) {
            d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) s[y + x] ^= d;
        }
        t = s[1];
#pragma GCC unroll 24 /* lanes become registers; gcc -O3 otherwise keeps this a loop (3x slower) */
        for (int i = 0; i < 24; i++) {
            uint64_t next = s[KECCAK_PI[i]];
            s[KECCAK_PI[i]] = rotl64(t, KECCAK_ROT[i]);
            t = next;
        }
        for (int y = 0; y < 25; y += 5) {
            for (int x = 0; x < 5; x++) row[x] = s[y + x];
            for (int x = 0; x < 5; x++) s[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
        }
        s[0] ^= KECCAK_RC[round];
    }
}

/* rate bytes (136 or 72), domain byte `pad` (0x06 SHA-3, 0x01 Keccak), outlen <= rate. */
static void keccak(const uint8_t *p, size_t n, size_t rate, uint8_t pad, uint8_t *out, size_t outlen) {
    uint64_t s[25] = { 0 };
    uint8_t last[200];
    for (;; p += rate, n -= rate) {
        const uint8_t *block = p;
        int final = n < rate;
        if (final) {
            memcpy(last, p, n);
            memset(last + n, 0, rate - n);
            last[n] ^= pad;
            last[rate - 1] ^= 0x80;
            block = last;
        }
        for (size_t i = 0; i < rate / 8; i++) s[i] ^= load64le(block + 8 * i);
        keccak_f(s);
        if (final) break;
    }
    for (size_t i = 0; i < outlen / 8; i++) store64le(out + 8 * i, s[i]);
}

/* ---- BLAKE2b (RFC 7693) ---- */

#define B2B_G(a, b, c, d, x, y)                                   \
    do {                                                          \
        v[a] += v[b] + (x), v[d] = rotr64(v[d] ^ v[a], 32);       \
        v[c] += v[d], v[b] = rotr64(v[b] ^ v[c], 24);             \
        v[a] += v[b] + (y), v[d] = rotr64(v[d] ^ v[a], 16);       \
        v[c] += v[d], v[b] = rotr64(v[b] ^ v[c], 63);             \
    } while (0)

/* t: bytes hashed so far including this block (inputs stay below 2^64 bytes). */
static void blake2b_compress(uint64_t h[8], const uint8_t *block, uint64_t t, int last) {
    uint64_t v[16], m[16];
    for (int i = 0; i < 16; i++) m[i] = load64le(block + 8 * i);
    for (int i = 0; i < 8; i++) v[i] = h[i], v[i + 8] = IV_SHA512[i];
    v[12] ^= t;
    if (last) v[14] = ~v[14];
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = BLAKE2B_SIGMA[r % 10];
        B2B_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        B2B_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        B2B_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        B2B_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        B2B_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        B2B_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        B2B_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        B2B_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
}
#undef B2B_G

static void blake2b(const uint8_t *p, size_t n, const uint8_t *key, size_t keylen, uint8_t *out, size_t outlen) {
    uint64_t h[8], t = 0;
    uint8_t block[128];
    memcpy(h, IV_SHA512, sizeof h);
    h[0] ^= 0x01010000u ^ (uint64_t)keylen << 8 ^ outlen;
    if (keylen) { /* the key, zero-padded, is the first block */
        memset(block, 0, sizeof block);
        memcpy(block, key, keylen);
        t = 128;
        blake2b_compress(h, block, t, n == 0);
    }
    if (n || !keylen) { /* every block but the last (possibly partial, even empty) one */
        for (; n > 128; p += 128, n -= 128) blake2b_compress(h, p, t += 128, 0);
        memset(block, 0, sizeof block);
        memcpy(block, p, n);
        blake2b_compress(h, block, t += n, 1);
    }
    uint8_t full[64];
    for (int i = 0; i < 8; i++) store64le(full + 8 * i, h[i]);
    memcpy(out, full, outlen);
}

/* ---- HMAC with a chosen pad block size, and PBKDF2 ---- */

typedef struct {
    Hash inner, outer; /* states after absorbing key ^ ipad and key ^ opad */
} Hmac;

static void hmac_init(Hmac *m, const HashType *type, size_t blocksize, const uint8_t *key, size_t keylen) {
    uint8_t k[128] = { 0 }, pad[128], hashed[64];
    if (keylen > blocksize) {
        hash_once(type, key, keylen, hashed);
        key = hashed, keylen = type->size;
    }
    memcpy(k, key, keylen < blocksize ? keylen : blocksize);
    hash_init(&m->inner, type);
    hash_init(&m->outer, type);
    for (size_t i = 0; i < blocksize; i++) pad[i] = k[i] ^ 0x36;
    hash_update(&m->inner, pad, blocksize);
    for (size_t i = 0; i < blocksize; i++) pad[i] = k[i] ^ 0x5c;
    hash_update(&m->outer, pad, blocksize);
}

/* out = HMAC(a .. b) */
static void hmac_run(const Hmac *m, const uint8_t *a, size_t na, const uint8_t *b, size_t nb, uint8_t *out) {
    uint8_t inner[64];
    Hash h = m->inner;
    hash_update(&h, a, na);
    hash_update(&h, b, nb);
    hash_final(&h, inner);
    h = m->outer;
    hash_update(&h, inner, h.type->size);
    hash_final(&h, out);
}

/* ---- Lua functions ---- */

static const uint8_t *check_bytes(lua_State *L, int arg, size_t *n) {
    return (const uint8_t *)luaL_checklstring(L, arg, n);
}

static int push_md(lua_State *L, const HashType *type) {
    size_t n;
    const uint8_t *s = check_bytes(L, 1, &n);
    uint8_t out[64];
    hash_once(type, s, n, out);
    lua_pushlstring(L, (const char *)out, type->size);
    return 1;
}
static int l_md4(lua_State *L) { return push_md(L, &MD4); }
static int l_md5(lua_State *L) { return push_md(L, &MD5); }
static int l_sha1(lua_State *L) { return push_md(L, &SHA1); }
static int l_sha256(lua_State *L) { return push_md(L, &SHA256); }
static int l_sha512(lua_State *L) { return push_md(L, &SHA512); }

static int l_md2(lua_State *L) {
    size_t n;
    const uint8_t *s = check_bytes(L, 1, &n);
    uint8_t out[16];
    md2(s, n, out);
    lua_pushlstring(L, (const char *)out, sizeof out);
    return 1;
}

static int push_keccak(lua_State *L, size_t bits, uint8_t pad) {
    size_t n;
    const uint8_t *s = check_bytes(L, 1, &n);
    uint8_t out[64];
    keccak(s, n, 200 - bits / 4, pad, out, bits / 8);
    lua_pushlstring(L, (const char *)out, bits / 8);
    return 1;
}
static int l_sha3_256(lua_State *L) { return push_keccak(L, 256, 0x06); }
static int l_sha3_512(lua_State *L) { return push_keccak(L, 512, 0x06); }
static int l_keccak256(lua_State *L) { return push_keccak(L, 256, 0x01); }
static int l_keccak512(lua_State *L) { return push_keccak(L, 512, 0x01); }

static int l_blake2b(lua_State *L) {
    size_t n, keylen;
    const uint8_t *s = check_bytes(L, 1, &n);
    lua_Integer outlen = luaL_optinteger(L, 2, 64);
    luaL_argcheck(L, 1 <= outlen && outlen <= 64, 2, "output length must be 1..64");
    const uint8_t *key = (const uint8_t *)luaL_optlstring(L, 3, "", &keylen);
    luaL_argcheck(L, keylen <= 64, 3, "key must be at most 64 bytes");
    uint8_t out[64];
    blake2b(s, n, key, keylen, out, (size_t)outlen);
    lua_pushlstring(L, (const char *)out, (size_t)outlen);
    return 1;
}

/* The hash an HMAC is built on, by name. */
static const HashType *check_hmac_hash(lua_State *L, int arg) {
    const char *name = luaL_checkstring(L, arg);
    if (strcmp(name, "sha1") == 0) return &SHA1;
    if (strcmp(name, "sha256") == 0) return &SHA256;
    luaL_error(L, "unsupported algorithm: %s", name);
    return NULL;
}

static int l_hmac(lua_State *L) {
    const HashType *type = check_hmac_hash(L, 1);
    lua_Integer blocksize = luaL_checkinteger(L, 2);
    luaL_argcheck(L, 1 <= blocksize && blocksize <= 128, 2, "block size must be 1..128");
    size_t keylen, n;
    const uint8_t *key = check_bytes(L, 3, &keylen), *data = check_bytes(L, 4, &n);
    Hmac m;
    uint8_t out[64];
    hmac_init(&m, type, (size_t)blocksize, key, keylen);
    hmac_run(&m, data, n, NULL, 0, out);
    lua_pushlstring(L, (const char *)out, type->size);
    return 1;
}

static int l_pbkdf2(lua_State *L) {
    const HashType *type = check_hmac_hash(L, 1);
    size_t pwlen, saltlen;
    const uint8_t *password = check_bytes(L, 2, &pwlen), *salt = check_bytes(L, 3, &saltlen);
    lua_Integer iterations = luaL_checkinteger(L, 4), keylen = luaL_checkinteger(L, 5);
    luaL_argcheck(L, keylen >= 0, 5, "key length must not be negative");
    lua_Integer blocksize = luaL_optinteger(L, 6, 64);
    luaL_argcheck(L, 1 <= blocksize && blocksize <= 128, 6, "block size must be 1..128");
    if (iterations < 1) {
        lua_pushliteral(L, "");
        return 1;
    }
    Hmac m;
    hmac_init(&m, type, (size_t)blocksize, password, pwlen);
    luaL_Buffer b;
    uint8_t *dk = (uint8_t *)luaL_buffinitsize(L, &b, (size_t)keylen);
    size_t hlen = type->size;
    uint32_t index = 1;
    for (size_t done = 0; done < (size_t)keylen; done += hlen, index++) {
        uint8_t count[4], u[64], t[64];
        store32be(count, index);
        hmac_run(&m, salt, saltlen, count, 4, u);
        memcpy(t, u, hlen);
        for (lua_Integer c = 1; c < iterations; c++) {
            hmac_run(&m, u, hlen, NULL, 0, u);
            for (size_t i = 0; i < hlen; i++) t[i] ^= u[i];
        }
        memcpy(dk + done, t, (size_t)keylen - done < hlen ? (size_t)keylen - done : hlen);
    }
    luaL_pushresultsize(&b, (size_t)keylen);
    return 1;
}

int luaopen_ao_digest(lua_State *L) {
    static const luaL_Reg functions[] = {
        { "md2", l_md2 }, { "md4", l_md4 }, { "md5", l_md5 }, { "sha1", l_sha1 },
        { "sha256", l_sha256 }, { "sha512", l_sha512 }, { "sha3_256", l_sha3_256 },
        { "sha3_512", l_sha3_512 }, { "keccak256", l_keccak256 }, { "keccak512", l_keccak512 },
        { "blake2b", l_blake2b }, { "hmac", l_hmac }, { "pbkdf2", l_pbkdf2 }, { NULL, NULL },
    };
    luaL_newlib(L, functions);
    return 1;
}
