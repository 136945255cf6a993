//! The node as a library: a handle shared by threads (pushes on different processes at once, on
//! the same process one after the other), two nodes on one home writing the same process (the
//! second starts over when the first got in), push limits set in `NodeConfig`, an interrupt that
//! abandons an evaluation, cron ticks on a clock the test moves, and what the node hands a module
//! (`Node::handle_inputs`) — all in memory where the store need not be on disk, with no real-time
//! sleeps.
use std::sync::Arc;

use ao::node::{ErrorKind, Node, NodeConfig, NodeError, PushLimits, SpawnRequest};
use ao::protocol::{Id, Tag};
use ao::runtime::{Interrupt, Process};
use sha2::{Digest, Sha256};

use crate::support::{aos, memory_node, memory_node_with, node_home, wallet};

fn spawn(node: &Node, name: &str, tags: Vec<Tag>) -> Id {
    let request = SpawnRequest { name: Some(name.into()), tags, ..SpawnRequest::default() };
    node.spawn(&wallet().wallet, request).unwrap().process
}

fn eval(node: &Node, process: Id, code: &str) -> String {
    let outcome = node.send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec());
    let result = outcome.unwrap().result;
    assert!(result.error.is_none(), "{code}: {result}");
    result.printed()
}

const COUNTER: &str = "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)";

fn count(node: &Node, process: Id, times: usize) {
    for _ in 0..times {
        let outcome = node.send(&wallet().wallet, process, vec![Tag::new("Action", "Count")], Vec::new()).unwrap();
        assert!(outcome.result.error.is_none(), "{}", outcome.result);
    }
}

/// Recomputes `process` from its log and expects every stored result and its checkpoint.
fn verifies(node: &Node, process: Id) {
    let verified = node.verify(process, None, &mut |_, _| {}).unwrap();
    assert!(verified.is_ok(), "{process} does not verify: {verified:?}");
}

#[test]
fn threads_share_a_node_and_each_process_keeps_a_whole_log() {
    let (node, _) = memory_node();
    let a = spawn(&node, "a", vec![]);
    let b = spawn(&node, "b", vec![]);
    eval(&node, a, COUNTER);
    eval(&node, b, COUNTER);
    std::thread::scope(|threads| {
        // Two threads on two processes, and two more on the same one.
        for process in [a, b, b] {
            let node = node.clone();
            threads.spawn(move || count(&node, process, 10));
        }
    });
    assert_eq!(eval(&node, a, "return Count"), "10");
    assert_eq!(eval(&node, b, "return Count"), "20");
    assert_eq!(node.latest_slot(b).unwrap(), 22, "spawn, handler, 20 counts, the read");
    verifies(&node, a);
    verifies(&node, b);
}

#[test]
fn pushes_that_cross_wait_for_each_other_and_both_land() {
    let (node, _) = memory_node();
    let x = spawn(&node, "x", vec![]);
    let y = spawn(&node, "y", vec![]);
    // A `Go` to one makes it send a `Hit` to the other: a push on x needs y, and one on y needs x.
    for (me, other) in [(x, y), (y, x)] {
        eval(
            &node,
            me,
            &format!(
                "Hits = 0 Handlers.add('go', 'Go', function() Send({{Target = '{other}', Action = 'Hit'}}) end)
                 Handlers.add('hit', 'Hit', function() Hits = Hits + 1 end)"
            ),
        );
    }
    std::thread::scope(|threads| {
        for process in [x, y] {
            let node = node.clone();
            threads.spawn(move || {
                for _ in 0..20 {
                    let sent = node.send(&wallet().wallet, process, vec![Tag::new("Action", "Go")], Vec::new());
                    assert!(sent.unwrap().result.error.is_none());
                }
            });
        }
    });
    assert_eq!(eval(&node, x, "return Hits"), "20");
    assert_eq!(eval(&node, y, "return Hits"), "20");
    verifies(&node, x);
    verifies(&node, y);
}

#[test]
fn two_nodes_on_one_home_write_the_same_process_and_neither_loses_a_message() {
    let home = node_home();
    let first = Node::open(home.path()).unwrap();
    let p = spawn(&first, "p", vec![]);
    eval(&first, p, COUNTER);
    // A second node on the same home: its own connections and its own live copy of `p`, which
    // falls behind whenever the first writes (as another `ao` command's would).
    let second = Node::open(home.path()).unwrap();
    std::thread::scope(|threads| {
        threads.spawn(|| count(&first, p, 15));
        threads.spawn(|| count(&second, p, 15));
    });
    assert_eq!(eval(&first, p, "return Count"), "30");
    assert_eq!(eval(&second, p, "return Count"), "30");
    verifies(&first, p);
}

#[test]
fn push_limits_come_from_the_config() {
    let limits = PushLimits { max_hops: 5, max_messages: 10_000 };
    let (node, _) = memory_node_with(|config: NodeConfig| config.with_push_limits(limits));
    let me = spawn(&node, "me", vec![]);
    let sent = node.send(
        &wallet().wallet,
        me,
        vec![Tag::new("Action", "Eval")],
        b"Handlers.add('again', 'Again', function() Hops = (Hops or 0) + 1 Send({Target = ao.id, Action = 'Again'}) end)
          Send({Target = ao.id, Action = 'Again'})"
            .to_vec(),
    );
    let undelivered = sent.unwrap().undelivered;
    assert_eq!(undelivered.len(), 1, "{undelivered:?}");
    assert_eq!(undelivered[0].reason, ao::node::Reason::PushLimit);
    assert_eq!(undelivered[0].detail, "the push was cut after 5 hops from the message that started it");
    assert_eq!(eval(&node, me, "return Hops"), "5");
}

#[test]
fn an_interrupt_abandons_an_evaluation_and_nothing_is_kept() {
    let (node, _) = memory_node();
    let p = spawn(&node, "p", vec![]);
    eval(&node, p, "x = 'before'");
    let newest = node.latest_slot(p).unwrap();
    let interrupt = Interrupt::new();
    let interruptible = node.with_interrupt(interrupt.clone());
    let firing = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        interrupt.fire();
    });
    let sent = interruptible.send(
        &wallet().wallet,
        p,
        vec![Tag::new("Action", "Eval")],
        b"x = 'during' while true do end".to_vec(),
    );
    firing.join().unwrap();
    let error = sent.unwrap_err();
    assert!(matches!(error, NodeError::Interrupted), "{error}");
    assert_eq!(error.kind(), ErrorKind::Interrupted);
    assert_eq!(node.latest_slot(p).unwrap(), newest, "nothing was scheduled");
    assert_eq!(eval(&node, p, "return x"), "before", "the handle without the interrupt goes on");
}

#[test]
fn cron_ticks_fall_due_as_the_clock_moves_and_recompute_the_same() {
    let (node, clock) = memory_node();
    let cron = vec![Tag::new("Cron-Interval", "10-seconds"), Tag::new("Cron-Tag-Action", "Tick")];
    let timer = spawn(&node, "timer", cron);
    let sink = spawn(&node, "sink", vec![]);
    eval(&node, sink, "Got = 0 Handlers.add('t', 'Tock', function() Got = Got + 1 end)");
    eval(
        &node,
        timer,
        &format!(
            "Ticks, Times = 0, {{}} Handlers.add('tick', 'Tick', function(msg)
               assert(msg.Cron == true and msg.From == Owner, 'a cron message')
               Ticks = Ticks + 1 Times[#Times + 1] = msg.Timestamp
               Send({{Target = '{sink}', Action = 'Tock'}}) end)"
        ),
    );
    assert_eq!(node.run_crons().unwrap(), 0, "nothing is due yet");
    clock.advance(25_000);
    assert_eq!(node.run_crons().unwrap(), 2, "two ticks fell due");
    clock.advance(10_000);
    // A message sent now comes after the tick due before it.
    assert_eq!(eval(&node, timer, "return Ticks"), "3");
    let log = node.log(timer, None, 100).unwrap();
    let spawned = log[0].timestamp;
    let ticks: Vec<u64> = log.iter().filter(|e| e.cron.is_some()).map(|e| e.timestamp).collect();
    let first = (spawned / 1000 + 10) * 1000;
    assert_eq!(ticks, [first, first + 10_000, first + 20_000], "on the spawn's ten-second grid");
    assert_eq!(eval(&node, sink, "return Got"), "3", "what the ticks sent was delivered");
    verifies(&node, timer);
    let recomputed = node.recompute(timer).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..]);
}

/// Two nodes on one home (two `ao` commands) that run the same cron tick at once: the one that
/// commits second finds what the tick sent (and spawned) already there, starts over from the
/// store, and succeeds; the tick, its message and its spawn are there once.
#[test]
fn two_nodes_running_the_same_cron_tick_at_once_both_succeed_and_it_happens_once() {
    let home = node_home();
    let clock = ao::node::ManualClock::new(1_700_000_000_000);
    let open = || Node::start(NodeConfig::home(home.path()).with_clock(clock.clone())).unwrap();
    let (first, second) = (open(), open());
    let cron = vec![Tag::new("Cron-Interval", "10-seconds"), Tag::new("Cron-Tag-Action", "Tick")];
    let timer = spawn(&first, "timer", cron);
    let sink = spawn(&first, "sink", vec![]);
    eval(&first, sink, "Got = 0 Handlers.add('t', 'Tock', function() Got = Got + 1 end)");
    // A tick takes a while, so that one node commits while the other still evaluates it; the
    // first sends a message, the second spawns a process.
    let tick = format!(
        "Ticks = 0 Handlers.add('tick', 'Tick', function() local x = 0 for i = 1, 3e7 do x = x + i end \
         Ticks = Ticks + 1 \
         if Ticks == 1 then Send({{Target = '{sink}', Action = 'Tock'}}) end \
         if Ticks == 2 then Spawn({{Data = 'child'}}) end end)"
    );
    eval(&first, timer, &tick);
    // (Rounds of ten seconds until two ticks ran: the first may fall due with the second round.)
    let mut ticks = 0;
    while ticks < 2 {
        clock.advance(10_000);
        let ran = std::thread::scope(|both| {
            let one = both.spawn(|| first.run_crons());
            std::thread::sleep(std::time::Duration::from_millis(100));
            let other = both.spawn(|| second.run_crons());
            [one.join().unwrap(), other.join().unwrap()]
        });
        for ran in ran {
            ticks += ran.expect("each node's run of the crons succeeds");
        }
    }
    assert_eq!(eval(&second, sink, "return Got"), "1", "what the tick sent arrived once");
    assert_eq!(first.processes().unwrap().len(), 3, "what it spawned was spawned once");
    let logged = first.log(timer, None, 100).unwrap().iter().filter(|e| e.cron.is_some()).count();
    assert_eq!(logged, ticks, "each tick is in the log once");
    verifies(&first, timer);
    verifies(&first, sink);
}

#[test]
fn the_node_handle_is_send_sync_and_cheap_to_clone() {
    fn shared<T: Send + Sync + Clone + 'static>() {}
    shared::<Node>();
    let (node, _) = memory_node();
    let clone = node.clone();
    let p = spawn(&clone, "p", vec![]);
    assert_eq!(node.process(p).unwrap().name.as_deref(), Some("p"), "clones are one node");
    let _ = Arc::new(node);
}

/// Runs `process`'s module outside the node on what the node handed it for all its slots, and
/// expects the node's memory.
fn recomputes_outside(node: &Node, process: Id) -> ao::node::HandleInputs {
    let newest = node.latest_slot(process).unwrap();
    let inputs = node.handle_inputs(process, 0, newest).unwrap();
    let mut bare = Process::boot(aos(), inputs.limits).unwrap();
    for msg in &inputs.messages {
        let outcome = bare.handle(msg, &inputs.env).unwrap().outcome;
        assert!(outcome.is_ok(), "{outcome:?}");
    }
    let (memory, _) = node.memory(process).unwrap();
    assert_eq!(bare.memory_hash().unwrap()[..], Sha256::digest(&memory)[..], "the node's memory, recomputed");
    inputs
}

#[test]
fn what_the_node_hands_a_module_recomputes_the_process_outside_the_node() {
    let (node, _) = memory_node();
    let p = spawn(&node, "p", vec![Tag::new("Color", "blue")]);
    eval(&node, p, COUNTER);
    count(&node, p, 3);
    let newest = node.latest_slot(p).unwrap();
    // ao's module keeps the env it was handed: a different one would show in the memory.
    let inputs = recomputes_outside(&node, p);
    assert_eq!(inputs.messages.len() as u64, newest + 1, "a msg for every slot");
    let env: serde_json::Value = serde_json::from_str(&inputs.env).unwrap();
    assert_eq!(env["Process"]["Id"], p.to_string());
    assert!(env["Process"]["Tags"].as_array().unwrap().iter().any(|t| t["name"] == "Color" && t["value"] == "blue"));
    let last: serde_json::Value = serde_json::from_str(&inputs.messages[newest as usize]).unwrap();
    assert_eq!(last["Nonce"], newest);

    let part = node.handle_inputs(p, 2, 3).unwrap();
    assert_eq!(part.messages, inputs.messages[2..=3], "a range of slots");
    assert!(node.handle_inputs(p, 3, 2).unwrap().messages.is_empty(), "an empty range");
    let past = node.handle_inputs(p, 0, newest + 1);
    assert!(matches!(past, Err(NodeError::UnknownSlot { slot, newest: n, .. }) if slot == newest + 1 && n == newest));
    let unknown: Id = "U".repeat(43).parse().unwrap();
    assert!(matches!(node.handle_inputs(unknown, 0, 0), Err(NodeError::UnknownProcess(id)) if id == unknown));
}

#[test]
fn what_the_node_hands_a_cron_process_includes_its_ticks() {
    let (node, clock) = memory_node();
    let cron = vec![Tag::new("Cron-Interval", "10-seconds"), Tag::new("Cron-Tag-Action", "Tick")];
    let timer = spawn(&node, "timer", cron);
    eval(&node, timer, "Ticks = 0 Handlers.add('tick', 'Tick', function() Ticks = Ticks + 1 end)");
    clock.advance(25_000);
    count(&node, timer, 1);
    clock.advance(20_000);
    assert_eq!(eval(&node, timer, "return Ticks"), "4");
    let inputs = recomputes_outside(&node, timer);
    let crons = inputs.messages.iter().filter(|m| m.contains(r#""Cron":true"#)).count();
    assert_eq!((inputs.messages.len(), crons), (4 + 4, 4), "four slots and the four ticks between them");
    // Slot 3 alone: the two ticks since slot 2, then its message.
    let last = node.handle_inputs(timer, 3, 3).unwrap().messages;
    assert_eq!(last, inputs.messages[5..], "slot 3 and the two ticks before it");
}
