//! The embedded node, end to end: `ao eval PROCESS 'return 1'`, `ao send`, and an `ao eval` that
//! makes a process `Send` 1,000 messages to another, as whole commands on a warm home (process
//! start, store open, wallet load, signing, durable scheduling, evaluation, delivery, checkpoint);
//! the library's `Node::send` sustained rate into the durable log and the same 1,000-message
//! fan-out; and two processes each receiving 1,000 messages (signed by their senders) from one
//! thread, then from two (one per process), then from one Eval sending to both: independent
//! processes evaluate in parallel.
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ao::node::{Node, SpawnRequest};
use ao::protocol::ao::message;
use ao::protocol::{DataItem, Ed25519Key, Id, Tag, Wallet};
mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use support::ao;

const FAN_OUT: u64 = 1000;

fn spawn(node: &Node, wallet: &Wallet, name: &str) -> ao::protocol::Id {
    let request = SpawnRequest { name: Some(name.into()), ..SpawnRequest::default() };
    node.spawn(wallet, request).unwrap().process
}

fn eval(node: &Node, wallet: &Wallet, process: ao::protocol::Id, code: &str) -> ao::node::MessageResult {
    let outcome = node.send(wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec()).unwrap();
    assert!(outcome.result.error.is_none(), "{}", outcome.result);
    outcome.result
}

fn commands(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (home, wallet) = (dir.path().join("home"), dir.path().join("wallet.json"));
    ao(&home, &wallet, &["wallet", "new", "--out", wallet.to_str().unwrap()]);
    ao(&home, &wallet, &["spawn", "p"]);
    assert_eq!(ao(&home, &wallet, &["eval", "p", "return 1"]).trim(), "1");
    ao(&home, &wallet, &["spawn", "sender"]);
    let counter = ao(&home, &wallet, &["spawn", "counter"]).trim().to_string();
    ao(
        &home,
        &wallet,
        &["eval", "counter", "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)"],
    );
    ao(&home, &wallet, &["eval", "sender", &format!("Counter = '{counter}'")]);
    let fan_out = format!("for i = 1, {FAN_OUT} do Send({{Target = Counter, Action = 'Count'}}) end");
    let count = || ao(&home, &wallet, &["eval", "counter", "return Count"]).trim().parse::<u64>().unwrap();
    let before = count();
    ao(&home, &wallet, &["eval", "sender", &fan_out]);
    assert_eq!(count() - before, FAN_OUT, "every message was delivered and evaluated");

    let mut group = c.benchmark_group("command");
    group.sample_size(30).measurement_time(Duration::from_secs(10));
    group.bench_function("ao eval p 'return 1'", |b| b.iter(|| ao(&home, &wallet, &["eval", "p", "return 1"])));
    group.bench_function("ao send p -a Ping", |b| b.iter(|| ao(&home, &wallet, &["send", "p", "-a", "Ping"])));
    group.throughput(Throughput::Elements(FAN_OUT)).sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("ao eval sending 1,000 messages (delivered)", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "sender", &fan_out]))
    });
    group.finish();
}

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let wallet = Wallet::generate().unwrap();
    let node = Node::open(dir.path()).unwrap();
    let sender = spawn(&node, &wallet, "sender");
    let counter = spawn(&node, &wallet, "counter");
    eval(&node, &wallet, counter, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    eval(&node, &wallet, sender, &format!("Counter = '{counter}'"));

    let mut group = c.benchmark_group("node");
    group.throughput(Throughput::Elements(1)).measurement_time(Duration::from_secs(10));
    group.bench_function("send (durable, evaluated)", |b| {
        b.iter(|| node.send(&wallet, counter, vec![Tag::new("Action", "Count")], Vec::new()).unwrap())
    });
    let fan_out = format!("for i = 1, {FAN_OUT} do Send({{Target = Counter, Action = 'Count'}}) end");
    let before = eval(&node, &wallet, counter, "return Count").output["data"].as_str().unwrap().parse::<u64>().unwrap();
    eval(&node, &wallet, sender, &fan_out);
    let after = eval(&node, &wallet, counter, "return Count").output["data"].as_str().unwrap().parse::<u64>().unwrap();
    assert_eq!(after - before, FAN_OUT, "every message was delivered and evaluated");
    group.throughput(Throughput::Elements(FAN_OUT)).sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("eval sending 1,000 messages (delivered)", |b| {
        b.iter(|| eval(&node, &wallet, sender, &fan_out))
    });
    group.finish();
}

/// Messages to `process`, each signed by a sender of its own (Ed25519, as a client signs before
/// sending; the node verifies each).
fn signed_counts(process: Id, count: u64) -> Vec<DataItem> {
    (0..count)
        .map(|_| {
            message(process, vec![Tag::new("Action", "Count")], Vec::new(), None).sign(&Ed25519Key::generate()).unwrap()
        })
        .collect()
}

/// Two processes each receiving 1,000 messages through `Node::send_item` (a server's path: the
/// items arrive signed): from one thread, one process after the other, then from two threads,
/// one per process. The handler is trivial, so each message is mostly its durable commit.
fn parallel(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let wallet = Wallet::generate().unwrap();
    let node = Node::open(dir.path()).unwrap();
    let processes: Vec<Id> = ["a", "b"].iter().map(|name| spawn(&node, &wallet, name)).collect();
    for process in &processes {
        eval(&node, &wallet, *process, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    }
    let delivered = AtomicU64::new(0);
    let deliver = |process: Id, items: &[DataItem]| {
        for item in items {
            node.send_item(process, item).unwrap();
        }
        delivered.fetch_add(items.len() as u64, Ordering::Relaxed);
    };
    let mut group = c.benchmark_group("parallel");
    group.throughput(Throughput::Elements(2 * FAN_OUT)).sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("two processes x 1,000 messages, one thread", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let items: Vec<Vec<DataItem>> = processes.iter().map(|p| signed_counts(*p, FAN_OUT)).collect();
                let started = Instant::now();
                for (process, items) in processes.iter().zip(&items) {
                    deliver(*process, items);
                }
                spent += started.elapsed();
            }
            spent
        })
    });
    group.bench_function("two processes x 1,000 messages, two threads", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let items: Vec<Vec<DataItem>> = processes.iter().map(|p| signed_counts(*p, FAN_OUT)).collect();
                let started = Instant::now();
                std::thread::scope(|both| {
                    for (process, items) in processes.iter().zip(&items) {
                        both.spawn(|| deliver(*process, items));
                    }
                });
                spent += started.elapsed();
            }
            spent
        })
    });
    // One Eval whose 2,000 messages go to both processes in turn: one push, its evaluations
    // spread over the cores (`Push::deliver_all`'s lanes).
    let sender = spawn(&node, &wallet, "sender");
    let fan_out = format!(
        "for i = 1, {FAN_OUT} do Send({{Target = '{}', Action = 'Count'}}) Send({{Target = '{}', Action = 'Count'}}) end",
        processes[0], processes[1]
    );
    group.bench_function("one eval sending 1,000 messages to each of two processes", |b| {
        b.iter(|| {
            eval(&node, &wallet, sender, &fan_out);
            delivered.fetch_add(2 * FAN_OUT, Ordering::Relaxed);
        })
    });
    group.finish();
    let counted =
        eval(&node, &wallet, processes[0], "return Count").output["data"].as_str().unwrap().parse::<u64>().unwrap();
    // Each round delivers as many messages to both processes (none when a filter left them out).
    let delivered = delivered.load(Ordering::Relaxed);
    assert_eq!(2 * counted, delivered, "every message was evaluated: {counted} of {delivered} / 2");
}

criterion_group!(benches, commands, library, parallel);
criterion_main!(benches);
