//! `ao result MESSAGE [--process PROCESS]`: prints the stored result of a message.
use clap::Args;

use super::input::{parse_id, signing_wallet};
use super::network::Network;
use super::node_access::{find_process, node_error, open, report};
use super::{CliError, GlobalArgs};
use crate::protocol::Id;

#[derive(Debug, Args)]
pub struct ResultArgs {
    /// The message id
    #[arg(value_parser = parse_id, allow_hyphen_values = true)]
    message: Id,
    /// The process it was scheduled for (id or name) [default: where it was first scheduled;
    /// needed on a remote network]
    #[arg(short = 'p', long = "process", allow_hyphen_values = true)]
    process: Option<String>,
}

impl ResultArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if global.remote().is_some() {
            let wallet = signing_wallet(global)?;
            let network = Network::open(global)?;
            let process = self.process.as_deref().map(|text| network.process(&wallet.address(), text)).transpose()?;
            let outcome = network.result(&wallet, self.message, process)?;
            return report(global, &outcome, false);
        }
        let node = open(global)?;
        let process = match &self.process {
            Some(text) => Some(find_process(global, &node, text)?.id),
            None => None,
        };
        let outcome = node.result(self.message, process).map_err(node_error)?;
        report(global, &outcome, false)
    }
}
