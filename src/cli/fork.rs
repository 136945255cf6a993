//! `ao fork PROCESS [--name NAME] [--at SLOT]`: brings a process of a remote network into the
//! embedded node — its schedule read from its scheduler through SLOT (its newest by default),
//! recomputed here and kept — so that it goes on locally: later messages go to the local copy
//! only; the original is untouched.
use clap::Args;
use serde_json::json;

use super::input::signing_wallet;
use super::network::{Network, replay_error};
use super::node_access::open_armed;
use super::spinner::Spinner;
use super::verify::progress_bar;
use super::{CliError, GlobalArgs, print_json};
use crate::net::remote;
use crate::node::ErrorKind;

#[derive(Debug, Args)]
pub struct ForkArgs {
    /// The remote process: its id, or the name of a process the wallet spawned there
    #[arg(allow_hyphen_values = true)]
    process: String,
    /// The local name for the copy (the wallet's handle on it, as `ao spawn NAME` gives)
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Fork it as it was right after slot SLOT [default: its newest]
    #[arg(long, value_name = "SLOT")]
    at: Option<u64>,
    /// Take its memory from the network's compute unit (`/state`) instead of recomputing its
    /// schedule (when that is impossible here: WeaveDrive data, a schedule not served whole)
    #[arg(long)]
    from_state: bool,
}

impl ForkArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let network = Network::open(global)?;
        let source = network.source().ok_or_else(|| {
            CliError::input("`ao fork` brings a process from a remote network: name one")
                .hint("--network URL (AO_NETWORK), or --mu-url, --cu-url and --su-url")
        })?;
        let wallet = signing_wallet(global)?;
        let process = network.process(&wallet.address(), &self.process)?;
        let (node, armed) = open_armed(global)?;
        let (holder, name) = (wallet.address(), self.name.as_deref());
        let (slot, fetched) = if self.from_state {
            let spinner = Spinner::start(global, "reading the state");
            let state = remote::fetch_state(&node, source, process, self.at);
            drop(spinner);
            let state = state.map_err(|e| replay_error(e, &armed))?;
            let [spawn, at] = &state.results;
            let forked = node.fork_from_state((&state.spawn, &state.at), state.memory, [spawn, at], &holder, name);
            forked.map_err(|e| armed.error(e))?;
            (state.at.scheduled.slot(), 2)
        } else {
            let bar = progress_bar(global);
            bar.set_message("reading the schedule");
            let fetched = remote::fetch_history(&node, source, process, self.at, &mut |_, done, all| {
                bar.set_length(all);
                bar.set_position(done);
            });
            bar.finish_and_clear();
            let fetched = fetched.map_err(|e| replay_error(e, &armed))?;
            let spinner = Spinner::start(global, "recomputing");
            let outcome = node.fork(&fetched.slots, &holder, name);
            drop(spinner);
            let outcome = outcome.map_err(|error| match error.kind() {
                ErrorKind::Conflict | ErrorKind::Interrupted => armed.error(error),
                _ => armed
                    .error(error)
                    .hint("if it cannot be recomputed here, --from-state takes its memory from the network"),
            })?;
            (outcome.slot, fetched.fetched)
        };
        if global.json {
            print_json(&json!({
                "process": process.to_string(),
                "slot": slot,
                "name": self.name,
                "network": source.describe(),
                "fetched": fetched,
                "from_state": self.from_state,
            }));
        } else {
            let name = self.name.map(|name| format!(" as {name:?}")).unwrap_or_default();
            let how = if self.from_state { " (its state)" } else { "" };
            println!("forked {process} at slot {slot}{how} from {} into the embedded node{name}", source.describe());
            global.notice("later messages to it (without --network) go to the local copy only");
        }
        Ok(())
    }
}
