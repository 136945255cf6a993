//! `ao spawn [NAME]`: starts a process on the embedded node and prints its id.
use clap::Args;
use serde_json::json;

use super::input::{parse_tag, read_data, signing_wallet};
use super::node_access::{error_of, node_error, open};
use super::{CliError, GlobalArgs, print_json};
use crate::node::SpawnRequest;
use crate::protocol::Tag;

#[derive(Debug, Args)]
pub struct SpawnArgs {
    /// The process's name (its `Name` tag), unique for the wallet
    name: Option<String>,
    /// A tag for the spawn, NAME=VALUE (repeatable)
    #[arg(short = 't', long = "tag", value_name = "NAME=VALUE", value_parser = parse_tag)]
    tags: Vec<Tag>,
    /// The spawn's data: TEXT, or @FILE
    #[arg(short = 'd', long = "data", value_name = "TEXT|@FILE")]
    data: Option<String>,
}

impl SpawnArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let data = read_data(self.data.as_deref())?;
        let wallet = signing_wallet(global)?;
        let mut node = open(global)?;
        let request = SpawnRequest { name: self.name.clone(), tags: self.tags, data };
        let outcome = node.spawn(&wallet, request).map_err(node_error)?;
        let module =
            node.processes().map_err(node_error)?.into_iter().find(|p| p.id == outcome.process).map(|p| p.module);
        if global.json {
            print_json(
                &json!({"process": outcome.process.to_string(), "name": self.name, "module": module.map(|m| m.to_string())}),
            );
        } else {
            println!("{}", outcome.process);
        }
        match error_of(&outcome.result) {
            Some(error) => Err(CliError::failed(format!("the process booted with an error: {error}"))),
            None => Ok(()),
        }
    }
}
