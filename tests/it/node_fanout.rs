//! A fan-out: one message makes a process send many messages at once (the messenger then makes
//! their assignments on a second thread while it evaluates). Every message arrives once, in the
//! order sent; the receiver's schedule is a valid log (consecutive slots, each assignment signed
//! by the scheduler, naming its message and slot, linked into the hash chain, timestamps never
//! going back); recomputing the receiver gives its checkpoint's memory. A process that fans out
//! again and again keeps the same memory (ao's module collects a heavy message's garbage). A
//! fan-out to several processes, evaluated on several cores, keeps each one's order and hands on
//! what they send in delivery order; stopped midway, it keeps nothing.
use ao::node::{Node, SpawnRequest};
use ao::protocol::ao::hash_chain;
use ao::protocol::{DataItem, Id, Tag};

use crate::support::{memory_node, node_home, wallet};

fn eval(node: &Node, process: Id, code: &str) -> ao::node::MessageResult {
    let outcome = node.send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec());
    let result = outcome.unwrap().result;
    assert!(result.error.is_none(), "{result}");
    result
}

#[test]
fn a_fan_out_arrives_whole_in_order_in_a_valid_log() {
    let home = node_home();
    let node = Node::open(home.path()).unwrap();
    let spawn = |node: &Node, name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let (sender, receiver) = (spawn(&node, "sender"), spawn(&node, "receiver"));
    eval(&node, receiver, "Got = {} Handlers.add('n', 'Count', function(m) Got[#Got + 1] = m.Tags.N end)");
    let fan_out = format!(
        "for i = 1, 100 do Send({{Target = '{receiver}', Action = 'Count', N = tostring(i)}}) end \
         Send({{Target = ao.id, Action = 'Count', N = 'self'}})"
    );
    eval(&node, sender, &fan_out);
    let got = eval(&node, receiver, "return table.concat(Got, ',')");
    let expected: Vec<String> = (1..=100).map(|i| i.to_string()).collect();
    assert_eq!(got.output["data"], expected.join(","));

    let db = rusqlite::Connection::open(home.path().join("ao.sqlite")).unwrap();
    let mut rows = db
        .prepare(
            "SELECT slot, message, assignment, timestamp, hash_chain, assignment_item FROM schedule
             WHERE process = ?1 ORDER BY slot",
        )
        .unwrap();
    let rows: Vec<(u64, String, String, u64, String, Vec<u8>)> = rows
        .query_map([receiver.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 103, "spawn, handler, 100 messages, the read");
    let mut previous: Option<(Id, Id, u64)> = None;
    for (n, (slot, message, assignment, timestamp, link, item)) in rows.iter().enumerate() {
        assert_eq!(*slot, n as u64);
        let item = DataItem::parse(item).unwrap();
        item.verify().unwrap();
        assert_eq!(item.id().to_string(), *assignment, "slot {slot}");
        assert_eq!(item.owner_address(), node.unit_address());
        assert_eq!(item.tag("Nonce"), Some(slot.to_string().as_str()));
        assert_eq!(item.tag("Hash-Chain"), Some(link.as_str()));
        assert_eq!(item.tag("Timestamp"), Some(timestamp.to_string().as_str()));
        if n > 0 {
            assert_eq!(item.tag("Message"), Some(message.as_str()));
        }
        let link: Id = link.parse().unwrap();
        let expected_link = match previous {
            None => hash_chain(receiver, None),
            Some((previous_link, previous_assignment, previous_time)) => {
                assert!(*timestamp >= previous_time, "slot {slot}: time goes back");
                hash_chain(previous_link, Some(previous_assignment))
            }
        };
        assert_eq!(link, expected_link, "slot {slot}: hash chain");
        previous = Some((link, item.id(), *timestamp));
    }

    let recomputed = node.recompute(receiver).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..]);
}

#[test]
fn fanning_out_again_and_again_does_not_grow_the_memory_with_garbage() {
    let (node, _) = memory_node();
    let spawn = |node: &Node, name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let (sender, counter) = (spawn(&node, "sender"), spawn(&node, "counter"));
    eval(&node, counter, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    let fan_out = format!("for i = 1, 1000 do Send({{Target = '{counter}', Action = 'Count'}}) end");
    let sizes: Vec<usize> = (0..8)
        .map(|_| {
            eval(&node, sender, &fan_out);
            node.memory(sender).unwrap().0.len()
        })
        .collect();
    assert_eq!(eval(&node, counter, "return Count").output["data"], "8000");
    // Each fan-out leaves megabytes of garbage; without a collection at its end the next one's
    // allocations took fresh memory, and the memory grew with every fan-out (4.3 to 14 MB in
    // eight; 7.8 MB from the fifth on with it).
    assert!(sizes[5..].iter().all(|&size| size == sizes[5]), "it stops growing: {sizes:?}");
    assert!(sizes[7] <= 2 * sizes[0], "at most twice what one fan-out took: {sizes:?}");
}

#[test]
fn a_fan_out_to_several_processes_keeps_every_order_and_replies_in_delivery_order() {
    let home = node_home();
    let node = Node::open(home.path()).unwrap();
    let spawn = |name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let sender = spawn("sender");
    let receivers: Vec<Id> = ["a", "b", "c"].into_iter().map(spawn).collect();
    let record = "Got = {} Handlers.add('n', 'Count', function(m) \
                  Got[#Got + 1] = m.Tags.N Send({Target = m.From, Action = 'Back', N = m.Tags.N}) end)";
    for receiver in &receivers {
        eval(&node, *receiver, record);
    }
    eval(&node, sender, "Back = {} Handlers.add('back', 'Back', function(m) Back[#Back + 1] = m.Tags.N end)");
    // 90 messages: to a, b, c, a, b, ... (then a second round, to see the lanes reused).
    let targets = receivers.iter().map(|r| format!("'{r}'")).collect::<Vec<_>>().join(", ");
    let fan_out = format!(
        "local to = {{{targets}}} for i = 1, 90 do \
         Send({{Target = to[(i - 1) % 3 + 1], Action = 'Count', N = tostring(i)}}) end"
    );
    for _ in 0..2 {
        eval(&node, sender, &fan_out);
    }
    for (k, receiver) in receivers.iter().enumerate() {
        let got = eval(&node, *receiver, "return table.concat(Got, ',')");
        let expected: Vec<String> = (0..2).flat_map(|_| (k + 1..=90).step_by(3).map(|i| i.to_string())).collect();
        assert_eq!(got.output["data"], expected.join(","), "receiver {k}");
    }
    // The replies are the next hop, delivered in the order their messages were: 1 to 90, twice.
    let back = eval(&node, sender, "return table.concat(Back, ',')");
    let expected: Vec<String> = (0..2).flat_map(|_| (1..=90).map(|i| i.to_string())).collect();
    assert_eq!(back.output["data"], expected.join(","));
    for process in receivers.iter().chain([&sender]) {
        let recomputed = node.recompute(*process).unwrap().expect("a checkpoint");
        assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..], "{process}");
    }
}

#[test]
fn a_fan_out_to_several_processes_stopped_midway_keeps_nothing() {
    let (node, _) = memory_node();
    let spawn = |name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let (sender, counter, looper) = (spawn("sender"), spawn("counter"), spawn("looper"));
    eval(&node, counter, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    eval(
        &node,
        looper,
        "Handlers.add('count', 'Count', function(m) if m.Tags.N == '30' then while true do end end end)",
    );
    let fan_out = format!(
        "for i = 1, 40 do Send({{Target = i % 2 == 0 and '{looper}' or '{counter}', Action = 'Count', N = tostring(i)}}) end"
    );
    let interrupt = ao::runtime::Interrupt::new();
    let stopping = node.with_interrupt(interrupt.clone());
    let fire = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        interrupt.fire();
    });
    let stopped =
        stopping.send(&wallet().wallet, sender, vec![Tag::new("Action", "Eval")], fan_out.clone().into_bytes());
    fire.join().unwrap();
    let Err(error) = stopped else { panic!("the fan-out was not stopped") };
    assert_eq!(error.kind(), ao::node::ErrorKind::Interrupted, "{error}");
    // Nothing of it was kept: not the Eval, not the counter's messages evaluated beside the loop.
    assert_eq!(eval(&node, counter, "return Count").output["data"], "0");
    // And every process goes on from what the store holds.
    eval(&node, looper, "Handlers.remove('count')");
    eval(&node, sender, &fan_out);
    assert_eq!(eval(&node, counter, "return Count").output["data"], "20");
}
