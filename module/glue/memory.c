/* memory.c: memcpy, memmove and memset on WebAssembly bulk-memory instructions.
 *
 * Debian's wasi-libc is built without bulk memory, so its versions are byte/word loops. Lua copies
 * strings and stacks constantly; memory.copy and memory.fill do long runs in one instruction.
 * They cost an out-of-line call in wasmtime, so short runs stay a plain loop. */
#include <stddef.h>

#define BULK_THRESHOLD 32

void *memmove(void *dest, const void *src, size_t n) {
    if (n >= BULK_THRESHOLD) return __builtin_memmove(dest, src, n); /* memory.copy */
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (d < s) {
        for (size_t i = 0; i < n; i++) d[i] = s[i];
    } else {
        for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1];
    }
    return dest;
}

void *memcpy(void *restrict dest, const void *restrict src, size_t n) {
    return memmove(dest, src, n);
}

void *memset(void *dest, int c, size_t n) {
    if (n >= BULK_THRESHOLD) return __builtin_memset(dest, c, n); /* memory.fill */
    unsigned char *d = dest;
    for (size_t i = 0; i < n; i++) d[i] = (unsigned char)c;
    return dest;
}
