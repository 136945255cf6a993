//! `ao send PROCESS`: sends a signed message, then prints its id and its result.
use clap::Args;

use super::input::{MessageArgs, signing_wallet};
use super::network::Network;
use super::node_access::report;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs};

#[derive(Debug, Args)]
pub struct SendArgs {
    #[command(flatten)]
    message: MessageArgs,
}

impl SendArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let (tags, data) = self.message.tags_and_data()?;
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        let process = network.process(&wallet.address(), &self.message.process)?;
        let spinner = Spinner::start(global, "evaluating");
        let outcome = network.send(&wallet, process, tags, data)?;
        drop(spinner);
        report(global, &outcome, true)
    }
}
