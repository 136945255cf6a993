//! `ao verify PROCESS [--to SLOT]`: recomputes a process from its log, apart from the live one,
//! and compares every stored result (cron ticks included) and the memory at its newest checkpoint
//! with what recomputing gives; names the first place that differs (exit 1), or sums up (exit 0).
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use super::node_access::{find_process, open_armed};
use super::{CliError, GlobalArgs, print_json};

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
        let (node, armed) = open_armed(global)?;
        let process = find_process(global, &node, &self.process)?;
        let bar = progress_bar(global);
        let started = Instant::now();
        let mut progress = |done: u64, all: u64| {
            bar.set_length(all);
            bar.set_position(done);
        };
        let verified = node.verify(process.id, self.to, &mut progress);
        bar.finish_and_clear();
        let seconds = started.elapsed().as_secs_f64();
        match verified.map_err(|e| armed.error(e))? {
            Ok(verified) => {
                let rate = (verified.messages + verified.ticks) as f64 / seconds.max(1e-9);
                if global.json {
                    print_json(&json!({
                        "process": process.id.to_string(),
                        "verified": true,
                        "messages": verified.messages,
                        "ticks": verified.ticks,
                        "checkpoint": verified.checkpoint,
                    }));
                } else {
                    let memory = match verified.checkpoint {
                        Some(slot) => format!("; the memory matches the checkpoint at slot {slot}"),
                        None => "; no checkpoint to compare the memory with".to_string(),
                    };
                    println!(
                        "verified {}: {} messages and {} cron ticks recompute to the stored results{memory}",
                        process.id, verified.messages, verified.ticks
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
                        "process": process.id.to_string(),
                        "verified": false,
                        "slot": position.slot,
                        "tick": (position.timestamp > 0).then_some(position.timestamp),
                        "message": difference.message.map(|id| id.to_string()),
                        "what": difference.what,
                        "stored": difference.stored,
                        "recomputed": difference.recomputed,
                    }));
                } else {
                    println!("{}: {place}: {}", process.id, difference.what);
                    println!("  stored:     {}", shown(&difference.stored));
                    println!("  recomputed: {}", shown(&difference.recomputed));
                }
                Err(CliError::failed(format!("{} does not verify: {place} differs", process.id)))
            }
        }
    }
}

fn shown(value: &Option<Value>) -> String {
    value.as_ref().map_or_else(|| "(nothing)".to_string(), Value::to_string)
}

/// Slots recomputed, with their rate, on a terminal (not with `-q` or `--json`).
fn progress_bar(global: &GlobalArgs) -> ProgressBar {
    use std::io::IsTerminal;
    if global.quiet || global.json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("recomputing {bar:30} {pos}/{len} slots, {per_sec}").expect("a valid template");
    bar.set_style(style);
    bar
}
