/* seed.c: the string-hash seed of every Lua state in this module.
 *
 * Lua mixes the seed into every string hash, so it decides the order in which `pairs` visits a
 * table's string keys — the order of tags in a `Send`, of fields in printed tables and JSON.
 * Lua's makeseed() (lstate.c) hashes addresses of its own build, so the order would change
 * whenever the glue changes. build.sh compiles lstate.c with luaS_hash(...) redirected here (its
 * only use there), so the seed is a constant instead and a process iterates its tables the same
 * way under every build of this module. (The value is one the published aos 2.0.6 module derived
 * for a process we probed; in aos the seed follows heap addresses at boot, so it differs between
 * processes — see module/README.md.) */
#include <stddef.h>

#define STRING_HASH_SEED 0x1b883df6u

unsigned int ao_string_hash_seed(const char *unused_buffer, size_t unused_len, unsigned int unused_seed) {
    (void)unused_buffer;
    (void)unused_len;
    (void)unused_seed;
    return STRING_HASH_SEED;
}
