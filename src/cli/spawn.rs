//! `ao spawn [NAME]`: starts a process on the embedded node (or a remote network) and prints its id.
use clap::Args;
use serde_json::json;

use super::input::{TagsAndData, read_data, signing_wallet};
use super::network::Network;
use super::node_access::warn_undelivered;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::node::SpawnRequest;

#[derive(Debug, Args)]
pub struct SpawnArgs {
    /// The process's name (its `Name` tag), unique for the wallet
    name: Option<String>,
    /// The module to run: `aos` (ao's own; on a remote network the one aos uses there), a module
    /// id, or a module's Name (registered with `ao module add`, or on the network's gateway)
    #[arg(short = 'm', long = "module", value_name = "aos|ID|NAME", default_value = "aos", allow_hyphen_values = true)]
    module: String,
    /// Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes,
    /// 1-hour, 2-blocks), as `aos --cron` does
    #[arg(long, value_name = "INTERVAL")]
    cron: Option<String>,
    #[command(flatten)]
    input: TagsAndData,
}

impl SpawnArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let data = read_data(self.input.data.as_deref())?;
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        let module = network.module(&self.module)?;
        let mut tags = self.input.tags;
        if let Some(interval) = &self.cron {
            tags.extend(crate::node::cron_tags(interval));
        }
        let request = SpawnRequest { name: self.name.clone(), module, tags, data };
        let spinner = Spinner::start(global, "spawning");
        let (outcome, module) = network.spawn(&wallet, request)?;
        drop(spinner);
        if global.json {
            print_json(
                &json!({"process": outcome.process.to_string(), "name": self.name, "module": module.to_string()}),
            );
        } else {
            println!("{}", outcome.process);
        }
        warn_undelivered(global, &outcome.undelivered);
        match &outcome.result.error {
            Some(error) => Err(CliError::failed(format!("the process booted with an error: {error}"))),
            None => Ok(()),
        }
    }
}
