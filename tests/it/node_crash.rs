//! Crash safety of the embedded node: `ao send`s killed with SIGKILL at any point, alone or in a
//! concurrent burst, leave a store that opens cleanly, holds every acknowledged message with its
//! result, has no slot without its result (a send is one transaction), delivered what every
//! evaluated message sent exactly once, and whose checkpoints match a recomputation from scratch.
//! A store an older `ao` left with unevaluated slots is finished when it is opened.
use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use ao::node::Node;
use ao::protocol::Id;
use serde_json::Value;

use crate::support::{node_command as command, node_home, node_json, node_ok as ok, stderr};

/// The two processes of a test's home: `a` runs `Go` (burns `Work` loop iterations, then pings
/// `b`) and counts `Pong`s; `b` answers every `Ping` with a `Pong` to `a`.
struct Pair {
    a: Id,
    b: Id,
}

/// A message the test sent that `ao send` acknowledged by printing its id.
struct Acked {
    id: Id,
    process: Id,
    burst: String,
}

/// Spawns `a` and `b` and gives them their handlers.
fn pair(home: &Path) -> Pair {
    let a = ok(home, &["spawn", "a"]);
    let b = ok(home, &["spawn", "b"]);
    ok(
        home,
        &[
            "eval",
            "b",
            &format!(
                "Handlers.add('ping', 'Ping', function(m) Pings = (Pings or 0) + 1
                   Send({{Target = '{a}', Action = 'Pong', Data = m.Data}}) end)"
            ),
        ],
    );
    ok(
        home,
        &[
            "eval",
            "a",
            &format!(
                "Handlers.add('pong', 'Pong', function(m) Pongs = (Pongs or 0) + 1 end)
                 Handlers.add('go', 'Go', function(m)
                   local s = 0
                   for i = 1, tonumber(m.Work or '0') do s = s + i % 7 end
                   Send({{Target = '{b}', Action = 'Ping', Data = m.Data}})
                 end)"
            ),
        ],
    );
    Pair { a: a.parse().unwrap(), b: b.parse().unwrap() }
}

/// Starts `ao --json send` of message `burst`: a `Go` to `a` (even `n`) or a `Ping` to `b`.
fn start_send(home: &Path, pair: &Pair, burst: &str, n: usize, work: u64) -> (Child, Id) {
    let (process, action) = if n.is_multiple_of(2) { (pair.a, "Go") } else { (pair.b, "Ping") };
    let (process_text, work, tag) = (process.to_string(), format!("Work={work}"), format!("Burst={burst}"));
    let args = ["--json", "send", &process_text, "-a", action, "-t", &tag, "-t", &work, "-d", burst];
    let child = command(home, &args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("ao starts");
    (child, process)
}

/// Kills `child` unless it has exited (a child that exited by itself must have succeeded) and
/// returns the id it printed, if it got that far: a message is acknowledged exactly when its
/// `ao send` printed it.
fn kill_and_collect(mut child: Child, what: &str) -> Option<Id> {
    let finished = child.try_wait().unwrap().is_some();
    if !finished {
        let _ = child.kill(); // SIGKILL; it may have exited since try_wait
    }
    let out = child.wait_with_output().unwrap();
    if finished {
        assert!(out.status.success(), "{what} exited by itself and failed: {}", stderr(&out));
    }
    let printed: Value = serde_json::from_slice(&out.stdout).ok()?;
    let id = printed["id"].as_str().unwrap_or_else(|| panic!("{what} printed no id: {printed}"));
    Some(id.parse().unwrap())
}

/// How many scheduled slots have no result: work a killed `ao` left for the next open to finish.
/// Read straight from the store (the library finishes the work as it opens it).
fn unfinished_slots(home: &Path) -> i64 {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let db = rusqlite::Connection::open_with_flags(home.join("ao.sqlite"), flags).unwrap();
    db.query_row("SELECT (SELECT COUNT(*) FROM schedule) - (SELECT COUNT(*) FROM results)", [], |row| row.get(0))
        .unwrap()
}

/// Opens the node (which finishes what was left undone) and checks that every acknowledged
/// message has its result, every process's log is evaluated without gaps, no message the test
/// sent was scheduled twice, and what `a` and `b` sent each other was delivered exactly once.
/// With `recompute`, also recomputes every process from scratch against its newest checkpoint.
fn open_and_check(home: &Path, pair: &Pair, acked: &[Acked], recompute: bool) {
    let node = Node::open(home).unwrap_or_else(|e| panic!("the store does not open after the crash: {e}"));
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let check: String = db.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(check, "ok", "SQLite's integrity check");

    let mut logs = HashMap::new();
    for summary in node.processes().unwrap() {
        let pid = summary.process.id;
        let latest = node.latest_slot(pid).unwrap();
        let log = node.log(pid, None, latest + 2).unwrap();
        let slots: Vec<u64> = log.iter().map(|e| e.position.slot).collect();
        assert_eq!(slots, (0..=latest).collect::<Vec<_>>(), "process {pid}: evaluated slots vs its schedule");
        assert_eq!(summary.messages, latest + 1, "process {pid}: schedule length");
        logs.insert(pid, log);
    }

    for message in acked {
        let outcome = node
            .result(message.id, None)
            .unwrap_or_else(|e| panic!("acknowledged message {} ({}) lost: {e}", message.id, message.burst));
        assert_eq!(outcome.process, message.process, "acknowledged message {} ({})", message.id, message.burst);
        let entry = &logs[&message.process][outcome.slot as usize];
        assert_eq!(entry.message, Some(message.id));
        assert_eq!(entry.tag("Burst"), Some(message.burst.as_str()), "message {}", message.id);
    }
    let mut bursts = HashMap::new();
    for entry in logs.values().flatten() {
        if let Some(burst) = entry.tag("Burst") {
            assert!(bursts.insert(burst.to_string(), entry.message).is_none(), "message {burst} scheduled twice");
        }
    }

    // Every Go that a evaluated sent b one Ping, every Ping b evaluated sent a one Pong: all of
    // them delivered (no delivery lost between the transactions, none repeated by recovery).
    let succeeded = |pid: &Id, action: &str, from: Option<String>| {
        logs[pid]
            .iter()
            .filter(|e| e.tag("Action") == Some(action) && from.as_ref().is_none_or(|f| *f == e.from))
            .inspect(|e| assert!(e.result.error.is_none(), "slot {} of {pid} failed: {}", e.position.slot, e.result))
            .count()
    };
    let gos = succeeded(&pair.a, "Go", None);
    let pings = succeeded(&pair.b, "Ping", None);
    assert_eq!(gos, succeeded(&pair.b, "Ping", Some(pair.a.to_string())), "Pings a sent to b vs Gos a evaluated");
    assert_eq!(pings, succeeded(&pair.a, "Pong", None), "Pongs delivered to a vs Pings b evaluated");
    let counted = node.read_lua(pair.a, "return Pongs or 0").unwrap();
    assert_eq!(counted.output["data"].as_str(), Some(pings.to_string().as_str()), "a's Pongs: {counted}");

    if recompute {
        for pid in logs.keys() {
            let recomputed = node.recompute(*pid).unwrap().unwrap_or_else(|| panic!("process {pid} has no checkpoint"));
            assert_eq!(
                recomputed.memory_hash[..],
                recomputed.checkpoint_hash[..],
                "process {pid}: memory recomputed from scratch through slot {} vs its checkpoint",
                recomputed.slot
            );
        }
    }
}

#[test]
fn a_burst_of_sends_killed_midway_loses_nothing_acknowledged() {
    let home = node_home();
    let home = home.path();
    let pair = pair(home);
    let mut acked = Vec::new();
    let mut left_unfinished = 0;
    let started = Instant::now();
    // Rounds of six concurrent sends (Gos to a, Pings to b), killed 25 ms apart from a delay that
    // grows from before any of them can finish to after most have.
    let delays_ms = [100u64, 200, 320, 450, 600, 800, 1100];
    for (round, delay_ms) in delays_ms.into_iter().enumerate() {
        let children: Vec<_> = (0..6)
            .map(|n| {
                let burst = format!("burst-{round}-{n}");
                let (child, process) = start_send(home, &pair, &burst, n + round, 20_000);
                (child, process, burst)
            })
            .collect();
        std::thread::sleep(Duration::from_millis(delay_ms));
        for (child, process, burst) in children {
            if let Some(id) = kill_and_collect(child, &burst) {
                acked.push(Acked { id, process, burst });
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        left_unfinished += unfinished_slots(home);
    }
    assert_eq!(left_unfinished, 0, "a killed send leaves no slot without its result");
    eprintln!(
        "burst: {} of {} sends acknowledged, {left_unfinished} slots left unfinished by kills, in {:?}",
        acked.len(),
        6 * delays_ms.len(),
        started.elapsed()
    );
    open_and_check(home, &pair, &acked, true);

    // The binary agrees: `ao result` finds an acknowledged message; the node still works.
    if let Some(message) = acked.first() {
        ok(home, &["result", &message.id.to_string()]);
    }
    ok(home, &["send", "a", "-a", "Go", "-d", "after"]);
    open_and_check(home, &pair, &acked, false);
}

#[test]
fn a_send_killed_at_any_moment_is_recovered() {
    let home = node_home();
    let home = home.path();
    let pair = pair(home);
    // `Go` burns ~0.1 s in its transaction (evaluation and delivery) so that many of the kill
    // times below fall inside it.
    let work = 8_000_000;
    let timed = Instant::now();
    ok(home, &["send", "a", "-a", "Go", "-t", &format!("Work={work}"), "-d", "timing"]);
    let whole = timed.elapsed();

    let mut acked = Vec::new();
    let mut interrupted = 0;
    for n in 0..10u32 {
        let burst = format!("single-{n}");
        let (child, process) = start_send(home, &pair, &burst, 0, work);
        std::thread::sleep(whole * n / 8);
        match kill_and_collect(child, &burst) {
            Some(id) => acked.push(Acked { id, process, burst: burst.clone() }),
            None => interrupted += 1,
        }
        assert_eq!(unfinished_slots(home), 0, "killing {burst} left a slot without its result");
        open_and_check(home, &pair, &acked, false);
    }
    eprintln!("single: a send takes {whole:?}; {interrupted} of 10 kills came before it was acknowledged");
    assert!(interrupted > 0, "every send finished before its kill (a send takes {whole:?}); the test tests nothing");
    open_and_check(home, &pair, &acked, true);
}

/// An older `ao` committed a message's scheduling before evaluating it; killed in between, it
/// left slots without results (and no checkpoint past them). Opening the store finishes them.
#[test]
fn a_store_left_with_unevaluated_slots_is_finished_on_open() {
    let home = node_home();
    let home = home.path();
    let pair = pair(home);
    let unevaluated = ["-a", "Note", "-t", "Burst=unevaluated", "-d", "no handler takes this"];
    let sent = node_json(home, &[&["send", &pair.b.to_string()][..], &unevaluated[..]].concat());
    let id: Id = sent["id"].as_str().unwrap().parse().unwrap();
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let process = pair.b.to_string();
    db.execute(
        "DELETE FROM results WHERE process = ?1 AND slot = (SELECT MAX(slot) FROM schedule WHERE process = ?1)",
        [&process],
    )
    .unwrap();
    db.execute("DELETE FROM checkpoints WHERE process = ?1", [&process]).unwrap();
    drop(db);
    assert_eq!(unfinished_slots(home), 1, "the store is as the older `ao` left it");
    open_and_check(home, &pair, &[Acked { id, process: pair.b, burst: "unevaluated".into() }], true);
    assert_eq!(unfinished_slots(home), 0);
    let inbox = ok(home, &["eval", "b", "return Inbox[#Inbox].Data"]);
    assert_eq!(inbox, "no handler takes this", "the recovered message was evaluated");
}
