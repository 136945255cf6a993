//! The REPL's evaluation round trip: Enter pressed in a terminal to the result printed, with the
//! real `ao repl` in a pseudo-terminal on a warm embedded node (durable: the line is in the log
//! before its result shows). Then where that time goes, measured on the library: signing the
//! `Eval` item (RSA-4096), scheduling + evaluating it in one fsynced transaction
//! (`Node::send_item`), the checkpoint the REPL writes after showing the result, and, for
//! comparison, `Node::send` (two transactions and a checkpoint per message).
use std::process::Command;
use std::time::{Duration, Instant};

use ao::node::{Node, SpawnRequest};
use ao::protocol::ao::message;
use ao::protocol::{Tag, Wallet};
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use expectrl::{Expect, Session};
use support::ao;

fn round_trip(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (home, wallet) = (dir.path().join("home"), dir.path().join("wallet.json"));
    ao(&home, &wallet, &["wallet", "new", "--out", wallet.to_str().unwrap()]);
    ao(&home, &wallet, &["spawn", "p"]);
    let mut command = Command::new(env!("CARGO_BIN_EXE_ao"));
    command
        .args(["--home", home.to_str().unwrap(), "--wallet", wallet.to_str().unwrap(), "--color", "never", "repl", "p"])
        .env("TERM", "xterm");
    let mut repl = Session::spawn(command).unwrap();
    repl.set_expect_timeout(Some(Duration::from_secs(60)));
    repl.expect("]> ").unwrap();

    let mut group = c.benchmark_group("repl");
    group.sample_size(50).measurement_time(Duration::from_secs(15));
    group.bench_function("Enter to printed result: return 6 * 7", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                repl.send("return 6 * 7").unwrap();
                repl.expect("return 6 * 7").unwrap();
                let start = Instant::now();
                repl.send("\r").unwrap();
                repl.expect("\r\n42\r\n").unwrap();
                total += start.elapsed();
                repl.expect("]> ").unwrap();
            }
            total
        })
    });
    group.finish();
    repl.send([4u8]).unwrap();
}

fn breakdown(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let wallet = Wallet::generate().unwrap();
    let node = Node::open(dir.path()).unwrap();
    let request = SpawnRequest { name: Some("p".into()), ..SpawnRequest::default() };
    let process = node.spawn(&wallet, request).unwrap().process;
    let eval = |code: &str| message(process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec(), None);

    let mut group = c.benchmark_group("repl-breakdown");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("sign the Eval item (RSA-4096 PSS)", |b| {
        b.iter(|| eval("return 6 * 7").sign(&wallet).unwrap())
    });
    let item = eval("return 6 * 7").sign(&wallet).unwrap();
    group.bench_function("dry run (what .dryrun costs)", |b| {
        b.iter(|| node.dry_run(&wallet.address(), process, &[Tag::new("Action", "Eval")], b"return 6 * 7").unwrap())
    });
    drop(item);
    // Each iteration sends a new item: signing is outside the timed part.
    group.bench_function("Node::send_item: schedule + evaluate, one fsynced transaction", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let item = eval("return 6 * 7").sign(&wallet).unwrap();
                let start = Instant::now();
                node.send_item(process, &item).unwrap();
                total += start.elapsed();
                node.checkpoint().unwrap();
            }
            total
        })
    });
    group.bench_function("Node::checkpoint after one eval", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let item = eval("return 6 * 7").sign(&wallet).unwrap();
                node.send_item(process, &item).unwrap();
                let start = Instant::now();
                node.checkpoint().unwrap();
                total += start.elapsed();
            }
            total
        })
    });
    group.bench_function("Node::send (sign, one transaction, checkpoint), for comparison", |b| {
        b.iter(|| node.send(&wallet, process, vec![Tag::new("Action", "Eval")], b"return 6 * 7".to_vec()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, round_trip, breakdown);
criterion_main!(benches);
