/* setjmp.h: the C setjmp/longjmp interface for ao's wasm32 module.
 *
 * wasi-libc ships no setjmp.h. Clang lowers calls to setjmp/longjmp into WebAssembly exception
 * handling (-mllvm -wasm-enable-sjlj); the runtime half of that convention lives in glue/sjlj.c.
 * The first words of jmp_buf are reserved for that runtime (see struct jmp_buf_impl there). */
#ifndef AO_SETJMP_H
#define AO_SETJMP_H

typedef void *jmp_buf[8];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

#endif
