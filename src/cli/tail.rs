//! `ao tail PROCESS [-n N] [-f]`: what a process's messages printed and sent, from any sender, one
//! block per evaluated message; `-f` keeps following as other `ao` commands and processes add more.
use std::time::Duration;

use clap::Args;
use serde_json::json;

use super::node_access::{error_of, find_process, for_stdout, node_error, open, output_text, plain_error, tag_value};
use super::{CliError, GlobalArgs};
use crate::node::LogEntry;

/// How often `-f` looks for new results.
const FOLLOW_INTERVAL: Duration = Duration::from_millis(100);

#[derive(Debug, Args)]
pub struct TailArgs {
    /// Process id, or the name of a process the wallet spawned
    process: String,
    /// Start with the newest N messages
    #[arg(short = 'n', long = "lines", value_name = "N", default_value_t = 10)]
    last: u64,
    /// Keep printing new messages as they are evaluated (Ctrl-C stops)
    #[arg(short = 'f', long = "follow")]
    follow: bool,
}

impl TailArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let node = open(global)?;
        let process = find_process(global, &node, &self.process)?;
        let latest = node.latest_slot(process.id).map_err(node_error)?;
        let mut next = (latest + 1).saturating_sub(self.last);
        loop {
            let entries = node.log(process.id, next, 1000).map_err(node_error)?;
            for entry in &entries {
                print_entry(global, entry);
                next = entry.slot + 1;
            }
            if !self.follow {
                return Ok(());
            }
            if entries.is_empty() {
                std::thread::sleep(FOLLOW_INTERVAL);
            }
        }
    }
}

/// One evaluated message: `--json` prints one JSON document per line.
fn print_entry(global: &GlobalArgs, entry: &LogEntry) {
    if global.json {
        let line = json!({"slot": entry.slot, "id": entry.message.to_string(), "from": entry.from, "action": entry.tag("Action"), "timestamp": entry.timestamp, "result": entry.result});
        println!("{line}");
        return;
    }
    println!(
        "#{} {} from {}",
        entry.slot,
        entry.tag("Action").or_else(|| entry.tag("Type")).unwrap_or("-"),
        entry.from
    );
    for line in for_stdout(global, &output_text(&entry.result)).lines() {
        println!("  {line}");
    }
    for message in entry.result["Messages"].as_array().into_iter().flatten() {
        let action = tag_value(&message["Tags"], "Action").unwrap_or("-");
        println!("  → {action} to {}", message["Target"].as_str().unwrap_or("?"));
    }
    if let Some(error) = error_of(&entry.result) {
        println!("  error: {}", plain_error(&error));
    }
}
