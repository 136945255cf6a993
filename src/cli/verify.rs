//! `ao verify PROCESS [--to SLOT]`: recomputes a process from its log, apart from the live one,
//! and compares every stored result (cron ticks included) and the memory at its newest checkpoint
//! with what recomputing gives; names the first place that differs (exit 1), or sums up (exit 0).
//! On a remote network (`--network`, the legacy units' flags) the log is the process's schedule
//! read from its scheduler (cached in the home), recomputed here and compared with the results of
//! the network's compute unit.
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use super::network::{Network, replay_error};
use super::node_access::{find_process, open_armed};
use super::{CliError, GlobalArgs, print_json};
use crate::net::remote::{self, Phase};
use crate::node::{Difference, Verified};
use crate::protocol::Id;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Process id, or the name of a process the wallet spawned
    #[arg(allow_hyphen_values = true)]
    process: String,
    /// Stop after slot SLOT [default: the newest]
    #[arg(long, value_name = "SLOT")]
    to: Option<u64>,
}

impl VerifyArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if global.remote().is_some() {
            return self.run_remote(global);
        }
        let (node, armed) = open_armed(global)?;
        let process = find_process(global, &node, &self.process)?.id;
        let bar = progress_bar(global);
        let started = Instant::now();
        let mut progress = |done: u64, all: u64| {
            bar.set_length(all);
            bar.set_position(done);
        };
        let verified = node.verify(process, self.to, &mut progress);
        bar.finish_and_clear();
        let seconds = started.elapsed().as_secs_f64();
        let verified = verified.map_err(|e| armed.error(e))?.map(|verified| {
            let memory = match verified.checkpoint {
                Some(slot) => format!("; the memory matches the checkpoint at slot {slot}"),
                None => "; no checkpoint to compare the memory with".to_string(),
            };
            let words = format!("recompute to the stored results{memory}");
            let extra = json!({ "checkpoint": verified.checkpoint });
            (verified, words, extra)
        });
        report(global, process, verified, (seconds, "stored"))
    }

    /// Recomputes a process of the remote network here and compares with its compute unit.
    fn run_remote(self, global: &GlobalArgs) -> Result<(), CliError> {
        let network = Network::open(global)?;
        let source = network.source().expect("a remote network");
        let process = network.find(global, &self.process)?;
        let (node, armed) = open_armed(global)?;
        let bar = progress_bar(global);
        let started = Instant::now();
        let mut progress = |phase: Phase, done: u64, all: u64| {
            bar.set_message(match phase {
                Phase::Reading => "reading the schedule",
                Phase::Recomputing => "recomputing",
            });
            bar.set_length(all);
            bar.set_position(done);
        };
        let verified = remote::verify(&node, source, process, self.to, &mut progress);
        bar.finish_and_clear();
        let seconds = started.elapsed().as_secs_f64();
        let verified = verified.map_err(|e| replay_error(e, &armed))?;
        let verified = verified.map(|remote| {
            let ticks =
                if remote.ticks_listed { "" } else { " (cron ticks recomputed; the network lists none to compare)" };
            let state = if remote.state { "; the memory matches its state" } else { "" };
            let words = format!("recompute to the results of {}{ticks}{state}", source.describe());
            let document =
                json!({ "network": source.describe(), "ticks_listed": remote.ticks_listed, "state": remote.state, "fetched": remote.fetched });
            (remote.verified, words, document)
        });
        report(global, process, verified, (seconds, "network"))
    }
}

/// Prints what verifying `process` found: a summary (`words`: what matched; `extra`: more for
/// `--json`), exit 0, or the first difference with both sides (`kept`: what the side compared
/// with is called), exit 1.
fn report(
    global: &GlobalArgs,
    process: Id,
    verified: Result<(Verified, String, Value), Difference>,
    (seconds, kept): (f64, &str),
) -> Result<(), CliError> {
    match verified {
        Ok((verified, words, extra)) => {
            let rate = (verified.messages + verified.ticks) as f64 / seconds.max(1e-9);
            if global.json {
                let mut document = json!({
                    "process": process.to_string(),
                    "verified": true,
                    "messages": verified.messages,
                    "ticks": verified.ticks,
                });
                if let (Value::Object(document), Value::Object(extra)) = (&mut document, extra) {
                    document.extend(extra);
                }
                print_json(&document);
            } else {
                println!(
                    "verified {process}: {} messages and {} cron ticks {words}",
                    verified.messages, verified.ticks
                );
                global.detail(format_args!("{seconds:.2} s, {rate:.0} results/s"));
            }
            Ok(())
        }
        Err(difference) => {
            let position = difference.position;
            let place = match (difference.message, position.timestamp) {
                (Some(message), _) => format!("slot {} (message {message})", position.slot),
                (None, 0) => format!("slot {}", position.slot),
                (None, at) => format!("the cron tick at {at} after slot {}", position.slot),
            };
            if global.json {
                print_json(&json!({
                    "process": process.to_string(),
                    "verified": false,
                    "slot": position.slot,
                    "tick": (position.timestamp > 0).then_some(position.timestamp),
                    "message": difference.message.map(|id| id.to_string()),
                    "what": difference.what,
                    "stored": difference.stored,
                    "recomputed": difference.recomputed,
                }));
            } else {
                println!("{process}: {place}: {}", difference.what);
                println!("  {:<11} {}", format!("{kept}:"), shown(&difference.stored));
                println!("  recomputed: {}", shown(&difference.recomputed));
            }
            Err(CliError::failed(format!("{process} does not verify: {place} differs")))
        }
    }
}

fn shown(value: &Option<Value>) -> String {
    value.as_ref().map_or_else(|| "(nothing)".to_string(), Value::to_string)
}

/// Slots read or recomputed, with their rate, on a terminal (not with `-q` or `--json`).
pub(super) fn progress_bar(global: &GlobalArgs) -> ProgressBar {
    use std::io::IsTerminal;
    if global.quiet || global.json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} slots, {per_sec}").expect("a valid template");
    bar.set_style(style);
    bar.set_message("recomputing");
    bar
}
