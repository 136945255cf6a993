//! The store's write-ahead log is copied into the database by a thread of the node, not by the
//! commit that wrote it: what a long commit wrote reaches the database file while the node stays
//! open, the WAL stays bounded across commands that each exit right after committing, a short
//! command after a long one starts the WAL over, and the home reads back whole after every one.
use std::path::Path;
use std::time::{Duration, Instant};

use ao::node::{Node, SpawnRequest};
use ao::protocol::Tag;

use crate::support::{node_home, node_ok as ok, wallet};

/// Lua that sets `name` to `megabytes` MB of bytes that differ with `seed` (lz4 cannot shrink
/// them, so every page they fill is written), made 4 KB at a time.
fn fill(name: &str, megabytes: u32, seed: u32) -> String {
    format!(
        "local t, b, x = {{}}, {{}}, {seed} for i = 1, {megabytes} * 256 do for j = 1, 4096 do \
         x = (x * 1103515245 + 12345) % 2147483648 b[j] = x % 251 end t[i] = string.char(table.unpack(b)) end \
         {name} = table.concat(t) return #{name}"
    )
}

fn len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

#[test]
fn a_long_commit_reaches_the_database_file_while_the_node_stays_open() {
    let home = node_home();
    let node = Node::open(home.path()).unwrap();
    let request = SpawnRequest { name: Some("big".into()), ..Default::default() };
    let process = node.spawn(&wallet().wallet, request).unwrap().process;
    let database = home.path().join("ao.sqlite");
    let before = len(&database);

    let eval = vec![Tag::new("Action", "Eval")];
    let outcome = node.send(&wallet().wallet, process, eval, fill("Big", 8, 1).into_bytes()).unwrap();
    assert_eq!(outcome.result.output["data"], (8 << 20).to_string(), "{}", outcome.result);
    let wal = home.path().join("ao.sqlite-wal");
    assert!(len(&wal) > 4 << 20, "the commit wrote its pages to the WAL: {} bytes", len(&wal));

    // The checkpointing thread copies them into the database file; nothing closes the node.
    let deadline = Instant::now() + Duration::from_secs(30);
    while len(&database) < before + (4 << 20) {
        assert!(Instant::now() < deadline, "the database file stayed at {} bytes", len(&database));
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(node);
    assert!(wal.exists(), "the WAL stays when the node closes (the next open reads it)");
}

#[test]
fn the_wal_stays_bounded_across_commands_and_the_home_reads_back_whole() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    let wal = home.join("ao.sqlite-wal");
    // 4,096 frames of 4 KB pages (each with its 24-byte header) before a commit checkpoints
    // itself, and what one more command writes (~6 MB: the string, its pieces, garbage).
    let bound = (4096 + 2048) * (4096 + 24);
    for round in 1..=12u32 {
        ok(home, &["eval", "p", &fill("Filler", 2, round)]);
        assert!(len(&wal) < bound, "after {round} commands of 2 MB the WAL is {} bytes", len(&wal));
    }
    let out = ok(home, &["eval", "p", "return #Filler"]);
    assert_eq!(out.trim(), (2u32 << 20).to_string());

    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let check: String = db.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(check, "ok");
    let slots: u64 = db.query_row("SELECT COUNT(*) FROM schedule", [], |row| row.get(0)).unwrap();
    assert_eq!(slots, 14, "the spawn and thirteen Evals");
}

/// The WAL header's checkpoint sequence number: it goes up each time the WAL starts over.
fn wal_sequence(wal: &Path) -> u32 {
    let header = std::fs::read(wal).unwrap();
    u32::from_be_bytes(header[12..16].try_into().unwrap())
}

#[test]
fn a_short_command_after_a_long_one_starts_the_wal_over() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", &fill("Big", 8, 7)]);
    let wal = home.join("ao.sqlite-wal");
    let long = wal_sequence(&wal);
    // Its open finds the long command's WAL and copies it into the database before its own write,
    // so that write starts the WAL over (else every later command would copy it all again).
    ok(home, &["eval", "p", "Small = 1"]);
    assert!(wal_sequence(&wal) > long, "the WAL went on from the long command's");
    assert_eq!(ok(home, &["eval", "p", "return #Big + Small"]), ((8 << 20) + 1).to_string());
}
