//! `ao inbox PROCESS [--last N]`: the messages waiting in a process's Inbox (read by dry run, so
//! reading changes nothing).
use clap::Args;
use serde_json::{Value, json};

use super::network::Network;
use super::node_access::value_text;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::node::Inbox;

#[derive(Debug, Args)]
pub struct InboxArgs {
    /// Process id, or the name of a process the wallet spawned
    #[arg(allow_hyphen_values = true)]
    process: String,
    /// Show only the newest N messages
    #[arg(short = 'n', long = "last", value_name = "N")]
    last: Option<u64>,
}

/// A value shown on one line, cut at `max` characters.
fn one_line(value: &Value, max: usize) -> String {
    let flat: String = value_text(value).chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

impl InboxArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let network = Network::open(global)?;
        let process = network.find(global, &self.process)?;
        let spinner = Spinner::start(global, "reading the Inbox");
        let inbox = network.inbox(global, process, self.last);
        drop(spinner);
        let inbox = inbox?;
        if global.json {
            print_json(&json!({"process": process.to_string(), "count": inbox.count, "messages": inbox.messages}));
            return Ok(());
        }
        print_text(&inbox);
        Ok(())
    }
}

/// The Inbox as text: a count, then one line per message (`#index Action from sender  data`).
pub fn print_text(inbox: &Inbox) {
    let shown = inbox.messages.len();
    let plural = if inbox.count == 1 { "" } else { "s" };
    match (inbox.count, shown as u64 == inbox.count) {
        (0, _) => println!("the Inbox is empty"),
        (count, true) => println!("{count} message{plural} in the Inbox"),
        (count, false) => println!("{count} message{plural} in the Inbox, the newest {shown}:"),
    }
    for message in &inbox.messages {
        let action = match one_line(&message["Action"], 24) {
            action if action.is_empty() => "-".to_string(),
            action => action,
        };
        let data = one_line(&message["Data"], 60);
        let data = data.trim();
        let gap = if data.is_empty() { "" } else { "  " };
        println!(
            "#{:<3} {action:<12} from {}{gap}{data}",
            message["Index"].as_u64().unwrap_or(0),
            one_line(&message["From"], 43)
        );
    }
}
