/* sjlj.c: runtime functions for setjmp/longjmp lowered to WebAssembly exceptions.
 *
 * With -mllvm -wasm-enable-sjlj, clang rewrites every function that calls setjmp so that it
 * registers the jmp_buf with __wasm_setjmp and, when it catches a longjmp exception (tag
 * __c_longjmp), asks __wasm_setjmp_test whether the jump targets one of its own setjmp calls.
 * longjmp itself becomes __wasm_longjmp, which throws a pointer to {env, val}. */
#include <stdint.h>

struct longjmp_args {
    void *env;
    int val;
};

struct jmp_buf_impl {
    void *func_invocation_id; /* identifies the frame that called setjmp */
    uint32_t label;           /* which setjmp call site inside that frame (never 0) */
    struct longjmp_args args; /* what the exception carries to the catching frame */
};

_Static_assert(sizeof(struct jmp_buf_impl) <= 8 * sizeof(void *), "jmp_buf too small");

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id) {
    struct jmp_buf_impl *jb = env;
    jb->func_invocation_id = func_invocation_id;
    jb->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id) {
    struct jmp_buf_impl *jb = env;
    return jb->func_invocation_id == func_invocation_id ? jb->label : 0;
}

_Noreturn void __wasm_longjmp(void *env, int val) {
    struct jmp_buf_impl *jb = env;
    jb->args.env = env;
    jb->args.val = val == 0 ? 1 : val;
    __builtin_wasm_throw(1, &jb->args);
}
