//! Cron: `ao spawn --cron INTERVAL` processes receive `Action=Cron` messages on whole intervals
//! from their spawn, between the messages sent to them, evaluated whenever the node is opened or
//! followed; what the ticks send is delivered; recomputing gives the checkpoints' state.
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use ao::node::Node;
use serde_json::Value;

use crate::support::{node_ao as ao, node_command, node_home, node_json as json, node_ok as ok, stderr, wallet};

const COUNT_TICKS: &str = r#"
Ticks, TickTimes = 0, {}
Handlers.add("tick", "Cron", function(msg)
  assert(msg.Cron == true and msg.From == Owner and msg.Id == nil, "a cron message")
  Ticks = Ticks + 1
  TickTimes[#TickTimes + 1] = msg.Timestamp
  print("tick " .. Ticks)
  Send({Target = Sink, Action = "Tick", Data = tostring(Ticks)})
end)
return "ready""#;

#[test]
fn cron_ticks_come_on_whole_intervals_between_messages_and_recompute_the_same() {
    let home = node_home();
    let home = home.path();
    let spawned = json(home, &["spawn", "clock", "--cron", "1-second"]);
    let clock: ao::protocol::Id = spawned["process"].as_str().unwrap().parse().unwrap();
    let sink = ok(home, &["spawn", "sink"]);
    ok(home, &["eval", "clock", &format!("Sink = '{sink}'")]);
    assert_eq!(ok(home, &["eval", "clock", COUNT_TICKS]), "ready");
    std::thread::sleep(Duration::from_millis(1500));
    // A message sent now comes after every tick due before it.
    let counted = json(home, &["eval", "clock", "return Ticks"]);
    std::thread::sleep(Duration::from_millis(1500));

    let node = Node::open(home).unwrap();
    let log = node.log(clock, None, 10_000).unwrap();
    let spawn_ms = log[0].timestamp;
    let ticks: Vec<_> = log.iter().filter(|e| e.cron.is_some()).collect();
    assert!(ticks.len() >= 2, "at least two ticks in three seconds: {}", ticks.len());
    for (k, tick) in ticks.iter().enumerate() {
        assert_eq!(tick.timestamp, (spawn_ms / 1000 + 1 + k as u64) * 1000, "tick {k} on the spawn's second grid");
        assert_eq!(tick.cron.as_deref(), Some("1-second"));
        assert_eq!(tick.tag("Action"), Some("Cron"));
        assert_eq!(tick.message, None);
        assert_eq!(tick.from, wallet().wallet.address(), "cron messages come from the process owner");
    }
    // The log is in evaluation order, and the handler saw exactly the ticks before the eval.
    let eval_at = log.iter().position(|e| e.message.map(|m| m.to_string()) == counted["id"].as_str().map(String::from));
    let eval_at = eval_at.expect("the eval is in the log");
    let before = log[..eval_at].iter().filter(|e| e.cron.is_some() && e.result.error.is_none()).count();
    let ready_at = log.iter().position(|e| e.result.output["data"] == "ready").unwrap();
    let handled_before = log[ready_at..eval_at].iter().filter(|e| e.cron.is_some()).count();
    assert_eq!(counted["result"]["Output"]["data"], handled_before.to_string(), "ticks handled before the eval");
    assert!(before >= handled_before);
    assert!(log.windows(2).all(|pair| pair[0].position < pair[1].position), "positions increase");

    // Every handled tick's Send reached the sink, from the clock, with no Pushed-For.
    let handled = log[ready_at..].iter().filter(|e| e.cron.is_some()).count();
    let sink_id = sink.parse().unwrap();
    let inbox = node.inbox(sink_id, None).unwrap();
    let received: Vec<&Value> = inbox.messages.iter().filter(|m| m["Action"] == "Tick").collect();
    assert_eq!(received.len(), handled, "one Tick per handled tick");
    for (k, message) in received.iter().enumerate() {
        assert_eq!(message["From"], clock.to_string());
        assert_eq!(message["Data"], (k + 1).to_string());
        assert!(message["Tags"]["Pushed-For"].is_null(), "{message}");
    }

    // Slots and ticks interleaved, recomputed from scratch, give the checkpoint's memory.
    node.run_crons().unwrap();
    let recomputed = node.recompute(clock).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.memory_hash.to_vec(), recomputed.checkpoint_hash);
}

#[test]
fn tail_follow_evaluates_and_shows_cron_ticks_as_they_come() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "clock", "--cron", "1-second"]);
    ok(home, &["eval", "clock", r#"Handlers.add("tick", "Cron", function() print("tick") end)"#]);
    let mut tail =
        node_command(home, &["--json", "tail", "clock", "-n", "0", "-f"]).stdout(Stdio::piped()).spawn().unwrap();
    let (lines, received) = std::sync::mpsc::channel();
    let stdout = tail.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    // No other command runs: tail -f itself evaluates the ticks as they fall due.
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let line = received.recv_timeout(Duration::from_secs(30)).expect("tail -f printed a tick");
        seen.push(serde_json::from_str::<Value>(&line).unwrap());
    }
    tail.kill().unwrap();
    tail.wait().unwrap();
    for entry in &seen {
        assert_eq!(entry["cron"], "1-second");
        assert_eq!(entry["action"], "Cron");
        assert!(entry["id"].is_null());
        assert_eq!(entry["result"]["Output"]["data"], "tick");
    }
    assert_eq!(seen[1]["timestamp"].as_u64().unwrap() - seen[0]["timestamp"].as_u64().unwrap(), 1000);
}

#[test]
fn bad_cron_intervals_are_refused_before_anything_is_written() {
    let home = node_home();
    let home = home.path();
    for args in [
        &["spawn", "x", "--cron", "5-fortnights"][..],
        &["spawn", "x", "--cron", "0-seconds"],
        &["spawn", "x", "-t", "Cron-Tag-Action=Cron"],
    ] {
        let out = ao(home, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let error = stderr(&out);
        assert!(error.starts_with("error: ") && error.contains("Cron"), "{args:?}: {error}");
    }
    assert_eq!(json(home, &["list"]).as_array().map(Vec::len), Some(0), "no process was recorded");
}
