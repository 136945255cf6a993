//! `ao verify` and `ao fork` on a remote network: home A serves two processes that exchange a few
//! hundred messages, one of them with a cron; home B recomputes them from A's scheduler and
//! compares with A's compute unit (through `--network` and through the legacy units' flags), finds
//! a result altered in A's database, and forks a process to go on locally with the same state
//! while A's copy stays as it was.
use crate::support::{Served, node_ao, node_home, node_json as json, node_ok as ok, stderr, stdout};

/// Lua for a process that answers `Ping` with `Pong` and counts its cron ticks.
const PONGER: &str = "Pings = 0; Ticks = 0
Handlers.add('ping', 'Ping', function(m) Pings = Pings + 1; m.reply({ Action = 'Pong', Data = tostring(Pings) }) end)
Handlers.add('tick', 'Cron', function() Ticks = Ticks + 1 end)";

/// Home A with a served ponger (cron every second) and a pinger that pinged it 150 times, and a
/// ping after a cron tick fell due; the two process ids.
fn served_exchange(a: &std::path::Path) -> (Served, String, String) {
    let served = Served::start(a);
    let ponger = ok(a, &["spawn", "ponger", "--cron", "1-seconds"]);
    ok(a, &["eval", "ponger", PONGER]);
    let pinger = ok(a, &["spawn", "pinger"]);
    let pings = format!(
        "Pongs = 0; Handlers.add('pong', 'Pong', function() Pongs = Pongs + 1 end)
         for i = 1, 150 do Send({{ Target = '{ponger}', Action = 'Ping' }}) end return 'sent'"
    );
    assert_eq!(ok(a, &["eval", "pinger", &pings]).lines().next(), Some("sent"));
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    ok(a, &["send", "ponger", "-a", "Ping"]);
    (served, ponger, pinger)
}

/// The id of A's process named pinger.
fn pinger_of(a: &std::path::Path) -> String {
    let listed = json(a, &["list"]);
    let pinger = listed.as_array().unwrap().iter().find(|p| p["name"] == "pinger").unwrap();
    pinger["process"].as_str().unwrap().to_string()
}

/// `args` on the network `network` names.
fn on<'a>(network: &[&'a str], args: &[&'a str]) -> Vec<&'a str> {
    let mut all = network.to_vec();
    all.extend_from_slice(args);
    all
}

#[test]
fn ao_verify_recomputes_a_remote_process_and_names_a_result_altered_there() {
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let (served, ponger, pinger) = served_exchange(a);
    let node = ["--network", served.base.as_str()];
    let (mu, cu, su) = (served.url("/mu"), served.url("/cu"), served.url("/su"));
    let legacy = ["--mu-url", mu.as_str(), "--cu-url", cu.as_str(), "--su-url", su.as_str()];

    let checked = json(b, &on(&legacy, &["verify", &ponger]));
    assert_eq!(checked["verified"], true);
    assert_eq!(checked["messages"], 153, "spawn, eval, 150 pings and one more");
    assert!(checked["ticks"].as_u64().unwrap() >= 1, "the cron ticks are compared: {checked}");
    assert_eq!(checked["ticks_listed"], true);
    assert_eq!(checked["state"], true, "and the memory after the last slot, from A's /cu/state");
    assert_eq!(checked["fetched"], 153);
    let pongs = json(b, &on(&legacy, &["verify", &pinger]));
    assert_eq!(pongs["messages"], 152, "spawn, eval and 150 pongs: {pongs}");

    let again = json(b, &on(&node, &["verify", &ponger]));
    assert_eq!(again["verified"], true);
    assert_eq!(again["messages"], 153);
    assert_eq!(again["ticks_listed"], false, "a node lists no cron ticks");
    assert_eq!(again["state"], false, "nor serves a state");
    assert_eq!(again["fetched"], 0, "the schedule was cached in B");
    ok(a, &["send", "ponger", "-a", "Ping"]);
    let newer = json(b, &on(&node, &["verify", &ponger]));
    assert_eq!((newer["messages"].as_u64(), newer["fetched"].as_u64()), (Some(154), Some(1)), "only the new slot");

    // A result altered in A's store is found at its slot, on either kind of network.
    let db = rusqlite::Connection::open(a.join("ao.sqlite")).unwrap();
    let altered = db
        .execute(
            "UPDATE results SET result = replace(result, '\"Data\":\"50\"', '\"Data\":\"5O\"') WHERE process = ?1 AND slot = 51",
            [&ponger],
        )
        .unwrap();
    assert_eq!(altered, 1, "slot 51 answers the 50th ping");
    for network in [&legacy[..], &node[..]] {
        let out = node_ao(b, &on(network, &["verify", &ponger]));
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.starts_with(&format!("{ponger}: slot 51 (message ")), "{text}");
        assert!(text.contains("  network:    {") && text.contains("\"Data\":\"5O\""), "{text}");
        assert!(text.contains("  recomputed: {") && text.contains("\"Data\":\"50\""), "{text}");
        assert!(
            stderr(&out).starts_with(&format!("error: {ponger} does not verify: slot 51 (message ")),
            "{}",
            stderr(&out)
        );
    }
    let before = json(b, &on(&node, &["verify", &ponger, "--to", "50"]));
    assert_eq!(before["verified"], true, "what comes before it still verifies");

    let beyond = node_ao(b, &on(&node, &["verify", &ponger, "--to", "999"]));
    assert_eq!(beyond.status.code(), Some(2));
    assert!(stderr(&beyond).contains(&format!("{ponger} has no slot 999 on the node at ")), "{}", stderr(&beyond));
}

#[test]
fn ao_fork_continues_a_remote_process_locally_and_leaves_the_original_alone() {
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let (served, ponger, _) = served_exchange(a);
    let node = ["--network", served.base.as_str()];
    let read = |home, process: &str, slot: Option<&str>| {
        let mut args = vec!["dryrun", process, "-a", "Eval", "-d", "return Pings"];
        args.extend(slot.map(|slot| ["--slot", slot]).iter().flatten());
        ok(home, &args)
    };

    let forked = json(b, &on(&node, &["fork", &ponger, "--name", "mine", "--at", "100"]));
    assert_eq!(forked["slot"], 100);
    assert_eq!(read(b, "mine", None), read(a, &ponger, Some("100")), "the state after slot 100");
    assert_eq!(read(b, "mine", None), "99");
    let local = json(b, &["send", "mine", "-a", "Ping"]);
    assert_eq!(local["slot"], 101, "the next slot is the local copy's");
    assert_eq!(read(b, "mine", None), "100");
    assert_eq!(read(a, &ponger, None), "151", "A's process did not get it");
    assert_eq!(
        json(a, &["list"]).as_array().unwrap().iter().find(|p| p["process"] == ponger.as_str()).unwrap()["messages"],
        153
    );
    let verified = json(b, &["verify", "mine"]);
    assert_eq!(verified["verified"], true, "the fork verifies from its own log: {verified}");

    // B serving its copy: the schedule D cached from A does not stand for it (it is read again),
    // and B's slots after the fork are not the process's scheduler's.
    let d = node_home();
    let d = d.path();
    assert_eq!(json(d, &on(&node, &["verify", &ponger]))["messages"], 153);
    let b_served = Served::start(b);
    let of_b = node_ao(d, &["--network", &b_served.base, "verify", &ponger]);
    assert_eq!(of_b.status.code(), Some(1));
    let text = stderr(&of_b);
    assert!(text.contains("slot 101 was assigned by ") && text.contains("not by the process's scheduler"), "{text}");
    drop(b_served);

    let twice = node_ao(b, &on(&node, &["fork", &ponger]));
    assert_eq!(twice.status.code(), Some(2));
    assert_eq!(
        stderr(&twice),
        format!("error: process {ponger} is already in this node (spawned or forked here before)\n")
    );
    // From the network's state instead (a third home): the same state, without the history.
    let c = node_home();
    let c = c.path();
    let (mu, cu, su) = (served.url("/mu"), served.url("/cu"), served.url("/su"));
    let legacy = ["--mu-url", mu.as_str(), "--cu-url", cu.as_str(), "--su-url", su.as_str()];
    let from_state = json(c, &on(&legacy, &["fork", &ponger, "--name", "st", "--from-state"]));
    assert_eq!((from_state["slot"].as_u64(), from_state["from_state"].as_bool()), (Some(152), Some(true)));
    assert_eq!(read(c, "st", None), "151", "A's memory after its newest slot");
    assert_eq!(json(c, &["send", "st", "-a", "Ping"])["slot"], 153);
    assert_eq!(read(c, "st", None), "152");
    let unverifiable = node_ao(c, &["verify", "st"]);
    assert_eq!(unverifiable.status.code(), Some(2));
    assert!(
        stderr(&unverifiable).contains("has no slots 1 to 151 here (forked from a network's state)"),
        "{}",
        stderr(&unverifiable)
    );
    let no_state = node_ao(c, &on(&node, &["fork", &pinger_of(a), "--from-state"]));
    assert_eq!(no_state.status.code(), Some(1));
    assert!(stderr(&no_state).contains("right after slot 151 is served by the node at"), "{}", stderr(&no_state));

    let nowhere = node_ao(b, &["fork", &ponger]);
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(
        stderr(&nowhere).starts_with("error: `ao fork` brings a process from a remote network"),
        "{}",
        stderr(&nowhere)
    );
}
