//! Checkpoints store what changed: a process that filled a large part of its memory once and then
//! handles small messages stores, per later checkpoint, the few pages those messages changed —
//! and a node opened afresh restores it exactly from those pages.
use ao::node::{Node, NodeConfig, SpawnRequest};
use ao::protocol::{Id, Tag};
use ao::runtime::PAGE;

use crate::support::{node_home, wallet};

/// Evaluates `code` as a session does (`send_item`): no checkpoint until the test asks for one.
fn eval(node: &Node, process: Id, code: &str) -> String {
    let message = ao::protocol::ao::message(process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec(), None);
    let result = node.send_item(process, &message.sign(&wallet().wallet).unwrap()).unwrap().result;
    assert!(result.error.is_none(), "{code}: {result}");
    result.printed()
}

/// 128 MB that do not compress: 16 strings of 8 MB from a 64-bit linear congruential generator.
const FILL: &str = "local parts, x = {}, 1 \
    for i = 1, 1 << 20 do x = x * 6364136223846793005 + 1442695040888963407 parts[i] = string.pack('<i8', x) end \
    local block = table.concat(parts) Big = {} for i = 1, 16 do Big[i] = i .. block end \
    return #Big * #Big[1]";

#[test]
fn a_big_idle_memory_checkpoints_only_the_pages_each_message_changes() {
    let home = node_home();
    let open = || Node::start(NodeConfig::home(home.path())).unwrap();
    let node = open();
    let request = SpawnRequest { name: Some("big".into()), ..SpawnRequest::default() };
    let process = node.spawn(&wallet().wallet, request).unwrap().process;
    node.checkpoint().unwrap();

    assert_eq!(eval(&node, process, FILL), (16 * ((8 << 20) + 1)).to_string());
    let filled = node.checkpoint().unwrap();
    let in_use = (128 << 20) / PAGE;
    assert!(filled.pages >= in_use, "the filled memory is stored: {filled:?}");
    assert!(filled.bytes >= 128 << 20, "it does not compress: {filled:?}");

    for round in 1..=3 {
        eval(&node, process, "Count = (Count or 0) + 1");
        let written = node.checkpoint().unwrap();
        assert_eq!(written.processes, 1);
        assert!(
            written.pages * 100 < in_use && written.bytes < 2 << 20,
            "round {round}: a small message stores what it changed, not the memory: {written:?}"
        );
    }
    let recomputed = node.recompute(process).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..], "recomputing gives the stored memory");
    drop(node);

    // Another node on the home starts the process from those pages.
    let node = open();
    assert_eq!(eval(&node, process, "return Count .. ' ' .. #Big[16] .. ' ' .. Big[7]:sub(1, 1)"), "3 8388610 7");
    let verified = node.verify(process, None, &mut |_, _| {}).unwrap();
    assert!(verified.is_ok(), "the log recomputes to every result and the checkpoint: {verified:?}");
}
