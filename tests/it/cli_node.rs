//! The embedded node through the `ao` binary: spawn by name, eval, processes that message and spawn
//! each other, state that survives between commands, and bad input.
use crate::support::{node_ao as ao, node_home, node_json as json, node_ok as ok, stderr};

#[test]
fn processes_spawn_talk_to_each_other_and_keep_their_state() {
    let home = node_home();
    let home = home.path();

    let spawned = json(home, &["spawn", "alice"]);
    let alice = spawned["process"].as_str().unwrap().to_string();
    assert_eq!(alice.len(), 43);
    assert_eq!(spawned["name"], "alice");
    assert_eq!(spawned["module"], ao::runtime::aos_module_id().to_string());
    let bob = ok(home, &["spawn", "bob"]);
    assert_eq!(bob.len(), 43);

    // Names resolve per wallet; ids work too; state carries from one command to the next.
    assert_eq!(ok(home, &["eval", "alice", "counter = 41 return ao.id"]), alice);
    assert_eq!(ok(home, &["eval", &alice, "counter = counter + 1 return counter"]), "42");

    // bob replies to Ping; alice's message reaches bob, bob's reply lands in alice's Inbox.
    ok(
        home,
        &[
            "eval",
            "bob",
            r#"Handlers.add("ping", "Ping", function(m) Pings = (Pings or 0) + 1 m.reply({Action = "Pong", Data = "pong"}) end)"#,
        ],
    );
    let sent = json(home, &["eval", "alice", &format!("Send({{Target = '{bob}', Action = 'Ping'}})")]);
    assert_eq!(sent["result"]["Messages"][0]["Target"], bob);
    let inbox =
        ok(home, &["eval", "alice", "local m = Inbox[#Inbox] return m.Action .. ' ' .. m.Data .. ' ' .. m.From"]);
    assert_eq!(inbox, format!("Pong pong {bob}"));
    assert_eq!(ok(home, &["eval", "bob", "return Pings"]), "1");

    // A process spawns a child (trusting the node's messenger, as every process must to hear from
    // other processes), learns its id from the Spawned notice, and talks to it.
    ok(
        home,
        &[
            "eval",
            "alice",
            r#"ao.spawn(ao.env.Module.Id, {Data = "Handlers.add('hi', 'Hi', function(m) m.reply({Data = 'hello, parent'}) end)", ["On-Boot"] = "Data", Authority = ao.authorities[1]}).onReply(function(m) Child = m.Process end)"#,
        ],
    );
    let child = ok(home, &["eval", "alice", "return Child"]);
    assert_eq!(child.len(), 43, "{child}");
    ok(home, &["eval", "alice", "Send({Target = Child, Action = 'Hi'})"]);
    assert_eq!(ok(home, &["eval", "alice", "return Inbox[#Inbox].Data"]), "hello, parent");

    // Code from a file, and a blueprint.
    std::fs::write(home.join("code.lua"), "Greeting = 'hi from a file' return Greeting").unwrap();
    assert_eq!(ok(home, &["eval", "bob", "-f", home.join("code.lua").to_str().unwrap()]), "hi from a file");
    ok(home, &["eval", "bob", "--blueprint", "token"]);
    assert_eq!(ok(home, &["eval", "bob", "return Balances[ao.id]"]), "10000000000000000");

    // `ao send` prints the message id, then the output.
    let out = ok(home, &["send", "bob", "-a", "Nothing", "-t", "X=1", "-d", "hi"]);
    let mut lines = out.lines();
    assert_eq!(lines.next().unwrap().len(), 43);
    assert!(lines.next().unwrap().contains("Nothing"), "{out}");
}

#[test]
fn errors_and_bad_input_exit_with_one_clear_line() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);

    let out = ao(home, &["eval", "p", "error('boom')"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: ") && stderr(&out).contains("boom"), "{}", stderr(&out));
    assert!(!stderr(&out).contains('\u{1b}'), "no colour codes in the error line: {:?}", stderr(&out));
    // The failed message changed nothing.
    ok(home, &["eval", "p", "x = 1"]);
    let out = ao(home, &["eval", "p", "x = 2 error('no')"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ok(home, &["eval", "p", "return x"]), "1");

    let out = ao(home, &["eval", "nobody", "return 1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: no process \"nobody\""), "{}", stderr(&out));

    let out = ao(home, &["spawn", "p"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));

    let out = ao(home, &["eval", "p", "--blueprint", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no blueprint \"nope\"; there are token"), "{}", stderr(&out));
    let out = ao(home, &["eval", "p", "-f", "/nonexistent/file.lua"]);
    assert_eq!(out.status.code(), Some(2));

    let out = ao(home, &["send", "p", "-t", "novalue"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ao(home, &["send", "p", "-d", "@/nonexistent/file"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read data file"), "{}", stderr(&out));
}

#[test]
fn a_process_assigns_a_message_it_received_to_another() {
    let home = node_home();
    let home = home.path();
    let alice = json(home, &["spawn", "alice"])["process"].as_str().unwrap().to_string();
    let bob = ok(home, &["spawn", "bob"]);
    ok(
        home,
        &[
            "eval",
            "bob",
            r#"ao.addAssignable("notes", {Action = "Note"}) Handlers.add("note", "Note", function(m) Seen = m.Data .. " for " .. m.Target end)"#,
        ],
    );
    let note = json(home, &["send", "alice", "-a", "Note", "-d", "remember this"])["id"].as_str().unwrap().to_string();
    ok(home, &["eval", "alice", &format!("ao.assign({{Processes = {{'{bob}'}}, Message = '{note}'}})")]);
    assert_eq!(ok(home, &["eval", "bob", "return Seen"]), format!("remember this for {alice}"));
    // The assignment is in bob's log as the same message, and assigning it again changes nothing.
    let result = json(home, &["result", &note, "--process", "bob"]);
    assert_eq!(result["process"], bob.as_str());
    ok(home, &["eval", "alice", &format!("ao.assign({{Processes = {{'{bob}'}}, Message = '{note}'}})")]);
    assert_eq!(json(home, &["result", &note, "--process", "bob"])["slot"], result["slot"]);
    // Assigned to two processes this node does not have: recorded once for each, not dropped,
    // and the sender hears of it.
    let (x, y) = ("x".repeat(43), "y".repeat(43));
    let out = ao(home, &["eval", "alice", &format!("ao.assign({{Processes = {{'{x}', '{y}'}}, Message = '{note}'}})")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out)
            .lines()
            .filter(|l| l.starts_with("warning: an assignment to ")
                && l.contains(" was not made ")
                && l.ends_with(" here"))
            .count(),
        2,
        "{}",
        stderr(&out)
    );
    assert_eq!(ao::node::Node::open(home).unwrap().undelivered_count(ao::node::Reason::AssignFailed).unwrap(), 2);
}

#[test]
fn spawn_runs_aos_by_default_and_refuses_modules_it_does_not_have() {
    let home = node_home();
    let home = home.path();
    let aos = ao::runtime::aos_module_id().to_string();
    assert_eq!(json(home, &["spawn", "a", "--module", "aos"])["module"], aos.as_str());
    assert_eq!(json(home, &["spawn", "b", "--module", &aos])["module"], aos.as_str());
    let unknown = format!("{}A", "x".repeat(42));
    let out = ao(home, &["spawn", "c", "--module", &unknown]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).starts_with(&format!("error: no module {unknown} here")), "{}", stderr(&out));
    let out = ao(home, &["spawn", "c", "--module", "nonsense"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: no module named \"nonsense\""), "{}", stderr(&out));
    assert_eq!(json(home, &["list"]).as_array().unwrap().len(), 2, "nothing was spawned for c");
}

#[test]
fn a_process_keeps_running_on_the_build_of_aos_it_was_spawned_on() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "p"]);
    ok(home, &["eval", "p", "X = 41"]);
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let aos = ao::runtime::aos_module_id().to_string();
    let kept: (String, usize) =
        db.query_row("SELECT id, length(wasm) FROM builtin_modules", [], |row| Ok((row.get(0)?, row.get(1)?))).unwrap();
    assert_eq!(kept, (aos.clone(), ao::runtime::AOS_MODULE.len()), "the build p was spawned on is kept");

    // As if p had been spawned by another build of ao: its module is not this binary's.
    let older = format!("{}A", "o".repeat(42));
    db.execute("UPDATE processes SET module = ?1", [&older]).unwrap();
    db.execute("UPDATE builtin_modules SET id = ?1", [&older]).unwrap();
    drop(db);
    assert_eq!(ok(home, &["eval", "p", "return X + 1"]), "42", "p runs on its own build, from its checkpoint");

    ok(home, &["spawn", "q"]);
    ok(home, &["spawn", "r"]);
    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    let builds: Vec<String> = db
        .prepare("SELECT id FROM builtin_modules ORDER BY kept_at, id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(builds, vec![older, aos], "each build is kept once");
}
