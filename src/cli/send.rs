//! `ao send PROCESS`: sends a signed message, then prints its id and its result.
use clap::Args;

use super::input::{MessageArgs, signing_wallet};
use super::node_access::{open_armed, report, resolve};
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
        let (node, armed) = open_armed(global)?;
        let process = resolve(&node, &wallet.address(), &self.message.process)?;
        let spinner = Spinner::start(global, "evaluating");
        let outcome = node.send(&wallet, process.id, tags, data).map_err(|e| armed.error(e))?;
        drop(spinner);
        report(global, &outcome, true)
    }
}
