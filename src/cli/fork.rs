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
        let bar = progress_bar(global);
        bar.set_message("reading the schedule");
        let fetched = remote::fetch_history(&node, source, process, self.at, &mut |_, done, all| {
            bar.set_length(all);
            bar.set_position(done);
        });
        bar.finish_and_clear();
        let fetched = fetched.map_err(|e| replay_error(e, &armed))?;
        let spinner = Spinner::start(global, "recomputing");
        let outcome = node.fork(&fetched.slots, &wallet.address(), self.name.as_deref());
        drop(spinner);
        let outcome = outcome.map_err(|e| armed.error(e))?;
        if global.json {
            print_json(&json!({
                "process": process.to_string(),
                "slot": outcome.slot,
                "name": self.name,
                "network": source.describe(),
                "fetched": fetched.fetched,
            }));
        } else {
            let name = self.name.map(|name| format!(" as {name:?}")).unwrap_or_default();
            println!(
                "forked {process} at slot {} from {} into the embedded node{name}",
                outcome.slot,
                source.describe()
            );
            global.notice("later messages to it (without --network) go to the local copy only");
        }
        Ok(())
    }
}
