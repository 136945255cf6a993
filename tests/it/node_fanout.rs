//! A fan-out: one message makes a process send many messages at once (the messenger then makes
//! their assignments on a second thread while it evaluates). Every message arrives once, in the
//! order sent; the receiver's schedule is a valid log (consecutive slots, each assignment signed
//! by the scheduler, naming its message and slot, linked into the hash chain, timestamps never
//! going back); recomputing the receiver gives its checkpoint's memory. A process that fans out
//! again and again keeps the same memory (ao's module collects a heavy message's garbage).
use ao::node::{Node, SpawnRequest};
use ao::protocol::ao::hash_chain;
use ao::protocol::{DataItem, Id, Tag};

use crate::support::{memory_node, node_home, wallet};

fn eval(node: &mut Node, process: Id, code: &str) -> ao::node::MessageResult {
    let outcome = node.send(&wallet().wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec());
    let result = outcome.unwrap().result;
    assert!(result.error.is_none(), "{result}");
    result
}

#[test]
fn a_fan_out_arrives_whole_in_order_in_a_valid_log() {
    let home = node_home();
    let mut node = Node::open(home.path()).unwrap();
    let spawn = |node: &mut Node, name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let (sender, receiver) = (spawn(&mut node, "sender"), spawn(&mut node, "receiver"));
    eval(&mut node, receiver, "Got = {} Handlers.add('n', 'Count', function(m) Got[#Got + 1] = m.Tags.N end)");
    let fan_out = format!(
        "for i = 1, 100 do Send({{Target = '{receiver}', Action = 'Count', N = tostring(i)}}) end \
         Send({{Target = ao.id, Action = 'Count', N = 'self'}})"
    );
    eval(&mut node, sender, &fan_out);
    let got = eval(&mut node, receiver, "return table.concat(Got, ',')");
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
    let (mut node, _) = memory_node();
    let spawn = |node: &mut Node, name: &str| {
        let request = SpawnRequest { name: Some(name.into()), ..Default::default() };
        node.spawn(&wallet().wallet, request).unwrap().process
    };
    let (sender, counter) = (spawn(&mut node, "sender"), spawn(&mut node, "counter"));
    eval(&mut node, counter, "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)");
    let fan_out = format!("for i = 1, 1000 do Send({{Target = '{counter}', Action = 'Count'}}) end");
    let sizes: Vec<usize> = (0..8)
        .map(|_| {
            eval(&mut node, sender, &fan_out);
            node.memory(sender).unwrap().0.len()
        })
        .collect();
    assert_eq!(eval(&mut node, counter, "return Count").output["data"], "8000");
    // Each fan-out leaves megabytes of garbage; without a collection at its end the next one's
    // allocations took fresh memory, and the memory grew with every fan-out (4.3 to 14 MB in
    // eight; 7.8 MB from the fifth on with it).
    assert!(sizes[5..].iter().all(|&size| size == sizes[5]), "it stops growing: {sizes:?}");
    assert!(sizes[7] <= 2 * sizes[0], "at most twice what one fan-out took: {sizes:?}");
}
