//! `ao tail PROCESS [-n N] [-f]`: what a process's messages printed and sent, from any sender, one
//! block per evaluated message; `-f` keeps following as other `ao` commands and processes add more
//! (on a remote network, by asking its units every second).
use clap::Args;
use serde_json::json;

use super::network::Network;
use super::node_access::{for_stdout, output_text, plain_error, undelivered_json};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs};
use crate::node::{LogEntry, OutboxList};

#[derive(Debug, Args)]
pub struct TailArgs {
    /// Process id, or the name of a process the wallet spawned
    #[arg(allow_hyphen_values = true)]
    process: String,
    /// Start with the newest N messages
    #[arg(short = 'n', long = "lines", value_name = "N", default_value_t = 10)]
    last: u64,
    /// Keep printing new messages as they are evaluated (Ctrl-C stops)
    #[arg(short = 'f', long = "follow")]
    follow: bool,
}

impl TailArgs {
    /// `ao tail -f PROCESS` (what `ao repl --watch PROCESS` does).
    pub fn following(process: String) -> TailArgs {
        TailArgs { process, last: 10, follow: true }
    }

    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let network = Network::open_to_read(global)?;
        let process = network.find(global, &self.process)?;
        let spinner = Spinner::start(global, "reading the log");
        let entries = network.log_last(process, self.last.max(1));
        drop(spinner);
        let mut entries = entries?;
        let mut after = entries.last().map(|entry| entry.position);
        if self.last == 0 {
            entries.clear();
        }
        loop {
            for entry in &entries {
                print_entry(global, entry);
                after = Some(entry.position);
            }
            if !self.follow {
                return Ok(());
            }
            if entries.is_empty() {
                std::thread::sleep(network.poll_interval());
                network.run_crons()?;
            }
            entries = network.log_after(process, after, 1000)?;
        }
    }
}

/// One evaluated message: `--json` prints one JSON document per line.
fn print_entry(global: &GlobalArgs, entry: &LogEntry) {
    if global.json {
        let mut line = json!({"slot": entry.position.slot, "id": entry.message.map(|id| id.to_string()), "from": entry.from, "action": entry.tag("Action"), "timestamp": entry.timestamp, "result": entry.result});
        if let Some(cron) = &entry.cron {
            line["cron"] = json!(cron);
        }
        let problems: Vec<_> = entry.undelivered.iter().filter(|u| u.reason.is_problem()).cloned().collect();
        if !problems.is_empty() {
            line["undelivered"] = undelivered_json(&problems);
        }
        println!("{line}");
        return;
    }
    let action = entry.tag("Action").or_else(|| entry.tag("Type")).unwrap_or("-");
    match &entry.cron {
        Some(cron) => println!("cron {action} from {} (every {cron})", entry.from),
        None => println!("#{} {action} from {}", entry.position.slot, entry.from),
    }
    for line in for_stdout(global, &output_text(&entry.result)).lines() {
        println!("  {line}");
    }
    for (index, message) in entry.result.messages.iter().enumerate() {
        let action = message.action().unwrap_or_else(|| "-".into());
        let problem = entry
            .undelivered
            .iter()
            .find(|u| u.list == OutboxList::Messages && u.index as usize == index && u.reason.is_problem());
        match problem {
            Some(u) => println!("  → {action} to {} (not delivered: {})", message.target().unwrap_or("?"), u.detail),
            None => println!("  → {action} to {}", message.target().unwrap_or("?")),
        }
    }
    for u in entry.undelivered.iter().filter(|u| u.list != OutboxList::Messages && u.reason.is_problem()) {
        match u.list {
            OutboxList::Spawns => println!("  → spawn not started: {}", u.detail),
            _ => println!("  → assignment to {} not made: {}", u.target, u.detail),
        }
    }
    if let Some(error) = &entry.result.error {
        println!("  error: {}", plain_error(error));
    }
}
