// compat_e3.c: adapts emscripten 3.1.6's output to the import/export set of the
// `wasm32-unknown-emscripten3` glue of @permaweb/ao-loader 0.0.49, which comes from a later
// emscripten (3.1.4x-3.1.5x: i64 values split into lo/hi i32 pairs, tempRet0 kept in wasm,
// time-zone names written into buffers). Linked into every "-e3" fixture instead of compat_e2.c.
//
// Each definition below replaces a 3.1.6 JS library import or a weak 3.1.6 libc function (a
// symbol defined in wasm is never imported), forwarding to the import the emscripten3 glue has:
//   getTempRet0/setTempRet0  3.1.6 imports them; the glue has neither and instead calls the
//                            module's *exported* setTempRet0 (from _mktime_js). Defined here and
//                            exported (the build adds _setTempRet0 to EXPORTED_FUNCTIONS).
//   time, clock, difftime, __clock_gettime, WASI clock_time_get
//                            -> env.emscripten_date_now (ms, f64; the glue's is Date.now, which it
//                               replaces with a counter 10000, 10001, ...)
//   emscripten_memcpy_big    -> env.emscripten_memcpy_js
//   system                   -> env._emscripten_system (returns -errno; this sets errno)
//   tzset & co.              -> env._tzset_js(timezone*, daylight*, std_name[7], dst_name[7])
//   gmtime_r/localtime_r     -> env._gmtime_js/_localtime_js(time_lo, time_hi, tm*)
//   mktime                   -> env._mktime_js(tm*) -> low 32 bits (high half via setTempRet0)
//   timegm                   pure C (the glue has no _timegm_js)
//   __syscall_open/unlink/rename -> __syscall_openat/unlinkat/renameat (as in compat_e2.c)
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <wasi/api.h>

#define AT_FDCWD (-100)
#define IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

double emscripten_date_now(void);  // JS import (3.1.6 has it in library_html5.js)
IMPORT(emscripten_memcpy_js) void glue_memcpy_js(void *dest, const void *src, size_t n);
IMPORT(_emscripten_system) int glue_system(const char *command);
IMPORT(_tzset_js) void glue_tzset_js(long *timezone, int *daylight, char *std_name, char *dst_name);
IMPORT(_gmtime_js) void glue_gmtime_js(int32_t time_lo, int32_t time_hi, struct tm *tm);
IMPORT(_localtime_js) void glue_localtime_js(int32_t time_lo, int32_t time_hi, struct tm *tm);
IMPORT(_mktime_js) int32_t glue_mktime_js(struct tm *tm);
long __syscall_openat(long dirfd, long path, long flags, ...);
long __syscall_unlinkat(long dirfd, long path, long flags);
long __syscall_renameat(long olddirfd, long oldpath, long newdirfd, long newpath);

// --- tempRet0 ---------------------------------------------------------------------------------
static uint32_t temp_ret0;

uint32_t getTempRet0(void) {
    return temp_ret0;
}

void setTempRet0(uint32_t value) {
    temp_ret0 = value;
}

// --- clocks -----------------------------------------------------------------------------------
time_t time(time_t *t) {
    time_t now = (time_t)(emscripten_date_now() / 1000.0);
    if (t) *t = now;
    return now;
}

clock_t clock(void) {
    return (clock_t)(emscripten_date_now() * (CLOCKS_PER_SEC / 1000));
}

double difftime(time_t t1, time_t t0) {
    return (double)t1 - (double)t0;
}

int __clock_gettime(clockid_t clk, struct timespec *ts) {
    (void)clk;
    double ms = emscripten_date_now();
    ts->tv_sec = (time_t)(ms / 1000.0);
    ts->tv_nsec = (long)((ms - (double)ts->tv_sec * 1000.0) * 1e6);
    return 0;
}

__wasi_errno_t __wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision, __wasi_timestamp_t *time) {
    (void)id;
    (void)precision;
    *time = (__wasi_timestamp_t)(emscripten_date_now() * 1e6);
    return 0;
}

// --- memcpy, system ---------------------------------------------------------------------------
void *emscripten_memcpy_big(void *restrict dest, const void *restrict src, size_t n) {
    glue_memcpy_js(dest, src, n);
    return dest;
}

int system(const char *command) {
    int ret = glue_system(command);
    if (ret < 0) {
        errno = -ret;
        return -1;
    }
    return ret;
}

// --- time zones and broken-down time (replaces 3.1.6's emscripten_time.c as a whole) ----------
long timezone = 0;
int daylight = 0;
char *tzname[2] = {0, 0};
static char std_name[16], dst_name[16];

void tzset(void) {
    glue_tzset_js(&timezone, &daylight, std_name, dst_name);
    tzname[0] = std_name;
    tzname[1] = dst_name;
}

static int32_t high_of(time_t t) {
    return (int32_t)(((int64_t)t) >> 32);
}

struct tm *__gmtime_r(const time_t *restrict t, struct tm *restrict tm) {
    tzset();
    glue_gmtime_js((int32_t)*t, high_of(*t), tm);
    tm->tm_isdst = 0;
    tm->__tm_gmtoff = 0;
    tm->__tm_zone = "GMT";
    return tm;
}

struct tm *__localtime_r(const time_t *restrict t, struct tm *restrict tm) {
    tzset();
    glue_localtime_js((int32_t)*t, high_of(*t), tm);
    tm->__tm_zone = tm->tm_isdst ? tzname[1] : tzname[0];
    return tm;
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm) {
    return __gmtime_r(t, tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm) {
    return __localtime_r(t, tm);
}

time_t mktime(struct tm *tm) {
    tzset();
    return (time_t)glue_mktime_js(tm);
}

time_t timegm(struct tm *tm) {
    // days from civil (proleptic Gregorian), no normalisation of out-of-range fields beyond month
    int64_t y = (int64_t)tm->tm_year + 1900 + tm->tm_mon / 12;
    int64_t m = tm->tm_mon % 12;
    if (m < 0) m += 12, y--;
    m += 1;
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm->tm_mday - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return (time_t)(days * 86400 + tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec);
}

// --- pre-*at syscalls -------------------------------------------------------------------------
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
