//! Bad input to the embedded node's commands: a corrupted wallet, a Lua syntax error, a store
//! another writer holds locked, a damaged checkpoint (its hash, its pages' bytes), unknown
//! message ids, unusable process limits. Each gives one `error:` line and exit 2 (usage/input)
//! or 1 (the operation failed), and writes nothing half-way.
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{node_ao as ao, node_home, node_ok as ok, stderr, wallet};

/// Runs `ao --home HOME --wallet WALLET ARGS`.
fn ao_with(home: &Path, wallet: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--home", home.to_str().unwrap(), "--wallet", wallet.to_str().unwrap()];
    all.extend_from_slice(args);
    crate::support::ao(home, &all)
}

/// Checks that `out` exited with `code` and one `error:` line (the first line of stderr), and
/// returns that line.
fn failed(out: &std::process::Output, code: i32) -> String {
    let text = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {text}");
    assert!(text.starts_with("error: "), "stderr: {text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("error:")).count(), 1, "one error line: {text}");
    text.lines().next().unwrap().to_string()
}

/// `ao list --json` (which needs no wallet).
fn processes(home: &Path) -> Vec<Value> {
    let out = crate::support::ao(home, &["--home", home.to_str().unwrap(), "--json", "list"]);
    assert!(out.status.success(), "ao list failed: {}", stderr(&out));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

/// The actions of the messages in `process`'s log, in order (from `ao tail --json`).
fn actions(home: &Path, process: &str) -> Vec<String> {
    let out = ok(home, &["--json", "tail", process, "-n", "1000"]);
    out.lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["action"].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn a_corrupted_wallet_is_bad_input_and_writes_nothing() {
    let home = node_home();
    let home = home.path();
    let real = std::fs::read_to_string(&wallet().path).unwrap();
    let corrupted = [
        ("not-json.json", "{\"kty\": \"RSA\", \"n\": "),
        ("truncated.json", &real[..real.len() / 2]),
        ("array.json", "[1, 2, 3]"),
        ("ec.json", r#"{"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"}"#),
        ("empty.json", ""),
    ];
    for (name, content) in corrupted {
        let path = home.join(name);
        std::fs::write(&path, content).unwrap();
        for args in [&["spawn", "p"][..], &["spawn"], &["item", "sign", "-d", "x", "--out", "item.bin"]] {
            let line = failed(&ao_with(home, &path, args), 2);
            assert!(line.contains(path.to_str().unwrap()), "{name}: the error names the file: {line}");
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), content, "{name} is left as it was");
    }
    assert_eq!(processes(home), Vec::<Value>::new(), "no process was spawned");
    assert!(!home.join("item.bin").exists(), "no item was written");

    // With a process to send to, a corrupted wallet adds nothing to its log.
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "x = 1"]);
    let path = home.join("not-json.json");
    failed(&ao_with(home, &path, &["send", "p", "-a", "Hello"]), 2);
    failed(&ao_with(home, &path, &["eval", "p", "x = 2"]), 2);
    assert_eq!(actions(home, "p"), ["-", "Eval"], "the log holds the spawn and the first eval only");
    assert_eq!(ok(home, &["eval", "p", "return x"]), "1");
}

#[test]
fn a_lua_syntax_error_names_its_line_and_changes_nothing() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "x = 1"]);

    let line = failed(&ao(home, &["eval", "p", "x = = 2"]), 1);
    assert!(line.starts_with("error: line 1: ") && line.contains("'='"), "{line}");
    let line = failed(&ao(home, &["eval", "p", "x = 2\ny = 3\nlocal = 4\n"]), 1);
    assert!(line.starts_with("error: line 3: "), "{line}");
    // `--json` prints the result (with its Error) and still exits 1.
    let out = ao(home, &["--json", "eval", "p", "x = 2 ("]);
    failed(&out, 1);
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(result["result"]["Error"].as_str().is_some_and(|e| e.contains("near")), "{result}");

    assert_eq!(ok(home, &["eval", "p", "return x"]), "1", "no statement of a code that does not compile ran");
}

#[test]
fn a_store_locked_by_another_writer_fails_cleanly() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    let before = actions(home, "p");

    // Another writer holds the store's write lock (as an `ao` evaluating a long message would).
    let store = home.join("ao.sqlite");
    let writer = rusqlite::Connection::open(&store).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let line = failed(&ao(home, &["send", "p", "-a", "Locked", "-d", "while locked"]), 1);
    let waited = started.elapsed();
    assert!(line.contains("locked by another ao process") && line.contains(store.to_str().unwrap()), "{line}");
    assert!(waited >= Duration::from_secs(1), "it waits for the lock before giving up: {waited:?}");
    assert!(waited < Duration::from_secs(30), "it gives up on the lock: {waited:?}");
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);

    assert_eq!(actions(home, "p"), before, "the failed send left nothing in the log");
    ok(home, &["send", "p", "-a", "Locked", "-d", "while locked"]);
    let mut after = before.clone();
    after.push("Locked".to_string());
    assert_eq!(actions(home, "p"), after, "the send went through once, after the lock was released");
}

/// A home whose process `p` was checkpointed after `x = 1`, then damaged by the SQL `update`:
/// the home, how many rows `update` changed, and the error line of the next eval (exit 1).
fn eval_after_damaging_the_checkpoint(update: &str) -> (tempfile::TempDir, usize, String) {
    let home = node_home();
    ok(home.path(), &["spawn", "p"]);
    ok(home.path(), &["eval", "p", "x = 1"]);
    let db = rusqlite::Connection::open(home.path().join("ao.sqlite")).unwrap();
    let changed = db.execute(update, []).unwrap();
    drop(db);
    let line = failed(&ao(home.path(), &["eval", "p", "x = 2"]), 1);
    (home, changed, line)
}

#[test]
fn a_checkpoint_that_does_not_match_its_hash_is_refused_and_nothing_is_sent() {
    let (home, changed, line) = eval_after_damaging_the_checkpoint("UPDATE checkpoints SET memory_hash = zeroblob(32)");
    assert_eq!(changed, 1);
    assert!(line.starts_with("error: damaged store: checkpoint of ") && line.ends_with("hash mismatch"), "{line}");
    assert_eq!(actions(home.path(), "p").last().map(String::as_str), Some("Eval"));
    assert_eq!(actions(home.path(), "p").len(), 2, "the refused eval is not in the log");
}

#[test]
fn checkpoint_pages_whose_bytes_are_garbage_are_refused_and_nothing_is_sent() {
    // Each page's compressed bytes after its 4-byte length: random, truncated, or cut to nothing.
    let (home, changed, line) = eval_after_damaging_the_checkpoint(
        "UPDATE checkpoint_pages SET data = CAST(CASE page % 3
           WHEN 0 THEN substr(data, 1, 4) || randomblob(length(data) - 4)
           WHEN 1 THEN substr(data, 1, length(data) / 2)
           ELSE substr(data, 1, 4) END AS BLOB)",
    );
    assert!(changed > 3, "{changed} pages");
    assert!(line.starts_with("error: damaged store: checkpoint of "), "{line}");
    assert_eq!(actions(home.path(), "p").len(), 2, "the refused eval is not in the log");
}

#[test]
fn unknown_message_ids_are_bad_input() {
    let home = node_home();
    let home = home.path();
    let p = ok(home, &["spawn", "p"]);
    let q = ok(home, &["spawn", "q"]);
    // A process's id is its spawn message's id: found where it was scheduled...
    ok(home, &["result", &p]);
    ok(home, &["result", &p, "-p", "p"]);
    // ...and not in another process, nor anywhere when no such message exists.
    let line = failed(&ao(home, &["result", &q, "-p", "p"]), 2);
    assert!(line.contains(&q), "{line}");
    let unknown = "A".repeat(43);
    let line = failed(&ao(home, &["result", &unknown]), 2);
    assert_eq!(line, format!("error: no message {unknown} here"));
    failed(&ao(home, &["result", &unknown, "-p", "nobody"]), 2);
    let line = failed(&ao(home, &["result", "notanid"]), 2);
    assert!(line.contains("notanid"), "{line}");
}

/// Ids are base64url, so one in 64 starts with `-`: every argument that takes an id must read it
/// as an id, not as an unknown flag (a `tail -f` on such a process once failed with clap's usage
/// error).
#[test]
fn ids_that_start_with_a_hyphen_are_ids_not_flags() {
    let home = node_home();
    let home = home.path();
    let p = ok(home, &["spawn", "p"]);
    let id = format!("-{}", "A".repeat(42));
    let no_process = format!("error: no process \"{id}\"");
    for args in [
        vec!["eval", &id, "return 1"],
        vec!["send", &id, "-a", "Ping"],
        vec!["send", "-a", "Ping", &id],
        vec!["dryrun", &id],
        vec!["inbox", &id],
        vec!["tail", &id, "-n", "0"],
        vec!["tail", "-f", &id],
        vec!["result", &p, "--process", &id],
    ] {
        let line = failed(&ao(home, &args), 2);
        assert_eq!(line, no_process, "{args:?}");
    }
    assert_eq!(failed(&ao(home, &["result", &id]), 2), format!("error: no message {id} here"));
    let line = failed(&ao(home, &["spawn", "q", "--module", &id]), 2);
    assert!(line.starts_with(&format!("error: no module {id} here")), "{line}");
}

#[test]
fn unusable_limits_are_bad_input_and_spawn_nothing() {
    let home = node_home();
    let home = home.path();
    for tag in ["Memory-Limit=5-xb", "Memory-Limit=0", "Memory-Limit=2-gb", "Compute-Limit=abc", "Compute-Limit=-1"] {
        let line = failed(&ao(home, &["spawn", "limited", "-t", tag]), 2);
        let name = tag.split('=').next().unwrap();
        assert!(line.contains(name), "{tag}: {line}");
    }
    assert_eq!(processes(home), Vec::<Value>::new(), "no process was spawned");
    // The name is still free.
    ok(home, &["spawn", "limited", "-t", "Memory-Limit=512-mb"]);
}

/// A limit that parses but is too low to boot the module (a `Compute-Limit` under what booting
/// takes, a `Memory-Limit` under the module's minimum memory) must not leave a process half
/// spawned that no later command gets past.
#[test]
fn limits_too_low_to_run_fail_clearly_and_leave_the_node_usable() {
    let home = node_home();
    let home = home.path();
    // Below the module's own memory: the process cannot start, so it is not spawned.
    let out = ao(home, &["spawn", "tiny", "-t", "Memory-Limit=1-mb"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot start under its limits"), "{}", stderr(&out));
    assert_eq!(processes(home), Vec::<Value>::new(), "no process was spawned");
    // Too little fuel for any message: it starts, and its first message fails like any other.
    let out = ao(home, &["spawn", "starved", "-t", "Compute-Limit=1000"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("compute limit"), "{}", stderr(&out));
    let out = ao(home, &["eval", "starved", "return 1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // A process that spawns a child it cannot start records the spawn and goes on.
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "ao.spawn(ao.env.Module.Id, {['Memory-Limit'] = '1-mb'})"]);
    assert_eq!(ok(home, &["eval", "p", "return 1"]), "1");
    assert_eq!(processes(home).len(), 2, "the child that cannot start is not a process");
}

#[test]
fn a_signed_item_that_does_not_verify_or_is_misaddressed_is_refused_and_kept_nowhere() {
    use ao::node::{Node, NodeError, SpawnRequest};
    use ao::protocol::{DataItem, Tag};

    let home = node_home();
    let node = Node::open(home.path()).unwrap();
    let signer = &wallet().wallet;
    let p = node.spawn(signer, SpawnRequest { name: Some("p".into()), ..SpawnRequest::default() }).unwrap().process;
    let q = node.spawn(signer, SpawnRequest { name: Some("q".into()), ..SpawnRequest::default() }).unwrap().process;
    let eval = |target| ao::protocol::ao::message(target, vec![Tag::new("Action", "Eval")], b"x = 1".to_vec(), None);

    // One byte of the data changed after signing.
    let mut bytes = eval(p).sign(signer).unwrap().to_bytes();
    *bytes.last_mut().unwrap() ^= 1;
    let tampered = DataItem::parse(&bytes).unwrap();
    let error = node.send_item(p, &tampered).unwrap_err();
    assert!(matches!(error, NodeError::Refused { .. }), "{error}");
    assert!(error.to_string().contains("signature"), "{error}");

    let for_q = eval(q).sign(signer).unwrap();
    let error = node.send_item(p, &for_q).unwrap_err();
    assert!(error.to_string().contains("not addressed to"), "{error}");

    assert_eq!(node.latest_slot(p).unwrap(), 0, "nothing was scheduled");
    assert!(node.send_item(q, &for_q).is_ok(), "a good item goes through");
}
