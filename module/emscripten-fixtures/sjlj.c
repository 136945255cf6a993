// sjlj.c: a small C process module for the emscripten family-B fixtures (see README.md).
//
// handle(msg, env) reads the message's "Data" and answers with ao's {ok, response} JSON. What it
// exercises in the host:
//   - setjmp/longjmp: `run_protected` calls a void(int,int) function under setjmp, so emscripten
//     3.1.6 routes that call through the imported trampoline `invoke_vii`; "jump:N" recurses N
//     levels and longjmps out (`emscripten_longjmp` -> import `_emscripten_throw_longjmp`).
//   - state across calls: `calls` and `jumps` are statics, so they live in linear memory and carry
//     over through memory snapshots.
//   - time: gmtime/strftime of a given time (imports `_gmtime_js`, `strftime`), mktime
//     (`_mktime_js`, via tzset `_tzset_js`), and time(NULL) (clock shim, see compat_*.c).
//   - heap growth: "grow:N" keeps N MiB allocated (import `emscripten_resize_heap`).
//   - errors: "fail" answers ok=false; "abort" calls abort().
#include <emscripten.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int booted;    // set by main(): the family-B glue calls it once at start-up
static int calls;     // handle calls so far
static int jumps;     // longjmps taken so far
static jmp_buf *current;
static char *kept;    // memory kept by "grow:N"
static size_t kept_len;
static char out[4096];
static char data[1024];

// Copies the string value of "Data" from the message JSON into `data` (minimal: skips the escape
// backslash, turns quotes, backslashes and control characters into '_' so the text can be echoed
// in JSON, stops at the buffer's end).
static void read_data(const char *msg) {
    data[0] = 0;
    const char *p = strstr(msg, "\"Data\":\"");
    if (!p) return;
    p += 8;
    size_t n = 0;
    while (*p && *p != '"' && n + 1 < sizeof data) {
        if (*p == '\\' && p[1]) p++;
        char c = *p++;
        data[n++] = (c == '"' || c == '\\' || (unsigned char)c < 0x20) ? '_' : c;  // safe to echo in JSON
    }
    data[n] = 0;
}

// Recurses `depth` levels, then longjmps to the innermost run_protected with value `depth`.
static void __attribute__((noinline)) dive(int depth, int left) {
    if (left <= 0) longjmp(*current, depth);
    dive(depth, left - 1);
    calls += 0;  // keeps the recursion from becoming a tail call
}

static void __attribute__((noinline)) body(int depth, int unused) {
    (void)unused;
    if (depth > 0) dive(depth, depth);
}

// setjmp + one void(int,int) call: the only invoke_* signature the family-B glue provides.
static int __attribute__((noinline)) run_protected(void (*fn)(int, int), int depth) {
    jmp_buf buf;
    jmp_buf *saved = current;
    current = &buf;
    int value = setjmp(buf);
    if (value == 0) {
        fn(depth, 0);
    }
    current = saved;
    return value;
}

static void append(size_t *len, const char *text) {
    size_t n = strlen(text);
    if (*len + n + 1 > sizeof out) n = sizeof out - *len - 1;
    memcpy(out + *len, text, n);
    *len += n;
    out[*len] = 0;
}

static const char *respond(const char *text) {
    size_t len = 0;
    out[0] = 0;
    append(&len, "{\"ok\":true,\"response\":{\"Output\":{\"data\":\"");
    append(&len, text);
    append(&len, "\"},\"Messages\":[],\"Spawns\":[],\"Assignments\":[]}}");
    return out;
}

EMSCRIPTEN_KEEPALIVE
const char *handle(const char *msg, const char *env) {
    (void)env;
    calls++;
    read_data(msg);
    char text[1024];
    char stamp[64];

    if (strcmp(data, "fail") == 0) {
        snprintf(out, sizeof out, "{\"ok\":false,\"response\":\"fail requested at call %d\"}", calls);
        return out;
    }
    if (strcmp(data, "abort") == 0) {
        abort();
    }
    if (strncmp(data, "jump:", 5) == 0) {
        int depth = atoi(data + 5);
        int got = run_protected(body, depth);
        if (got) jumps++;
        snprintf(text, sizeof text, "call=%d path=%s value=%d jumps=%d", calls, got ? "longjmp" : "normal", got,
                 jumps);
        return respond(text);
    }
    if (strncmp(data, "grow:", 5) == 0) {
        size_t mib = (size_t)atoi(data + 5);
        size_t len = mib << 20;
        char *p = realloc(kept, len ? len : 1);
        if (!p) {
            snprintf(text, sizeof text, "call=%d grow=%zu failed", calls, mib);
            return respond(text);
        }
        if (len > kept_len) memset(p + kept_len, 0x5a, len - kept_len);
        kept = p;
        kept_len = len;
        snprintf(text, sizeof text, "call=%d kept=%zu heap=%zu", calls, kept_len, (size_t)__builtin_wasm_memory_size(0) << 16);
        return respond(text);
    }
    if (strncmp(data, "date:", 5) == 0) {
        time_t t = (time_t)atoll(data + 5);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ %a %j", &tm);
        struct tm back = tm;
        time_t again = mktime(&back);  // local time: UTC on the reference machines
        snprintf(text, sizeof text, "call=%d utc=%s yday=%d wday=%d mktime=%lld", calls, stamp, tm.tm_yday, tm.tm_wday,
                 (long long)again);
        return respond(text);
    }
    // default: "ping" and anything else
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    snprintf(text, sizeof text, "call=%d main=%d data=%s now=%lld clock=%s jumps=%d", calls, booted, data, (long long)now, stamp, jumps);
    return respond(text);
}

int main(void) {
    // The family-B glue calls main(argc, argv) once after __wasm_call_ctors; "ping" reports it.
    booted++;
    return 0;
}
