//! `ao send PROCESS`: sends a signed message, then prints its id and its result.
use clap::Args;

use super::input::{TagsAndData, read_data, signing_wallet};
use super::node_access::{node_error, open, report, resolve};
use super::{CliError, GlobalArgs};
use crate::protocol::Tag;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Process id, or the name of a process the wallet spawned
    process: String,
    /// The message's `Action` tag
    #[arg(short = 'a', long = "action")]
    action: Option<String>,
    #[command(flatten)]
    input: TagsAndData,
}

impl SendArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let data = read_data(self.input.data.as_deref())?;
        let wallet = signing_wallet(global)?;
        let mut node = open(global)?;
        let process = resolve(&node, &wallet.address(), &self.process)?;
        let mut tags = self.input.tags;
        if let Some(action) = self.action {
            tags.insert(0, Tag::new("Action", action));
        }
        let outcome = node.send(&wallet, process.id, tags, data).map_err(node_error)?;
        report(global, &outcome, true)
    }
}
