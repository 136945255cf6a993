//! Runtime benchmarks, each next to its native reference: the same Lua library and the same inputs
//! run by native Lua 5.3 through mlua. Figures and how to read them: BENCHMARKS.md.
use std::hint::black_box;
use std::time::Duration;

use ao::runtime::{AOS_MODULE, Limits, Process, Runtime, RuntimeConfig, lua_library};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mlua::{Function, Lua};

mod support;

/// A small message matched by a handler that does nothing (see `SETUP`): the whole aos pipeline
/// with no state growing (unhandled messages would pile up in the Inbox).
fn trivial_message() -> String {
    support::message(3, support::OWNER, vec![support::tag("Action", "Ping")], "").to_string()
}

/// What every benchmarked process has handled first: its spawn, then a no-op `Ping` handler.
fn setup_messages() -> [String; 2] {
    [support::spawn().to_string(), eval_message(r#"Handlers.add("Ping", "Ping", function() end)"#)]
}

fn eval_message(code: &str) -> String {
    support::eval(2, code).to_string()
}

/// Compute-bound loops: arithmetic, table traffic, function calls, string building.
const LOOPS: [(&str, &str); 4] = [
    ("arith", "local s = 0 for i = 1, 2000000 do s = s + i % 7 * 3 end return s"),
    (
        "tables",
        "local t = {} for i = 1, 200000 do t[i] = i * 2 end local s = 0 for r = 1, 5 do for i = 1, #t do s = s + t[i] end end return s",
    ),
    ("calls", "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(25)"),
    (
        "strings",
        "local parts = {} for i = 1, 50000 do parts[#parts + 1] = ('%d:%s'):format(i, ('x'):rep(i % 10)) end return #table.concat(parts, ',')",
    ),
];

/// Native Lua with the module's own Lua library, booted the way the module's C glue boots it.
fn native_boot() -> (Lua, Function) {
    // SAFETY: the full standard library, as luaL_openlibs gives the module.
    let lua = unsafe { Lua::unsafe_new() };
    let preload: mlua::Table = lua.globals().get::<mlua::Table>("package").unwrap().get("preload").unwrap();
    for (name, open) in ao_native_lua::C_MODULES {
        // SAFETY: a lua_CFunction from the module's own C, built against this Lua.
        preload.set(name, unsafe { lua.create_c_function(open) }.unwrap()).unwrap();
    }
    for (name, source) in lua_library(AOS_MODULE).expect("ao's module carries its Lua library") {
        let chunk = lua.load(source).set_name(format!("={name}")).into_function().unwrap();
        preload.set(name, chunk).unwrap();
    }
    let handle: Function = lua.load("return require('.loader')").eval().unwrap();
    (lua, handle)
}

/// Native Lua booted, after the setup messages.
fn native_handle() -> (Lua, Function) {
    let (lua, handle) = native_boot();
    for msg in setup_messages() {
        let result: String = handle.call((msg, env())).unwrap();
        let result: serde_json::Value = serde_json::from_str(&result).unwrap();
        assert_eq!(result["ok"], true, "native setup: {result}");
    }
    (lua, handle)
}

fn boot(runtime: &Runtime) -> Process {
    Process::boot(runtime.load_aos().unwrap(), Limits::default()).unwrap()
}

/// A booted process that has handled the setup messages.
fn process(runtime: &Runtime) -> Process {
    let mut process = boot(runtime);
    for msg in setup_messages() {
        process.handle(&msg, &env()).unwrap().outcome.expect("setup");
    }
    process
}

fn env() -> String {
    support::env().to_string()
}

fn handle_round_trip(c: &mut Criterion) {
    let env = env();
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let msg = trivial_message();
    let mut group = c.benchmark_group("handle_round_trip");
    let mut p = process(&runtime);
    group.bench_function("wasm", |b| b.iter(|| p.handle(black_box(&msg), &env).unwrap()));
    let (_lua, handle) = native_handle();
    group.bench_function("native", |b| {
        b.iter(|| handle.call::<String>((black_box(msg.as_str()), env.as_str())).unwrap())
    });
    group.finish();
}

fn compute_loops(c: &mut Criterion) {
    let env = env();
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let mut p = process(&runtime);
    let (_lua, handle) = native_handle();
    for (name, code) in LOOPS {
        let msg = eval_message(code);
        let wasm_out = p.handle(&msg, &env).unwrap().outcome.unwrap()["Output"]["data"].clone();
        let native_out: String = handle.call((msg.as_str(), env.as_str())).unwrap();
        assert!(native_out.contains(&format!("\"data\":{wasm_out}")), "{name}: same result natively");

        let mut group = c.benchmark_group(format!("compute_loop_{name}"));
        group.sample_size(20).measurement_time(Duration::from_secs(6));
        group.bench_function("wasm", |b| b.iter(|| p.handle(black_box(&msg), &env).unwrap()));
        group.bench_function("native", |b| {
            b.iter(|| handle.call::<String>((black_box(msg.as_str()), env.as_str())).unwrap())
        });
        group.finish();
    }
}

fn instantiate_and_boot(c: &mut Criterion) {
    let cache = tempfile::tempdir().unwrap();
    let config = RuntimeConfig { cache_dir: Some(cache.path().to_path_buf()) };
    Runtime::new(config.clone()).unwrap().load_aos().unwrap(); // fills the disk cache
    let mut group = c.benchmark_group("instantiate_boot");
    group.bench_function("wasm_from_disk_cache", |b| {
        b.iter_batched(
            || Runtime::new(config.clone()).unwrap(), // a new runtime: nothing compiled in memory
            |runtime| boot(&runtime),
            BatchSize::PerIteration,
        )
    });
    let warm = Runtime::new(config.clone()).unwrap();
    warm.load_aos().unwrap();
    group.bench_function("wasm_module_in_memory", |b| b.iter(|| boot(&warm)));
    group.bench_function("native", |b| b.iter(native_boot));
    group.finish();
}

fn snapshot_and_restore(c: &mut Criterion) {
    let env = env();
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let mut p = process(&runtime);
    let fill = "local mb = string.rep('x', 1 << 20) heap = {} for i = 1, 50 do heap[i] = mb .. i end";
    p.handle(&eval_message(fill), &env).unwrap().outcome.unwrap();
    let size = p.memory_size().unwrap();
    assert!((50 << 20..56 << 20).contains(&size), "the process holds ~50 MB ({size} bytes)");

    let mut group = c.benchmark_group("snapshot_50mb");
    group.sample_size(20).measurement_time(Duration::from_secs(6));
    group.bench_function("snapshot", |b| b.iter(|| p.snapshot().unwrap()));
    let snapshot = p.snapshot().unwrap();
    let module = runtime.load_aos().unwrap();
    group.bench_function("restore", |b| {
        b.iter_with_large_drop(|| Process::restore(module.clone(), Limits::default(), snapshot.clone()).unwrap())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    targets = handle_round_trip, compute_loops, instantiate_and_boot, snapshot_and_restore
}
criterion_main!(benches);
