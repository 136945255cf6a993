//! The embedded node, end to end: `ao eval PROCESS 'return 1'` and `ao send` as whole commands on a
//! warm home (process start, store open, wallet load, signing, durable scheduling, evaluation,
//! checkpoint); the library's `Node::send` sustained rate into the durable log; and one Eval that
//! makes a process `Send` 1,000 messages to another (delivery + evaluation, messages/s).
use std::time::Duration;

use ao::node::{Node, SpawnRequest};
use ao::protocol::{Tag, Wallet};
mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use support::ao;

const FAN_OUT: u64 = 1000;

fn spawn(node: &mut Node, wallet: &Wallet, name: &str) -> ao::protocol::Id {
    let request = SpawnRequest { name: Some(name.into()), ..SpawnRequest::default() };
    node.spawn(wallet, request).unwrap().process
}

fn eval(node: &mut Node, wallet: &Wallet, process: ao::protocol::Id, code: &str) -> ao::node::MessageResult {
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

    let mut group = c.benchmark_group("command");
    group.sample_size(30).measurement_time(Duration::from_secs(10));
    group.bench_function("ao eval p 'return 1'", |b| b.iter(|| ao(&home, &wallet, &["eval", "p", "return 1"])));
    group.bench_function("ao send p -a Ping", |b| b.iter(|| ao(&home, &wallet, &["send", "p", "-a", "Ping"])));
    group.finish();
}

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let wallet = Wallet::generate().unwrap();
    let mut node = Node::open(dir.path()).unwrap();
    let sender = spawn(&mut node, &wallet, "sender");
    let counter = spawn(&mut node, &wallet, "counter");
    eval(&mut node, &wallet, counter, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    eval(&mut node, &wallet, sender, &format!("Counter = '{counter}'"));

    let mut group = c.benchmark_group("node");
    group.throughput(Throughput::Elements(1)).measurement_time(Duration::from_secs(10));
    group.bench_function("send (durable, evaluated)", |b| {
        b.iter(|| node.send(&wallet, counter, vec![Tag::new("Action", "Count")], Vec::new()).unwrap())
    });
    let fan_out = format!("for i = 1, {FAN_OUT} do Send({{Target = Counter, Action = 'Count'}}) end");
    let before =
        eval(&mut node, &wallet, counter, "return Count").output["data"].as_str().unwrap().parse::<u64>().unwrap();
    eval(&mut node, &wallet, sender, &fan_out);
    let after =
        eval(&mut node, &wallet, counter, "return Count").output["data"].as_str().unwrap().parse::<u64>().unwrap();
    assert_eq!(after - before, FAN_OUT, "every message was delivered and evaluated");
    group.throughput(Throughput::Elements(FAN_OUT)).sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("eval sending 1,000 messages (delivered)", |b| {
        b.iter(|| eval(&mut node, &wallet, sender, &fan_out))
    });
    group.finish();
}

criterion_group!(benches, commands, library);
criterion_main!(benches);
