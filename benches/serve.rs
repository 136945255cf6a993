//! `ao serve` under load, on loopback, the server in this process (its HTTP stack, the node, the
//! store with fsync): sustained acknowledged `POST /mu` messages/s from a minimal Rust client
//! (items signed beforehand, 8 connections) and from the real aoconnect (legacy mode, signing
//! each message with RSA as a user's wallet does), `GET /cu/result` reads/s and dry runs/s; and
//! `Node::send` on a node whose scheduler is a scheduler unit on loopback (`ao serve
//! --scheduler-only`) next to one on its own. Prints one line per figure (`cargo bench --bench serve`).
use std::ffi::OsStr;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use ao::net::remote::{DEFAULT_TIMEOUT, SchedulerUnit};
use ao::node::{Checkpoints, Node, NodeConfig, SpawnRequest};
use ao::protocol::ao::message;
use ao::protocol::{Ed25519Key, Tag, Wallet};
use serde_json::Value;

mod support;

const CLIENTS: usize = 8;
const MESSAGES: usize = 4_000;
const READS: usize = 8_000;
const DRY_RUNS: usize = 1_000;
const SENDS: usize = 300;

/// `Node::send`, one message after the other (signed with Ed25519, so the figure is the node's),
/// on a node of its own scheduler and on one whose scheduler is an `ao serve --scheduler-only`
/// in this process (its own home, on loopback).
fn over_a_scheduler_unit(runtime: &tokio::runtime::Runtime, dir: &Path) {
    let ordering = Node::start(NodeConfig::home(dir.join("scheduler-unit"))).unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let su = format!("http://{}/su", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let limits = ao::net::serve::Limits::default();
    let server = runtime.spawn(ao::net::serve::serve_scheduler(ordering, listener, limits, async {
        let _ = stopped.await;
    }));
    let unit = Arc::new(SchedulerUnit::connect(&su, DEFAULT_TIMEOUT).unwrap());
    let key = Ed25519Key::generate();
    for (label, config) in [
        ("its own scheduler", NodeConfig::home(dir.join("own"))),
        ("a scheduler unit on loopback", NodeConfig::home(dir.join("over")).with_scheduler(unit)),
    ] {
        let node = Node::start(config).unwrap();
        let process = node.spawn(&key, SpawnRequest::default()).unwrap().process;
        let count = "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)";
        node.send(&key, process, vec![Tag::new("Action", "Eval")], count.as_bytes().to_vec()).unwrap();
        let started = Instant::now();
        // (Data of its own: Ed25519 signs alike what is alike, and a repeat is refused.)
        for n in 0..SENDS {
            node.send(&key, process, vec![Tag::new("Action", "Count")], n.to_string().into_bytes()).unwrap();
        }
        let each = started.elapsed().as_secs_f64() / SENDS as f64;
        let counted = node.send(&key, process, vec![Tag::new("Action", "Eval")], b"return Count".to_vec()).unwrap();
        assert_eq!(counted.result.printed(), SENDS.to_string(), "every message was evaluated");
        println!("Node::send on {label}, {SENDS} messages one after the other: {:.2} ms a message", each * 1e3);
    }
    let _ = stop.send(());
    runtime.block_on(server).unwrap().unwrap();
}

/// Runs `work(client)` on `CLIENTS` threads; returns how long they took together.
fn on_clients(work: impl Fn(usize) + Send + Sync + 'static) -> f64 {
    let work = Arc::new(work);
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let work = work.clone();
            std::thread::spawn(move || work(client))
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().unwrap());
    started.elapsed().as_secs_f64()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let config = NodeConfig::home(dir.path().join("home")).with_checkpoints(Checkpoints::ForRestarts);
    let node = Node::start(config).unwrap();
    let wallet = Wallet::generate().unwrap();
    let jwk = dir.path().join("wallet.json");
    std::fs::write(&jwk, wallet.to_jwk()).unwrap();
    let processes: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            let request = SpawnRequest { name: Some(name.to_string()), ..SpawnRequest::default() };
            node.spawn(&wallet, request).unwrap().process
        })
        .collect();

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server =
        runtime.spawn(ao::net::serve::serve(node.clone(), listener, ao::net::serve::Limits::default(), async {
            let _ = stopped.await;
        }));

    let dry_runs = |label: &str| {
        let targets: Vec<String> = processes.iter().map(|p| p.to_string()).collect();
        let base = base.clone();
        let seconds = on_clients(move |client| {
            let http = reqwest::blocking::Client::new();
            let process = &targets[client % targets.len()];
            let body = r#"{"Id":"1234","Owner":"1234","Data":"1234","Tags":[{"name":"Action","value":"Ping"}]}"#;
            for _ in 0..DRY_RUNS / CLIENTS {
                let response = http.post(format!("{base}/cu/dry-run?process-id={process}")).body(body).send().unwrap();
                let result: Value = response.json().unwrap();
                assert!(result.get("Error").is_none(), "{result}");
            }
        });
        println!("POST /cu/dry-run ({CLIENTS} connections, {label}): {:.0} dry runs/s", DRY_RUNS as f64 / seconds);
    };
    dry_runs("2 new processes");

    // Items signed beforehand (Ed25519): the figure is the server's, not the client's signing.
    let items: Vec<Vec<(String, String, Vec<u8>)>> = (0..CLIENTS)
        .map(|client| {
            let key = Ed25519Key::generate();
            let process = processes[client % processes.len()];
            (0..MESSAGES / CLIENTS)
                .map(|n| {
                    let tags = vec![Tag::new("Action", "Ping")];
                    let item = message(process, tags, n.to_string().into_bytes(), None).sign(&key).unwrap();
                    (process.to_string(), item.id().to_string(), item.to_bytes())
                })
                .collect()
        })
        .collect();
    let items = Arc::new(items);
    let sent = items.clone();
    let url = format!("{base}/mu");
    let seconds = on_clients(move |client| {
        let http = reqwest::blocking::Client::new();
        for (_, _, bytes) in &sent[client] {
            let response = http.post(&url).body(bytes.clone()).send().unwrap();
            assert_eq!(response.status().as_u16(), 202);
        }
    });
    println!(
        "POST /mu, Rust client ({CLIENTS} connections, {MESSAGES} messages to 2 processes): {:.0} acknowledged messages/s",
        MESSAGES as f64 / seconds
    );

    let read = items.clone();
    let base_reads = base.clone();
    let seconds = on_clients(move |client| {
        let http = reqwest::blocking::Client::new();
        let mine = &read[client];
        for n in 0..READS / CLIENTS {
            let (process, id, _) = &mine[n % mine.len()];
            let response = http.get(format!("{base_reads}/cu/result/{id}?process-id={process}")).send().unwrap();
            assert_eq!(response.status().as_u16(), 200);
        }
    });
    println!("GET /cu/result ({CLIENTS} connections): {:.0} reads/s", READS as f64 / seconds);
    dry_runs("the same 2 processes, 2,000 messages in each Inbox");

    support::run_reference(
        "aoconnect 0.0.98 legacy message() against ao serve, 500 messages, 8 in flight, RSA-signed",
        "node_modules/@permaweb/aoconnect",
        "aoconnect-load.cjs",
        &[
            OsStr::new(&base),
            jwk.as_os_str(),
            OsStr::new(&processes[0].to_string()),
            OsStr::new("500"),
            OsStr::new("8"),
        ],
    );
    let _ = stop.send(());
    runtime.block_on(server).unwrap().unwrap();
    over_a_scheduler_unit(&runtime, dir.path());
}
