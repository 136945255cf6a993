/* seed.c: the string-hash seed of every Lua state in this module.
 *
 * Lua mixes the seed into every string hash, so it decides the order in which `pairs` visits a
 * table's string keys — the order of tags in a `Send`, of fields in printed tables and JSON. Lua
 * computes the seed in lstate.c's makeseed() by hashing addresses of its own build; build.sh
 * compiles lstate.c with luaS_hash(...) redirected here (its only use there), so the seed is this
 * constant instead: the one the published aos 2.0.6 module ends up with (recovered from the order
 * in which it iterates probe tables; see module/README.md). Same seed, same table histories, same
 * iteration order as aos. */
#include <stddef.h>

#define AOS_STRING_HASH_SEED 0x1b883df6u

unsigned int ao_string_hash_seed(const char *unused_buffer, size_t unused_len, unsigned int unused_seed) {
    (void)unused_buffer;
    (void)unused_len;
    (void)unused_seed;
    return AOS_STRING_HASH_SEED;
}
