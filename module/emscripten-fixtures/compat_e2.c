// compat_e2.c: adapts emscripten 3.1.6's output to the import set of the
// `wasm32-unknown-emscripten2` glue (family B). Linked into every "-e2" fixture.
//
// 3.1.6 implements some libc functions as JS library imports that the family-B glue (emscripten
// ~3.1.2x) does not provide, so the loader's instantiation would fail with a LinkError. The
// family-B releases implemented them in C, on top of the imports the glue does provide; these
// definitions do the same and take precedence over 3.1.6's JS library (a symbol defined in wasm is
// never imported):
//   time, clock, difftime, __clock_gettime and WASI clock_time_get (3.1.6: JS `time`, `clock`,
//     `difftime`, `__clock_gettime`, wasi `clock_time_get`) -> env._emscripten_date_now
//     (milliseconds as f64; the emscripten2 glue returns 0, so the clock reads 1970-01-01)
//   __syscall_open/unlink/rename (3.1.6: JS, pre-*at syscalls) -> __syscall_openat/unlinkat/renameat
#include <stdarg.h>
#include <time.h>
#include <wasi/api.h>

#define AT_FDCWD (-100)

double _emscripten_date_now(void);  // JS import; declared for emcc in stubs.js
long __syscall_openat(long dirfd, long path, long flags, ...);
long __syscall_unlinkat(long dirfd, long path, long flags);
long __syscall_renameat(long olddirfd, long oldpath, long newdirfd, long newpath);

time_t time(time_t *t) {
    time_t now = (time_t)(_emscripten_date_now() / 1000.0);
    if (t) *t = now;
    return now;
}

clock_t clock(void) {
    return (clock_t)(_emscripten_date_now() * (CLOCKS_PER_SEC / 1000));
}

double difftime(time_t t1, time_t t0) {
    return (double)t1 - (double)t0;
}

int __clock_gettime(clockid_t clk, struct timespec *ts) {
    (void)clk;
    double ms = _emscripten_date_now();
    ts->tv_sec = (time_t)(ms / 1000.0);
    ts->tv_nsec = (long)((ms - (double)ts->tv_sec * 1000.0) * 1e6);
    return 0;
}

__wasi_errno_t __wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision, __wasi_timestamp_t *time) {
    (void)id;
    (void)precision;
    *time = (__wasi_timestamp_t)(_emscripten_date_now() * 1e6);
    return 0;
}

long __syscall_open(long path, long flags, ...) {
    va_list ap;
    va_start(ap, flags);
    int mode = va_arg(ap, int);  // musl always passes one (0 without O_CREAT)
    va_end(ap);
    return __syscall_openat(AT_FDCWD, path, flags, mode);
}

long __syscall_unlink(long path) {
    return __syscall_unlinkat(AT_FDCWD, path, 0);
}

long __syscall_rename(long old_path, long new_path) {
    return __syscall_renameat(AT_FDCWD, old_path, AT_FDCWD, new_path);
}
