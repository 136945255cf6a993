//! `ao dryrun PROCESS`: evaluates a message without keeping anything and prints the result.
use clap::Args;
use serde_json::json;

use super::input::{MessageArgs, signing_wallet};
use super::node_access::{node_error, open, report_result, resolve};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs};

#[derive(Debug, Args)]
pub struct DryrunArgs {
    #[command(flatten)]
    message: MessageArgs,
}

impl DryrunArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let (tags, data) = self.message.tags_and_data()?;
        let owner = signing_wallet(global)?.address();
        let node = open(global)?;
        let process = resolve(&node, &owner, &self.message.process)?;
        let spinner = Spinner::start(global, "evaluating");
        let result = node.dry_run(&owner, process.id, &tags, &data).map_err(node_error)?;
        drop(spinner);
        report_result(global, &json!({"process": process.id.to_string(), "result": result}), &result, None)
    }
}
