//! What the benchmarks share: an aos-style process (its env and spawn message) and the messages
//! sent to it, shaped as a compute unit hands them to a module (every field aoconnect and the
//! scheduler fill in, a full-size signature); and running the `ao` binary on a node home.
#![allow(dead_code)] // each benchmark uses its part

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `node SCRIPT ARGS...` (with wasm64 enabled) against the npm peers in `.cache/npm`; `None`
/// when Node cannot be started.
pub fn node_script(script: &Path, args: &[&OsStr]) -> Option<std::process::Output> {
    Command::new("node")
        .arg("--experimental-wasm-memory64") // the published aos modules are wasm64
        .arg(script)
        .args(args)
        .env("AO_NPM_DIR", root().join(".cache/npm"))
        .output()
        .ok()
}

/// Runs a Node reference, `node benches/js/SCRIPT ARGS...`, against the npm peers in `.cache/npm`
/// and prints `reference LABEL (Node version): OUTPUT`. When `needs` (a path inside `.cache/npm`)
/// is missing it prints that the reference was not measured instead.
pub fn run_reference(label: &str, needs: &str, script: &str, args: &[&OsStr]) {
    if !root().join(".cache/npm").join(needs).exists() {
        println!("reference {label}: not measured (run tools/install-npm.sh)");
        return;
    }
    let output = node_script(&root().join("benches/js").join(script), args).expect("node runs");
    assert!(output.status.success(), "reference {label}: {}", String::from_utf8_lossy(&output.stderr));
    let version = Command::new("node").arg("--version").output().map(|o| o.stdout).unwrap_or_default();
    println!(
        "reference {label} (Node {}): {}",
        String::from_utf8_lossy(&version).trim(),
        String::from_utf8_lossy(&output.stdout).trim()
    );
}

pub const MODULE: &str = "ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s";
pub const PROCESS: &str = "PROCESS00000000000000000000000000000000000A";
pub const OWNER: &str = "OWNER000000000000000000000000000000000000A";

pub fn tag(name: &str, value: &str) -> Value {
    json!({"name": name, "value": value})
}

fn process_tags() -> Vec<Value> {
    vec![
        tag("Data-Protocol", "ao"),
        tag("Variant", "ao.TN.1"),
        tag("Type", "Process"),
        tag("Module", MODULE),
        tag("Name", "bench"),
    ]
}

pub fn env() -> Value {
    json!({"Process": {"Id": PROCESS, "Owner": OWNER, "Tags": process_tags()}, "Module": {"Id": MODULE, "Owner": OWNER, "Tags": []}})
}

/// Message number `n` from `from`, with aoconnect's protocol tags before `tags`.
pub fn message(n: u64, from: &str, tags: Vec<Value>, data: &str) -> Value {
    let mut all =
        vec![tag("Data-Protocol", "ao"), tag("Variant", "ao.TN.1"), tag("Type", "Message"), tag("SDK", "aoconnect")];
    all.extend(tags);
    json!({
        "Id": format!("{n:0>43}"), "Owner": from, "From": from, "Target": PROCESS, "Tags": all, "Data": data,
        "Signature": "x".repeat(683), "Anchor": format!("{n:0>32}"),
        "Timestamp": 1_700_000_000_000u64 + n, "Block-Height": 1_000_000 + n, "Nonce": n, "Epoch": 0,
        "Hash-Chain": "h".repeat(43), "Cron": false, "Read-Only": false,
    })
}

/// The process's first message: its own spawn, which aos needs before anything else.
pub fn spawn() -> Value {
    let mut spawn = message(0, OWNER, vec![], "");
    spawn["Id"] = json!(PROCESS);
    spawn["Tags"] = json!(process_tags());
    spawn
}

/// `Action = Eval` of `code` from the owner.
pub fn eval(n: u64, code: &str) -> Value {
    message(n, OWNER, vec![tag("Action", "Eval")], code)
}

/// Runs `ao --home HOME --wallet WALLET ARGS...`, which must succeed; returns its stdout.
pub fn ao(home: &Path, wallet: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(["--home", home.to_str().unwrap(), "--wallet", wallet.to_str().unwrap()])
        .args(args)
        .output()
        .expect("ao runs");
    assert!(out.status.success(), "ao {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
