//! `ao dryrun PROCESS`: evaluates a message without keeping anything and prints the result; with
//! `--slot N`, on the process as it was right after slot N.
use clap::Args;
use serde_json::json;

use super::input::{MessageArgs, signing_wallet};
use super::network::Network;
use super::node_access::report_result;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs};

#[derive(Debug, Args)]
pub struct DryrunArgs {
    #[command(flatten)]
    message: MessageArgs,
    /// Evaluate on the process as it was right after slot N's message (recomputed from its log)
    #[arg(long, value_name = "N")]
    slot: Option<u64>,
}

impl DryrunArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let (tags, data) = self.message.tags_and_data()?;
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        let process = network.process(&wallet.address(), &self.message.process)?;
        let spinner = Spinner::start(global, "evaluating");
        let result = network.dry_run(&wallet, process, (&tags, &data), self.slot);
        drop(spinner);
        let result = result?;
        let mut document = json!({"process": process.to_string(), "result": result});
        if let Some(slot) = self.slot {
            document["slot"] = json!(slot);
        }
        report_result(global, &document, &result, None)
    }
}
