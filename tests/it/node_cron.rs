//! Cron through the `ao` binary: `ao tail -f` evaluates and shows the ticks of an
//! `ao spawn --cron INTERVAL` process as they fall due (in real time: a second apart), and bad
//! intervals are refused. The ticks' timing, their place between messages, their deliveries and
//! their recomputation are tested on a controlled clock in `node_library.rs`.
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

use crate::support::{node_ao as ao, node_command, node_home, node_json as json, node_ok as ok, stderr};

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
