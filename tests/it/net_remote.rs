//! ao's client of remote units, against an `ao serve` (in this process, on an in-memory node):
//! the HyperBEAM routes spawn, send, read results, dry-run and read slots as the node itself
//! reports them; a unit that refuses or cannot be reached is one clear error naming it and the URL,
//! and so is one that takes a request and never answers, after `--timeout`.
//! And the commands with `--network`: home B spawns, evaluates, sends, reads and dry-runs on home
//! A's `ao serve`.
use ao::net::remote::{DEFAULT_TIMEOUT, HyperBeam, RemoteError};
use ao::protocol::Tag;

use crate::support::{InProcess, free_loopback_url, memory_node, wallet};

#[test]
fn the_hyperbeam_client_spawns_sends_and_reads_what_the_node_holds() {
    let (node, _) = memory_node();
    let served = InProcess::start(&node);
    let remote = HyperBeam::new(&format!("{}/", served.base), DEFAULT_TIMEOUT).unwrap();
    let owner = &wallet().wallet;
    assert_eq!(remote.address().unwrap(), node.unit_address());

    let module = ao::runtime::aos_module_id();
    let process = remote.spawn(owner, module, vec![Tag::new("Name", "remote")], Vec::new()).unwrap();
    assert_eq!(node.process(process).unwrap().module, module, "the node spawned it");
    let code = "Count = 1 Handlers.add('get', 'Get', function(m) m.reply({ Data = tostring(Count) }) end) return 'set'";
    let (id, slot) = remote.send(owner, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec()).unwrap();
    assert_eq!(slot, 1);
    let stored = node.result(id, Some(process)).unwrap();
    assert_eq!(stored.slot, 1);
    let read = remote.result(owner, process, 1).unwrap();
    assert_eq!(read, stored.result, "the remote result is the stored one");
    assert_eq!(read.printed(), "set");
    assert_eq!(remote.current_slot(process).unwrap(), 1);

    let dry = remote.dry_run(owner, process, &[Tag::new("Action", "Get"), Tag::new("Note", "a b/c?d&e")], Vec::new());
    let dry = dry.unwrap();
    assert_eq!(dry.messages[0].data(), b"1");
    assert_eq!(node.latest_slot(process).unwrap(), 1, "the dry run kept nothing");
}

#[test]
fn a_refusing_or_missing_node_is_one_error_naming_it() {
    let (node, _) = memory_node();
    let served = InProcess::start(&node);
    let remote = HyperBeam::new(&served.base, DEFAULT_TIMEOUT).unwrap();
    let owner = &wallet().wallet;
    let unknown = "U".repeat(43).parse().unwrap();
    let error = remote.result(owner, unknown, 1).unwrap_err();
    assert!(error.is_not_found(), "{error}");
    assert_eq!(
        error.to_string(),
        format!(
            "the node at {}/{unknown}~process@1.0/compute/results=1 answered 404: no process {unknown} here",
            served.base
        )
    );
    let error = remote.spawn(owner, unknown, Vec::new(), Vec::new()).unwrap_err();
    assert!(matches!(error, RemoteError::Status { status: 404, .. }), "{error}");
    assert!(node.processes().unwrap().is_empty(), "nothing was spawned");

    served.stop();
    let gone = HyperBeam::new(&free_loopback_url(), DEFAULT_TIMEOUT).unwrap();
    let error = gone.current_slot(unknown).unwrap_err();
    assert!(matches!(error, RemoteError::Unreachable { .. }), "{error}");
    assert!(error.to_string().starts_with("the node at http://127.0.0.1:"), "{error}");
}

#[test]
fn commands_work_on_another_homes_served_node_with_network() {
    use crate::support::{Served, node_ao, node_home, node_json as json, node_ok as ok, stderr};
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let mut served = Served::start(a);
    let url = served.base.clone();
    let run = |args: &[&str]| ok(b, &remote(&url, args));
    let process = run(&["spawn", "far"]);
    let listed = json(a, &["list"]);
    assert_eq!(listed[0]["process"], process.as_str(), "the process lives in A");
    assert_eq!(listed[0]["name"], "far");
    assert_eq!(json(b, &["list"]), serde_json::json!([]), "and not in B");

    assert_eq!(run(&["eval", "far", "X = 5 return X"]), "5", "a name is found through A's gateway");
    let sent: serde_json::Value = serde_json::from_str(&run(&["--json", "send", &process, "-a", "Ping"])).unwrap();
    assert_eq!(sent["slot"], 2);
    let id = sent["id"].as_str().unwrap();
    let read: serde_json::Value = serde_json::from_str(&run(&["--json", "result", id, "--process", "far"])).unwrap();
    assert_eq!(read["result"], sent["result"]);
    assert_eq!(read["result"], json(a, &["result", id])["result"], "what A stored");
    assert_eq!(run(&["dryrun", "far", "-a", "Eval", "-d", "return X * 2"]), "10");
    assert_eq!(json(a, &["list"])[0]["messages"], 3, "spawn, eval, ping: the dry run kept nothing");

    // The wallet's processes through A's gateway, the Inbox by dry run, the log from A's units.
    let listed = json(b, &remote(&url, &["list"]));
    assert_eq!(listed[0]["process"], process.as_str());
    assert_eq!((listed[0]["name"].as_str(), listed[0]["messages"].as_u64()), (Some("far"), Some(3)));
    let inbox = json(b, &remote(&url, &["inbox", "far"]));
    assert_eq!(inbox["count"], 2, "the spawn and the Ping, which no handler took: {inbox}");
    assert_eq!(inbox["messages"][1]["Action"], "Ping");
    let tail = run(&["tail", "far", "-n", "2"]);
    assert!(tail.starts_with("#1 Eval from ") && tail.contains("\n  5\n#2 Ping from "), "{tail}");
    // -f: the newest entry first (so the follower has started), then what comes later.
    let mut follow = crate::support::node_command(b, &remote(&url, &["--json", "tail", "far", "-n", "1", "-f"]))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (line, lines) = std::sync::mpsc::channel();
    let stdout = follow.stdout.take().unwrap();
    std::thread::spawn(move || {
        for text in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
            let Ok(text) = text else { return };
            if line.send(serde_json::from_str::<serde_json::Value>(&text).unwrap()).is_err() {
                return;
            }
        }
    });
    let next = || lines.recv_timeout(std::time::Duration::from_secs(60)).expect("tail -f prints the entry");
    assert_eq!(next()["slot"], 2);
    run(&["send", "far", "-a", "Later", "-q"]);
    let seen = next();
    let _ = follow.kill();
    let _ = follow.wait();
    assert_eq!((seen["slot"].as_u64(), seen["action"].as_str()), (Some(3), Some("Later")), "{seen}");

    // Two processes of A talk: B evaluates a Send in one, the other's Inbox holds it.
    let near = run(&["spawn", "near"]);
    run(&["eval", "near", &format!("Send({{ Target = '{process}', Action = 'Hi', Data = 'from near' }})")]);
    let inbox = json(b, &remote(&url, &["inbox", "far", "--last", "1"]));
    let newest = &inbox["messages"][0];
    assert_eq!((newest["Action"].as_str(), newest["From"].as_str()), (Some("Hi"), Some(near.as_str())), "{inbox}");

    let refused = node_ao(b, &remote(&url, &["module", "list"]));
    assert_eq!(refused.status.code(), Some(2));
    let text = stderr(&refused);
    assert!(text.contains("`ao module` does not work on a remote network yet"), "{text}");

    served.kill();
    let gone = node_ao(b, &remote(&url, &["eval", &process, "return 1"]));
    assert_eq!(gone.status.code(), Some(1));
    let text = stderr(&gone);
    assert!(text.starts_with(&format!("error: the node at {url}/")) && text.contains("cannot be reached"), "{text}");
}

/// `--network URL ARGS...`
fn remote<'a>(url: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--network", url];
    all.extend_from_slice(args);
    all
}

#[test]
fn the_legacy_client_spawns_sends_and_reads_through_the_mu_and_cu() {
    use ao::net::remote::Legacy;
    let (node, _) = memory_node();
    let served = InProcess::start(&node);
    let base = &served.base;
    let units =
        Legacy::new(&format!("{base}/mu"), &format!("{base}/cu/"), &format!("{base}/su"), None, DEFAULT_TIMEOUT);
    let owner = &wallet().wallet;
    assert_eq!(units.scheduler().unwrap(), node.unit_address());
    let module = ao::runtime::aos_module_id();
    let process = units.spawn(owner, module, vec![Tag::new("Name", "legacy")], Vec::new()).unwrap();
    assert_eq!(node.process(process).unwrap().name.as_deref(), Some("legacy"));
    let id = units.send(owner, process, vec![Tag::new("Action", "Eval")], b"Y = 7 return Y".to_vec()).unwrap();
    let result = units.result(process, id).unwrap();
    assert_eq!(result, node.result(id, Some(process)).unwrap().result, "the stored result");
    assert_eq!(result.printed(), "7");
    let dry = units.dry_run(&owner.address(), process, &[Tag::new("Action", "Eval")], b"return Y + 1").unwrap();
    assert_eq!(dry.printed(), "8");
    assert_eq!(node.latest_slot(process).unwrap(), 1, "the dry run kept nothing");

    let unknown = "U".repeat(43).parse().unwrap();
    let error = units.send(owner, unknown, vec![], Vec::new()).unwrap_err();
    assert_eq!(error.to_string(), format!("the messenger unit at {base}/mu answered 404: no process {unknown} here"));
}

#[test]
fn commands_work_on_legacy_units_with_the_unit_flags() {
    use crate::support::{Served, node_ao, node_home, node_json as json, node_ok as ok, stderr};
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let served = Served::start(a);
    let (mu, cu, su) = (served.url("/mu"), served.url("/cu"), served.url("/su"));
    let units = ["--mu-url", &mu, "--cu-url", &cu, "--su-url", &su, "--gateway-url", &served.base];
    let run = |args: &[&str]| {
        let mut all = units.to_vec();
        all.extend_from_slice(args);
        ok(b, &all)
    };
    let process = run(&["spawn", "old"]);
    assert_eq!(json(a, &["list"])[0]["process"], process.as_str(), "the process lives in A");
    assert_eq!(run(&["eval", "old", "Z = 3 return Z"]), "3");
    let sent: serde_json::Value = serde_json::from_str(&run(&["--json", "send", "old", "-a", "Ping"])).unwrap();
    assert_eq!(sent["slot"], 2, "the slot, from the scheduler unit");
    let id = sent["id"].as_str().unwrap();
    let read: serde_json::Value = serde_json::from_str(&run(&["--json", "result", id, "-p", &process])).unwrap();
    assert_eq!(read["result"], json(a, &["result", id])["result"]);
    assert_eq!(run(&["dryrun", &process, "-a", "Eval", "-d", "return Z + 1"]), "4");
    // Spawned as aos's legacy mode spawns: the process trusts what A's messenger pushes to it.
    let older = run(&["spawn", "older"]);
    run(&["eval", &older, &format!("Send({{ Target = '{process}', Action = 'Hi' }})")]);
    let trusted =
        run(&["eval", &process, "local m = Inbox[#Inbox] return m.Action .. ' ' .. tostring(ao.isTrusted(m))"]);
    assert_eq!(trusted, "Hi true");

    let half = node_ao(b, &["--mu-url", &mu, "eval", &process, "return 1"]);
    assert_eq!(half.status.code(), Some(2), "the units come together: {}", stderr(&half));
}

#[test]
fn named_networks_and_ao_network_say_what_is_used_and_whether_it_answers() {
    use crate::support::{Served, node_ao, node_home, node_json as json, node_ok as ok, stderr};
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let mut served = Served::start(a);
    let embedded = json(b, &["network"]);
    assert_eq!((embedded["network"].as_str(), embedded["processes"].as_u64()), (Some("embedded"), Some(0)));

    ok(b, &["network", "add", "devbox", &served.base]);
    let (mu, cu, su) = (served.url("/mu"), served.url("/cu"), served.url("/su"));
    ok(b, &["--mu-url", &mu, "--cu-url", &cu, "--su-url", &su, "network", "add", "old"]);
    let names = json(b, &["network", "list"]);
    let named = |name: &str| names.as_array().unwrap().iter().find(|n| n["name"] == name).cloned().unwrap();
    assert_eq!(named("devbox")["units"]["url"], served.base.as_str());
    assert_eq!(
        (named("old")["units"]["su"].as_str(), named("old")["from_file"].as_bool()),
        (Some(su.as_str()), Some(true))
    );
    assert_eq!(named("mainnet")["units"]["url"], "https://push.forward.computer", "aos's node, built in");
    assert_eq!(named("legacy")["units"]["mu"], "https://mu.ao-testnet.xyz");

    let process = ok(b, &["--network", "devbox", "spawn", "named"]);
    assert_eq!(json(a, &["list"])[0]["process"], process.as_str(), "spawned in A by the name's URL");
    let again = node_ao(b, &["--network", "devbox", "spawn", "named"]);
    assert_eq!(
        (again.status.code(), stderr(&again)),
        (Some(2), format!("error: a process named \"named\" already exists for this wallet: {process}\n")),
        "a name is one process there as here"
    );
    assert_eq!(ok(b, &["--network", "old", "eval", &process, "return 40 + 2"]), "42", "and by the legacy units");
    let answers = json(b, &["--network", "old", "network"]);
    assert_eq!(answers["answers"], true, "{answers}");
    let units: Vec<&str> = answers["units"].as_array().unwrap().iter().map(|u| u["unit"].as_str().unwrap()).collect();
    assert_eq!(units, ["the messenger unit", "the compute unit", "the scheduler unit"]);

    let unknown = node_ao(b, &["--network", "nowhere", "list"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).starts_with("error: no network named \"nowhere\""), "{}", stderr(&unknown));
    served.kill();
    let silent = node_ao(b, &["--network", "devbox", "network"]);
    assert_eq!(silent.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&silent.stdout).contains("does not answer"), "{silent:?}");
    ok(b, &["network", "remove", "devbox"]);
    assert_eq!(node_ao(b, &["network", "remove", "devbox"]).status.code(), Some(2), "already gone");

    // A networks file written by hand: an entry of neither shape (on the line it is at)...
    let file = b.join("networks.toml");
    let neither =
        "# mine\n[networks.good]\nurl = \"http://127.0.0.1:1\"\n\n[networks.x]\nmu = \"http://127.0.0.1:1\"\n";
    std::fs::write(&file, neither).unwrap();
    let out = node_ao(b, &["network", "list"]);
    let needs = "a network needs `url = \"…\"` (a node), or `mu`, `cu` and `su` (legacy units; `gateway` optional)";
    assert_eq!(
        (out.status.code(), stderr(&out)),
        (Some(2), format!("error: {} is not a networks file: line 5: {needs}\n", file.display()))
    );
    // ...and a URL that is not one: refused when that network is used, the others still work.
    std::fs::write(&file, "[networks.x]\nurl = \"nope\"\n").unwrap();
    let out = node_ao(b, &["--network", "x", "list"]);
    assert_eq!(
        (out.status.code(), stderr(&out)),
        (
            Some(2),
            "error: network \"x\": \"nope\" is not a unit's URL: relative URL without a base\nhint: `ao network add x URL` replaces it\n"
                .to_string()
        )
    );
    assert!(json(b, &["network", "list"]).as_array().unwrap().iter().any(|n| n["name"] == "x"));
    ok(b, &["network", "remove", "x"]);
}

#[test]
fn a_remote_node_killed_mid_command_is_one_clear_error_and_nothing_is_reported_sent() {
    use crate::support::{Served, node_command, node_home, node_json as json, node_ok as ok};
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let mut served = Served::start(a);
    let url = served.base.clone();
    let process = ok(b, &remote(&url, &["spawn", "busy"]));
    // An evaluation that takes A seconds; A dies while B waits for its answer.
    let slow = "local n = 0 for i = 1, 1e9 do n = n + 1 end return n";
    let waiting = node_command(b, &remote(&url, &["eval", &process, slow]))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1_500));
    served.kill();
    let out = waiting.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "nothing is reported");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(text.lines().count(), 1, "one error: {text}");
    assert!(text.starts_with(&format!("error: the node at {url}/{process}~process@1.0/push ")), "{text}");
    // A never acknowledged the message, and its log (read after the kill) does not hold it.
    let listed = json(a, &["list"]);
    assert_eq!(listed[0]["messages"], 1, "only the spawn: {listed}");
}

#[test]
fn a_unit_that_takes_a_request_and_never_answers_is_given_up_on_after_the_timeout() {
    use crate::support::{node_ao, node_home, silent_loopback, stderr};
    use std::sync::atomic::Ordering;
    let (url, connections) = silent_loopback();
    let home = node_home();
    let process = "U".repeat(43);
    let network = ["--network", url.as_str()];
    let legacy = ["--mu-url", url.as_str(), "--cu-url", url.as_str(), "--su-url", url.as_str()];
    let hint = "hint: --timeout sets how long ao waits for an answer\n";
    // A write may still be taken; a read (a dry run of the Inbox) is not tried again.
    let (sent, read) = (" (it may still take what was sent)", "");
    let (eval, inbox) = (["eval", &process, "return 1"], ["inbox", &process]);
    let cases = [
        (&network[..], &eval[..], format!("the node at {url}/{process}~process@1.0/push"), sent),
        (&legacy[..], &eval[..], format!("the messenger unit at {url}"), sent),
        (
            &network[..],
            &inbox[..],
            format!("the node at {url}/{process}~process@1.0/as=execution/compute&Action=Eval"),
            read,
        ),
    ];
    for (units, command, unit, after) in cases {
        let mut args = units.to_vec();
        args.extend(["--timeout", "1s"]);
        args.extend(command);
        let before = connections.load(Ordering::SeqCst);
        let out = node_ao(home.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        // Given up on after 1s, not the default two minutes, and once: not tried again.
        assert_eq!(stderr(&out), format!("error: {unit} did not answer within 1s{after}\n{hint}"));
        assert_eq!(connections.load(Ordering::SeqCst) - before, 1, "{args:?}");
    }
}
