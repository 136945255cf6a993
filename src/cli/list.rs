//! `ao list`: the processes of the embedded node, oldest first: name, id, module, messages.
use clap::Args;
use serde_json::json;

use super::node_access::{node_error, open};
use super::{CliError, GlobalArgs, print_json};
use crate::runtime::aos_module_id;

#[derive(Debug, Args)]
pub struct ListArgs {}

impl ListArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let node = open(global)?;
        let processes = node.processes().map_err(node_error)?;
        let aos = aos_module_id().to_string();
        let module_name = |id: String| if id == aos { "aos".to_string() } else { id };
        if global.json {
            let rows: Vec<_> = processes
                .iter()
                .map(|p| {
                    json!({
                        "name": p.process.name,
                        "process": p.process.id.to_string(),
                        "module": p.process.module.to_string(),
                        "owner": p.process.owner,
                        "messages": p.messages,
                    })
                })
                .collect();
            print_json(&json!(rows));
            return Ok(());
        }
        if processes.is_empty() {
            global.notice("no processes yet; spawn one with `ao spawn NAME`");
            return Ok(());
        }
        let names: Vec<&str> = processes.iter().map(|p| p.process.name.as_deref().unwrap_or("-")).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("NAME".len());
        println!("{:width$}  {:43}  {:6}  MESSAGES", "NAME", "PROCESS", "MODULE");
        for (summary, name) in processes.iter().zip(names) {
            let module = module_name(summary.process.module.to_string());
            println!("{name:width$}  {}  {module:6}  {}", summary.process.id, summary.messages);
        }
        Ok(())
    }
}
