//! `ao list`: the processes of the embedded node, oldest first: name, id, module (`aos`, or a
//! registered module's Name), messages.
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
        let modules = node.modules().map_err(node_error)?;
        let aos = aos_module_id();
        // A module shows as `aos`, as the Name it was registered with, or as its id.
        let module_name = |id: crate::protocol::Id| match modules.iter().find(|m| m.id == id) {
            _ if id == aos => "aos".to_string(),
            Some(module) => module.name().map_or_else(|| id.to_string(), str::to_string),
            None => id.to_string(),
        };
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
        let module_names: Vec<String> = processes.iter().map(|p| module_name(p.process.module)).collect();
        let module_width = module_names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("MODULE".len());
        println!("{:width$}  {:43}  {:module_width$}  MESSAGES", "NAME", "PROCESS", "MODULE");
        for ((summary, name), module) in processes.iter().zip(names).zip(module_names) {
            println!("{name:width$}  {}  {module:module_width$}  {}", summary.process.id, summary.messages);
        }
        Ok(())
    }
}
