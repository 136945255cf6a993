//! A node whose scheduler is another unit (`NodeConfig::with_scheduler` with a `SchedulerUnit`):
//! an `ao serve` (in this process, on an in-memory node) orders, in-memory nodes compute and
//! deliver. Two nodes sharing it each evaluate the slots the other got before their own, take in
//! a process only the scheduler knew, and agree with each other and with the ordering node; the
//! messenger hands an outbox entry to the scheduler for its target (once: a node catching up does
//! not deliver it again), and an outbox `Assignments` list as assignments; a message the scheduler took but the node did not keep comes first
//! next time; an unreachable scheduler is one error, with nothing kept. And through the binary:
//! `ao serve --scheduler-url` computes for an `ao serve --scheduler-only`.
use std::sync::Arc;

use ao::net::remote::{DEFAULT_TIMEOUT, HyperBeam, SchedulerUnit};
use ao::node::{ErrorKind, MessageResult, Node, NodeError, Scheduler, SpawnRequest};
use ao::protocol::{Id, Tag};

use crate::support::{
    InProcess, Served, free_loopback_url, memory_node, memory_node_with, node_ao, node_command, node_ok, stderr, wallet,
};

/// A node computing for the scheduler unit at `su`.
fn computing_node(su: &str) -> Node {
    let unit = SchedulerUnit::connect(su, DEFAULT_TIMEOUT).expect("the scheduler unit answers");
    memory_node_with(|config| config.with_scheduler(Arc::new(unit))).0
}

/// Sends `code` as an `Eval` from the test wallet.
fn eval(node: &Node, process: Id, code: &str) -> ao::node::Outcome {
    node.send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec()).unwrap()
}

/// The ids of the assignments of `process`'s slots `0..=to` as `node` holds them.
fn assignments(node: &Node, process: Id, to: u64) -> Vec<Id> {
    let page = node.schedule_page(process, ao::node::ScheduleRange::Slots { from: 0, to: Some(to) }, 100).unwrap();
    page.entries.iter().map(|entry| entry.assignment.id()).collect()
}

fn result_at(node: &Node, process: Id, message: Id) -> MessageResult {
    node.result(message, Some(process)).unwrap().result
}

#[test]
fn nodes_sharing_a_scheduler_unit_evaluate_each_others_slots_first() {
    let (ordering, _) = memory_node();
    let served = InProcess::start(&ordering);
    let su = format!("{}/su", served.base);
    let (a, b) = (computing_node(&su), computing_node(&su));
    assert_eq!(a.scheduler().address(), ordering.unit_address());
    assert_ne!(a.unit_address(), ordering.unit_address(), "the computing node signs with its own key");

    let spawned = a.spawn(&wallet().wallet, SpawnRequest { name: Some("counter".into()), ..Default::default() });
    let process = spawned.unwrap().process;
    let spawn = ordering.schedule_entry(process, process).unwrap().expect("the scheduler unit has the spawn");
    assert_eq!(spawn.message.tag("Scheduler"), Some(ordering.unit_address().as_str()));
    assert_eq!(spawn.assignment.owner_address(), ordering.unit_address(), "the scheduler unit assigned slot 0");
    assert_eq!(a.process(process).unwrap().name.as_deref(), Some("counter"));

    let ready = eval(&a, process, "Count = 0 return 'ready'");
    assert_eq!((ready.slot, ready.result.printed()), (1, "ready".to_string()));
    // B has never seen the process: it takes it in from the scheduler unit (slots 0 and 1)
    // before its own message, which gets slot 2.
    let by_b = eval(&b, process, "Count = Count + 1 return Count");
    assert_eq!((by_b.slot, by_b.result.printed()), (2, "1".to_string()));
    // A's next message comes after B's, which A evaluates first.
    let by_a = eval(&a, process, "Count = Count + 10 return Count");
    assert_eq!((by_a.slot, by_a.result.printed()), (3, "11".to_string()));

    // One log, signed by the scheduler unit, held alike by every node; the same results.
    let ordered = assignments(&ordering, process, 3);
    assert_eq!(ordered.len(), 4);
    assert_eq!(assignments(&a, process, 3), ordered);
    assert_eq!(assignments(&b, process, 2), ordered[..3]);
    // The same through the Scheduler trait, on the unit (over HTTP) and on the ordering node's own.
    for scheduler in [a.scheduler(), ordering.scheduler()] {
        let slots = scheduler.messages(process, 0, 3).unwrap();
        assert_eq!(slots.iter().map(|slot| slot.assignment.id()).collect::<Vec<_>>(), ordered);
    }
    for (node, message) in [(&a, by_b.id), (&a, by_a.id), (&b, by_b.id), (&b, ready.id)] {
        assert_eq!(result_at(node, process, message), result_at(&ordering, process, message));
    }
    // A dry run catches up first: B sees A's last message.
    let owner = wallet().wallet.address();
    let dry = b.dry_run(&owner, process, &[Tag::new("Action", "Eval")], b"return Count").unwrap();
    assert_eq!(dry.printed(), "11");
    assert_eq!(b.latest_slot(process).unwrap(), 3, "B kept the slot it caught up on");
    // Each node's log verifies on its own.
    for node in [&a, &b] {
        assert!(node.verify(process, None, &mut |_, _| {}).unwrap().is_ok());
    }
}

#[test]
fn the_messenger_hands_what_a_process_sends_to_the_scheduler_unit_of_its_target() {
    // The ordering node only schedules, so what reaches a target is what the computing node's
    // messenger sent.
    let (ordering, _) = memory_node();
    let served = InProcess::start_scheduler(&ordering);
    let su = format!("{}/su", served.base);
    let (a, b) = (computing_node(&su), computing_node(&su));
    let owner = &wallet().wallet;
    let target = a.spawn(owner, SpawnRequest::default()).unwrap().process;
    let code = "Got = {} Handlers.add('ping', 'Ping', function(m) table.insert(Got, m.From) end) return 'ok'";
    eval(&a, target, code);
    let sender = a.spawn(owner, SpawnRequest::default()).unwrap().process;
    let sent =
        eval(&a, sender, &format!("Send({{ Target = '{target}', Action = 'Ping', Quantity = 10 }}) return 'sent'"));
    assert!(sent.undelivered.is_empty(), "{:?}", sent.undelivered);

    // The scheduler unit gave the pushed message slot 2 of the target, signed by A's messenger.
    let page = ordering.schedule_page(target, ao::node::ScheduleRange::Slots { from: 2, to: Some(2) }, 1).unwrap();
    let pushed = &page.entries.first().expect("the target has slot 2").message;
    assert_eq!(pushed.owner_address(), a.unit_address());
    assert_eq!(pushed.tag("From-Process"), Some(sender.to_string().as_str()));
    assert_eq!(pushed.tag("Quantity"), Some("10"));
    assert_eq!(ordering.latest_slot(target).unwrap(), 2, "delivered once");
    // B, which never saw either process, finds the delivery in the target's log.
    let got = eval(&b, target, "return Got[1]");
    assert_eq!(got.result.printed(), sender.to_string());
    assert_eq!(got.slot, 3);
    // B taking in the sender evaluates its Send again, but does not deliver it again.
    assert_eq!(eval(&b, sender, "return 1").slot, 2);
    assert_eq!(ordering.latest_slot(target).unwrap(), 3);
}

#[test]
fn a_scheduler_unit_that_cannot_be_reached_is_one_error_and_nothing_is_kept() {
    let (ordering, _) = memory_node();
    let served = InProcess::start(&ordering);
    let su = format!("{}/su", served.base);
    let a = computing_node(&su);
    let process = a.spawn(&wallet().wallet, SpawnRequest::default()).unwrap().process;
    served.stop();

    let error = a.send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], b"X = 1".to_vec()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unavailable, "{error}");
    assert!(matches!(error, NodeError::Unit { .. }), "{error:?}");
    let text = error.to_string();
    assert!(text.starts_with(&format!("the scheduler unit at {su}/{process}?")), "{text}");
    assert!(text.contains(" cannot be reached: "), "{text}");
    assert_eq!(a.latest_slot(process).unwrap(), 0, "nothing was kept");
    let error = SchedulerUnit::connect(&su, DEFAULT_TIMEOUT).err().expect("nothing answers");
    assert!(error.to_string().starts_with(&format!("the scheduler unit at {su}/ cannot be reached")), "{error}");
}

#[test]
fn a_message_the_scheduler_unit_took_but_the_node_did_not_keep_is_evaluated_before_the_next() {
    let (ordering, _) = memory_node();
    let served = InProcess::start(&ordering);
    let a = computing_node(&format!("{}/su", served.base));
    let process = a.spawn(&wallet().wallet, SpawnRequest::default()).unwrap().process;
    eval(&a, process, "Count = 0 return 'ready'");

    // Interrupted after the scheduler unit took it: nothing is kept here, the slot stands there.
    let interrupt = ao::runtime::Interrupt::new();
    interrupt.fire();
    let code = b"Count = Count + 5 return Count".to_vec();
    let error = a.with_interrupt(interrupt).send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], code);
    assert!(matches!(error, Err(NodeError::Interrupted)), "{error:?}");
    assert_eq!((a.latest_slot(process).unwrap(), ordering.latest_slot(process).unwrap()), (1, 2));

    // The next message comes after it, and the node evaluates it first.
    let next = eval(&a, process, "return Count");
    assert_eq!((next.slot, next.result.printed()), (3, "5".to_string()));
    assert_eq!(assignments(&a, process, 3), assignments(&ordering, process, 3));
}

#[test]
fn an_ao_serve_devnet_computes_for_an_ao_serve_that_only_schedules() {
    let (ordering_home, devnet_home) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut ordering = Served::start_with(ordering_home.path(), &["--scheduler-only"]);
    let su = ordering.url("/su");
    // The devnet's home has a process of its own scheduler from before.
    let mine: Id = node_ok(devnet_home.path(), &["spawn", "mine"]).parse().unwrap();
    node_ok(devnet_home.path(), &["eval", "mine", "X = 7"]);
    let devnet = Served::start_with(devnet_home.path(), &["--scheduler-url", &su]);
    assert_eq!(devnet.scheduler, ordering.scheduler, "the devnet names the scheduler unit's address");
    let not_served = reqwest::blocking::get(ordering.url("/cu")).unwrap();
    assert_eq!(not_served.status(), 404, "a scheduler unit alone computes nothing");

    // A client of the devnet (aoconnect's mainnet calls): its processes are ordered elsewhere.
    let remote = HyperBeam::new(&devnet.base, DEFAULT_TIMEOUT).unwrap();
    let owner = &wallet().wallet;
    let process = remote.spawn(owner, ao::runtime::aos_module_id(), Vec::new(), Vec::new()).unwrap();
    let eval_tags = || vec![Tag::new("Action", "Eval")];
    let (_, slot) = remote.send(owner, process, eval_tags(), b"Count = 1 return Count".to_vec()).unwrap();
    assert_eq!(slot, 1);
    let unit = SchedulerUnit::connect(&su, DEFAULT_TIMEOUT).unwrap();
    assert_eq!(unit.tip(process).unwrap().map(|tip| tip.slot), Some(1));

    // A node sharing the scheduler unit goes on from the devnet's slots, and the devnet from its.
    let b = computing_node(&su);
    let by_b = eval(&b, process, "Count = Count + 1 return Count");
    assert_eq!((by_b.slot, by_b.result.printed()), (2, "2".to_string()));

    // The `ao` CLI on the devnet: spawning by name finds the devnet's own module (described as
    // signed by the scheduler unit, the network's address), and a node that takes the process in
    // knows it by that name.
    let client = tempfile::tempdir().unwrap();
    let named: Id = node_ok(client.path(), &["--network", &devnet.base, "spawn", "shared"]).parse().unwrap();
    assert_eq!(b.process(named).unwrap_err().kind(), ao::node::ErrorKind::NotFound, "not taken in yet");
    eval(&b, named, "return 'here'");
    assert_eq!(b.process(named).unwrap().name.as_deref(), Some("shared"));
    // A name the wallet already gives a process here stays that one's: the one taken in has none.
    let request = SpawnRequest { name: Some("mine-here".into()), ..SpawnRequest::default() };
    let here = b.spawn(owner, request).unwrap().process;
    let there: Id = node_ok(client.path(), &["--network", &devnet.base, "spawn", "mine-here"]).parse().unwrap();
    eval(&b, there, "return 'taken in'");
    assert_eq!(b.process(there).unwrap().name, None);
    assert_eq!(b.process(here).unwrap().name.as_deref(), Some("mine-here"));
    // One a process spawned (signed by the devnet's messenger, with From-Process) has no name
    // here, as on the devnet, whatever its Name tag.
    let spawning = "ao.spawn(ao.env.Module.Id, { Name = 'child' }) return 'spawned'";
    remote.send(owner, named, eval_tags(), spawning.as_bytes().to_vec()).unwrap();
    let listed = crate::support::node_json(devnet_home.path(), &["list"]);
    let known = [process.to_string(), mine.to_string(), named.to_string(), there.to_string()];
    let child = listed.as_array().unwrap().iter().map(|p| p["process"].as_str().unwrap().to_string());
    let child: Vec<String> = child.filter(|id| !known.contains(id)).collect();
    assert_eq!(child.len(), 1, "{listed}");
    let child: Id = child[0].parse().unwrap();
    eval(&b, child, "return 'taken in'");
    assert_eq!(b.process(child).unwrap().name, None);
    // The Scheduler-Location record aos looks the printed scheduler address up by is there too.
    let query = serde_json::json!({
        "query": "query ($owners: [String!]) { transactions(owners: $owners, tags: [{ name: \"Type\", values: [\"Scheduler-Location\"] }]) { edges { node { id } } } }",
        "variables": { "owners": [&ordering.scheduler] },
    });
    let client = reqwest::blocking::Client::new();
    let located: serde_json::Value =
        client.post(format!("{}/graphql", devnet.base)).json(&query).send().unwrap().json().unwrap();
    assert_eq!(located["data"]["transactions"]["edges"].as_array().map(Vec::len), Some(1), "{located}");
    let (_, slot) = remote.send(owner, process, eval_tags(), b"return Count".to_vec()).unwrap();
    assert_eq!(slot, 3);
    assert_eq!(remote.result(owner, process, 3).unwrap().printed(), "2");

    // The process from before stays on the devnet's own scheduler.
    let (_, slot) = remote.send(owner, mine, eval_tags(), b"return X".to_vec()).unwrap();
    assert_eq!((slot, remote.result(owner, mine, 2).unwrap().printed()), (2, "7".to_string()));
    assert!(unit.tip(mine).unwrap().is_none(), "the scheduler unit never saw it");

    // The scheduler unit's home reads, and evaluates nothing.
    ordering.kill();
    assert!(node_ok(ordering_home.path(), &["list"]).contains(&process.to_string()));
    let out = node_ao(ordering_home.path(), &["send", &process.to_string(), "-a", "Ping"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("this home is a scheduler unit's (`ao serve --scheduler-only`)"), "{}", stderr(&out));
    // Each home is served as what it is.
    let out = node_ao(ordering_home.path(), &["serve", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let home = ordering_home.path().display();
    assert_eq!(
        stderr(&out),
        format!("error: {home} is a scheduler unit's home\nhint: serve it with --scheduler-only\n")
    );
    let out = node_ao(devnet_home.path(), &["serve", "--port", "0", "--scheduler-only"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: a scheduler unit needs a home of its own: "), "{}", stderr(&out));
}

#[test]
fn ao_serve_with_a_scheduler_unit_that_does_not_answer_stops_with_one_error() {
    let home = tempfile::tempdir().unwrap();
    let url = format!("{}/su", free_loopback_url());
    let out = node_command(home.path(), &["serve", "--port", "0", "--scheduler-url", &url]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // What went wrong underneath, not reqwest's "error sending request for url (…)" again.
    assert_eq!(
        stderr,
        format!("error: the scheduler unit at {url}/ cannot be reached: Connection refused (os error 111)\n")
    );
    let out = node_command(home.path(), &["serve", "--port", "0", "--scheduler-url", "notaurl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: \"notaurl\" is not a unit's URL: relative URL without a base\nhint: write a unit's URL as http://HOST:PORT or https://HOST\n"
    );

    let both = ["serve", "--scheduler-only", "--scheduler-url", &url];
    let out = node_command(home.path(), &both).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));

    // One that takes the request and never answers: given up on after --timeout (a push would
    // wait for it holding its processes), not after the default two minutes.
    let (silent, connections) = crate::support::silent_loopback();
    let url = format!("{silent}/su");
    let args = ["serve", "--port", "0", "--scheduler-url", &url, "--timeout", "1s"];
    let out = node_command(home.path(), &args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: the scheduler unit at {url}/ did not answer within 1s\nhint: --timeout sets how long ao waits for an answer\n"
        )
    );
    assert_eq!(connections.load(std::sync::atomic::Ordering::SeqCst), 1, "asked once, not tried again");
}

#[test]
fn a_push_that_starts_over_after_posting_takes_its_own_slot_and_delivers_it() {
    let (ordering, _) = memory_node();
    let served = InProcess::start_scheduler(&ordering);
    let a = computing_node(&format!("{}/su", served.base));
    let owner = &wallet().wallet;
    let target = a.spawn(owner, SpawnRequest::default()).unwrap().process;
    eval(&a, target, "Got = 0 Handlers.add('ping', 'Ping', function() Got = Got + 1 end) return 'ok'");
    let sender = a.spawn(owner, SpawnRequest::default()).unwrap().process;

    std::thread::scope(|both| {
        // One push holds the target for a while (two to four seconds; the head start below
        // leaves it time to take the target on a loaded machine)...
        let busy = both.spawn(|| {
            eval(&a, target, "local x = 0 for i = 1, 1.6e8 do x = x + i end return 'done'");
            std::time::Instant::now()
        });
        std::thread::sleep(std::time::Duration::from_millis(800));
        // ...when the sender's message, posted and evaluated, must deliver to it: its push
        // starts over once the target is free, and takes the slot it was given as its own.
        let sent = eval(&a, sender, &format!("Send({{ Target = '{target}', Action = 'Ping' }}) return 'sent'"));
        let done = std::time::Instant::now();
        assert!(busy.join().unwrap() < done, "the sender's push waited for the target");
        assert_eq!((sent.slot, sent.result.printed()), (1, "sent".to_string()));
        assert!(sent.undelivered.is_empty(), "{:?}", sent.undelivered);
    });
    assert_eq!(ordering.latest_slot(sender).unwrap(), 1, "posted once");
    assert_eq!(ordering.latest_slot(target).unwrap(), 3, "delivered once");
    assert_eq!(eval(&a, target, "return Got").result.printed(), "1");
}

#[test]
fn an_outbox_assignment_goes_to_the_scheduler_unit_as_an_assignment() {
    let (ordering, _) = memory_node();
    let served = InProcess::start_scheduler(&ordering);
    let a = computing_node(&format!("{}/su", served.base));
    let owner = &wallet().wallet;
    let [target, also, sender] = [0, 1, 2].map(|_| a.spawn(owner, SpawnRequest::default()).unwrap().process);
    // (aos takes an assignment only from whom the process admits.)
    let counting = format!(
        "ao.addAssignable({{ From = '{sender}' }}) Pings = 0 Handlers.add('ping', 'Ping', function() Pings = Pings + 1 end) return 'ok'"
    );
    for process in [target, also] {
        eval(&a, process, &counting);
    }
    let code = format!("Send({{ Target = '{target}', Action = 'Ping', Assignments = {{ '{also}' }} }}) return 'sent'");
    let sent = eval(&a, sender, &code);
    assert!(sent.undelivered.is_empty(), "{:?}", sent.undelivered);

    // The unit has the pushed message in the target's schedule and assigned in the other's.
    let slot_2 = |process| {
        let page = ordering.schedule_page(process, ao::node::ScheduleRange::Slots { from: 2, to: Some(2) }, 1).unwrap();
        page.entries.into_iter().next().expect("slot 2")
    };
    let (delivered, assigned) = (slot_2(target), slot_2(also));
    assert_eq!(delivered.message.id(), assigned.message.id());
    assert_eq!(assigned.message.target(), Some(target), "the same message, assigned");
    assert_eq!(assigned.assignment.owner_address(), ordering.unit_address());
    for process in [target, also] {
        assert_eq!(eval(&a, process, "return Pings").result.printed(), "1");
    }
}

#[test]
fn a_target_the_node_cannot_run_is_recorded_as_not_delivered() {
    let (ordering, _) = memory_node();
    let served = InProcess::start_scheduler(&ordering);
    let a = computing_node(&format!("{}/su", served.base));
    // A process another client spawned at the scheduler unit, on a module this node does not have.
    let module: Id = "M".repeat(43).parse().unwrap();
    let spawn = ao::protocol::ao::spawn(module, &ordering.unit_address(), Vec::new(), Vec::new(), 1_700_000_000_000);
    let (elsewhere, _) = ordering.schedule_only(spawn.sign(&wallet().wallet).unwrap()).unwrap();

    let sender = a.spawn(&wallet().wallet, SpawnRequest::default()).unwrap().process;
    let sent = eval(&a, sender, &format!("Send({{ Target = '{elsewhere}', Action = 'Ping' }}) return 'kept'"));
    assert_eq!(sent.result.printed(), "kept", "the sender's message stands");
    let [undelivered] = sent.undelivered.as_slice() else { panic!("{:?}", sent.undelivered) };
    assert_eq!(undelivered.reason, ao::node::Reason::TargetFailed);
    assert_eq!(undelivered.detail, format!("no module {module} here (`ao module list` shows the registered ones)"));
    assert_eq!(ordering.latest_slot(elsewhere).unwrap(), 0, "nothing was posted for it");
}
