//! Protocol benchmarks: signing, verifying, and parse+verify throughput of 1 KB ao message items.
//! The reference, arbundles doing the same in Node, is measured in the same run and printed first.
//! Figures: BENCHMARKS.md.
use std::hint::black_box;

use ao::protocol::{DataItem, Id, ItemBuilder, Tag, Wallet};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod support;

fn message_1kb() -> ItemBuilder {
    let recipient = "kbsjkeFXHEAC2SQlu-MkNu-y_-e1nOEDRTQ9wlbbGOk";
    ItemBuilder {
        target: Some(recipient.parse::<Id>().unwrap()),
        anchor: None,
        tags: vec![
            Tag::new("Action", "Transfer"),
            Tag::new("Recipient", recipient),
            Tag::new("Quantity", "1000"),
            Tag::new("SDK", "aoconnect"),
            Tag::new("Data-Protocol", "ao"),
            Tag::new("Variant", "ao.TN.1"),
            Tag::new("Type", "Message"),
        ],
        data: vec![b'x'; 1024],
    }
}

/// Runs the arbundles reference on the same wallet, if the npm peers are installed.
fn reference(wallet: &Wallet) {
    let dir = tempfile::tempdir().unwrap();
    let jwk = dir.path().join("wallet.json");
    std::fs::write(&jwk, wallet.to_jwk()).unwrap();
    support::run_reference("arbundles@0.11.2", "node_modules/arbundles", "arbundles-items.cjs", &[jwk.as_os_str()]);
}

fn items(c: &mut Criterion) {
    let wallet = Wallet::generate().unwrap();
    reference(&wallet);
    let mut group = c.benchmark_group("item_1kb");
    group.throughput(Throughput::Elements(1));
    group.bench_function("sign", |b| b.iter(|| message_1kb().sign(black_box(&wallet)).unwrap()));
    let item = message_1kb().sign(&wallet).unwrap();
    let bytes = item.to_bytes();
    group.bench_function("verify", |b| b.iter(|| black_box(&item).verify().unwrap()));
    group.bench_function("parse_verify", |b| b.iter(|| DataItem::parse(black_box(&bytes)).unwrap().verify().unwrap()));
    group.bench_function("parse", |b| b.iter(|| DataItem::parse(black_box(&bytes)).unwrap()));
    group.finish();
}

criterion_group!(benches, items);
criterion_main!(benches);
