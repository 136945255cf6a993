//! `ao dryrun PROCESS`: evaluates a message without keeping anything and prints the result; with
//! `--slot N`, on the process as it was right after slot N.
use clap::Args;
use serde_json::json;

use super::input::{MessageArgs, signing_wallet};
use super::node_access::{open_armed, report_result, resolve};
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
        let owner = signing_wallet(global)?.address();
        let (node, armed) = open_armed(global)?;
        let process = resolve(&node, &owner, &self.message.process)?;
        let spinner = Spinner::start(global, "evaluating");
        let result = match self.slot {
            Some(slot) => node.dry_run_at(&owner, process.id, slot, &tags, &data),
            None => node.dry_run(&owner, process.id, &tags, &data),
        };
        drop(spinner);
        let result = result.map_err(|e| armed.error(e))?;
        let mut document = json!({"process": process.id.to_string(), "result": result});
        if let Some(slot) = self.slot {
            document["slot"] = json!(slot);
        }
        report_result(global, &document, &result, None)
    }
}
