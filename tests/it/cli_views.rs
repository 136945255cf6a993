//! What `ao list`, `ao inbox`, `ao tail` and `ao dryrun` print (snapshots, with ids replaced by
//! names), and that a dry run changes nothing.
use std::path::Path;

use crate::support::{node_ao as ao, node_home, node_json as json, node_ok as ok, stderr, wallet};

/// `text` with each id replaced by its `<name>`.
fn named(mut text: String, ids: &[(&str, &str)]) -> String {
    for (id, name) in ids {
        text = text.replace(id, &format!("<{name}>"));
    }
    text
}

/// Two processes: bob answers Ping with Pong; alice has pinged him once.
fn alice_pings_bob(home: &Path) -> (String, String) {
    let alice = json(home, &["spawn", "alice"])["process"].as_str().unwrap().to_string();
    let bob = json(home, &["spawn", "bob"])["process"].as_str().unwrap().to_string();
    ok(
        home,
        &[
            "eval",
            "bob",
            r#"Handlers.add("ping", "Ping", function(m) print("got a ping") m.reply({Action = "Pong", Data = "pong"}) end)"#,
        ],
    );
    ok(home, &["eval", "alice", &format!("Send({{Target = '{bob}', Action = 'Ping', Data = 'ping'}})")]);
    (alice, bob)
}

#[test]
fn list_inbox_and_tail_show_what_happened() {
    let home = node_home();
    let home = home.path();
    let (alice, bob) = alice_pings_bob(home);
    let me = wallet().wallet.address();
    let ids = [(alice.as_str(), "alice"), (bob.as_str(), "bob"), (me.as_str(), "wallet")];

    assert_eq!(
        named(ok(home, &["list"]), &ids),
        "NAME   PROCESS                                      MODULE  MESSAGES\n\
         alice  <alice>  aos     3\n\
         bob    <bob>  aos     3"
    );

    assert_eq!(
        named(ok(home, &["inbox", "alice"]), &ids),
        "2 messages in the Inbox\n\
         #1   -            from <wallet>\n\
         #2   Pong         from <bob>  pong"
    );
    assert_eq!(
        named(ok(home, &["inbox", "alice", "--last", "1"]), &ids),
        "2 messages in the Inbox, the newest 1:\n#2   Pong         from <bob>  pong"
    );

    assert_eq!(
        named(ok(home, &["tail", "bob"]), &ids),
        "#0 Process from <wallet>\n\
         #1 Eval from <wallet>\n\
         \x20 3\n\
         #2 Ping from <alice>\n\
         \x20 got a ping\n\
         \x20 → Pong to <alice>"
    );
    assert_eq!(
        named(ok(home, &["tail", "bob", "-n", "1"]), &ids),
        "#2 Ping from <alice>\n  got a ping\n  → Pong to <alice>"
    );
}

#[test]
fn a_dry_run_shows_the_result_and_changes_nothing() {
    let home = node_home();
    let home = home.path();
    let (_alice, bob) = alice_pings_bob(home);
    ok(home, &["eval", "bob", "Count = 1"]);
    let before = ok(home, &["list"]);

    let dry = json(home, &["dryrun", "bob", "-a", "Ping"]);
    assert_eq!(dry["process"], bob.as_str());
    let me = wallet().wallet.address();
    assert_eq!(dry["result"]["Messages"][0]["Target"], me.as_str(), "bob replies to the dry run's sender: {dry}");
    assert_eq!(ok(home, &["dryrun", "bob", "-a", "Eval", "-d", "Count = Count + 1 return Count"]), "2");

    assert_eq!(ok(home, &["list"]), before, "a dry run adds nothing to any log");
    assert_eq!(ok(home, &["eval", "bob", "return Count"]), "1");
    let inbox = json(home, &["inbox", "alice"]);
    assert_eq!(inbox["count"], 2, "the dry run's Pong was not delivered: {inbox}");

    let out = ao(home, &["dryrun", "bob", "-a", "Eval", "-d", "error('nope')"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: ") && stderr(&out).contains("nope"), "{}", stderr(&out));
}

#[test]
fn eval_f_bundles_local_requires_and_points_errors_at_their_file() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    std::fs::create_dir_all(home.join("src/lib")).unwrap();
    std::fs::write(home.join("src/main.lua"), "local u = require('lib.util')\nreturn u.twice(21)\n").unwrap();
    std::fs::write(
        home.join("src/lib/util.lua"),
        "local M = {}\nfunction M.twice(x) return 2 * x end\nfunction M.fail()\n  error('deep trouble')\nend\nreturn M\n",
    )
    .unwrap();
    std::fs::write(home.join("src/fails.lua"), "local u = require('lib.util')\nu.fail()\n").unwrap();

    let main = home.join("src/main.lua");
    let out = ao(home, &["eval", "p", "-f", main.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(crate::support::stdout(&out).trim(), "42");
    assert!(stderr(&out).contains("lib/util.lua (require \"lib.util\")"), "the file tree: {}", stderr(&out));

    let fails = home.join("src/fails.lua");
    let out = ao(home, &["-q", "eval", "p", "-f", fails.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let util = home.join("src/lib/util.lua");
    assert_eq!(
        stderr(&out),
        format!("error: {}:4: deep trouble\nhint:    4 |   error('deep trouble')\n", util.display())
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    let table = "return {a = 1}";
    assert!(!ok(home, &["eval", "p", table]).contains('\u{1b}'), "not a terminal: no colour");
    assert!(ok(home, &["--color", "always", "eval", "p", table]).contains('\u{1b}'), "--color always keeps it");
    let out = ao(home, &["--color", "always", "eval", "p", "error('x')"]);
    assert!(stderr(&out).starts_with("\u{1b}[1;31merror:"), "{:?}", stderr(&out));
}

#[test]
fn tail_follows_messages_from_other_commands_as_they_happen() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let home = node_home();
    let home = home.path();
    let (alice, bob) = alice_pings_bob(home);
    let mut tail = Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(["--home", home.to_str().unwrap(), "--json", "tail", &bob, "-n", "0", "-f"])
        .env("HOME", home)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, received) = std::sync::mpsc::channel();
    let stdout = tail.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    ok(home, &["eval", "alice", &format!("Send({{Target = '{bob}', Action = 'Ping', Data = 'again'}})")]);
    let line = received.recv_timeout(std::time::Duration::from_secs(30));
    // One Ctrl-C (SIGINT) ends it at once, as it would end `tail -f`.
    let interrupted = Command::new("kill").args(["-INT", &tail.id().to_string()]).status().unwrap();
    assert!(interrupted.success());
    let waited = std::time::Instant::now();
    while tail.try_wait().unwrap().is_none() && waited.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let ended = tail.try_wait().unwrap();
    let _ = tail.kill();
    let _ = tail.wait();
    assert!(ended.is_some_and(|status| !status.success()), "one Ctrl-C ends tail -f: {ended:?}");
    let entry: serde_json::Value = serde_json::from_str(&line.expect("tail -f printed the new message")).unwrap();
    assert_eq!(entry["slot"], 3);
    assert_eq!(entry["action"], "Ping");
    assert_eq!(entry["from"], alice.as_str());
    assert_eq!(entry["result"]["Messages"][0]["Target"], alice.as_str());
}
