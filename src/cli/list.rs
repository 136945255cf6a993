//! `ao list`: the processes of the embedded node, oldest first — or on a remote network the
//! wallet's processes as the gateway's GraphQL lists them (as `aos --list`), newest first: name,
//! id, module (`aos`, or a registered module's Name), messages (the schedule's length).
use clap::Args;
use serde_json::json;

use super::input::signing_wallet;
use super::network::{Network, remote_error};
use super::node_access::node_error;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::runtime::aos_module_id;

#[derive(Debug, Args)]
pub struct ListArgs {}

/// One process as listed.
struct Row {
    name: Option<String>,
    process: String,
    module: String,
    /// How the module is shown: `aos`, its Name, or its id.
    module_name: String,
    owner: String,
    /// Slots in its schedule (`None`: the network did not say).
    messages: Option<u64>,
}

impl ListArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let network = Network::open_to_read(global)?;
        let rows = match &network {
            Network::Embedded(node, _) => embedded_rows(node)?,
            remote => {
                let _spinner = Spinner::start(global, "asking the network");
                remote_rows(global, remote)?
            }
        };
        if global.json {
            let rows: Vec<_> = rows
                .iter()
                .map(|p| {
                    json!({
                        "name": p.name,
                        "process": p.process,
                        "module": p.module,
                        "owner": p.owner,
                        "messages": p.messages,
                    })
                })
                .collect();
            print_json(&json!(rows));
            return Ok(());
        }
        if rows.is_empty() {
            global.notice("no processes yet; spawn one with `ao spawn NAME`");
            return Ok(());
        }
        let width = |text: fn(&Row) -> &str, title: &str| {
            rows.iter().map(|row| text(row).chars().count()).max().unwrap_or(0).max(title.len())
        };
        let name_width = width(|row| row.name.as_deref().unwrap_or("-"), "NAME");
        let module_width = width(|row| &row.module_name, "MODULE");
        println!("{:name_width$}  {:43}  {:module_width$}  MESSAGES", "NAME", "PROCESS", "MODULE");
        for row in &rows {
            let messages = row.messages.map_or_else(|| "?".to_string(), |n| n.to_string());
            let name = row.name.as_deref().unwrap_or("-");
            println!("{name:name_width$}  {}  {:module_width$}  {messages}", row.process, row.module_name);
        }
        Ok(())
    }
}

/// The embedded node's processes, oldest first.
fn embedded_rows(node: &crate::node::Node) -> Result<Vec<Row>, CliError> {
    let processes = node.processes().map_err(node_error)?;
    let modules = node.modules().map_err(node_error)?;
    let aos = aos_module_id();
    // A module shows as `aos`, as the Name it was registered with, or as its id.
    let module_name = |id: crate::protocol::Id| match modules.iter().find(|m| m.id == id) {
        _ if id == aos => "aos".to_string(),
        Some(module) => module.name().map_or_else(|| id.to_string(), str::to_string),
        None => id.to_string(),
    };
    Ok(processes
        .into_iter()
        .map(|p| Row {
            name: p.process.name,
            process: p.process.id.to_string(),
            module: p.process.module.to_string(),
            module_name: module_name(p.process.module),
            owner: p.process.owner,
            messages: Some(p.messages),
        })
        .collect())
}

/// The wallet's processes on a remote network, as its gateway lists them, newest first.
fn remote_rows(global: &GlobalArgs, network: &Network) -> Result<Vec<Row>, CliError> {
    let gateway = network.gateway().ok_or_else(|| {
        CliError::input("listing a wallet's processes needs a gateway").hint("name one with --gateway-url")
    })?;
    let owner = signing_wallet(global)?.address();
    let source = network.source().expect("a remote network");
    let spawned = gateway.processes_of(&owner).map_err(remote_error)?;
    let aos = aos_module_id().to_string();
    Ok(spawned
        .into_iter()
        .map(|p| Row {
            name: p.name,
            process: p.id.to_string(),
            module_name: if p.module == aos { "aos".to_string() } else { p.module.clone() },
            module: p.module,
            owner: owner.clone(),
            messages: source.newest_slot(p.id).ok().map(|slot| slot + 1),
        })
        .collect())
}
