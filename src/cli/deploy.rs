//! `ao deploy [--plan]`: deploys the project's processes to the embedded node or the network
//! `--network` names (`crate::project::deploy`), recording them in `ao.lock`; `--plan` only says
//! what it would do.
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::input::signing_wallet;
use super::network::Network;
use super::spinner::Spinner;
use super::test::manifest;
use super::{CliError, GlobalArgs, print_json};
use crate::node::{ErrorKind, NodeError, SpawnRequest};
use crate::project::deploy::{Deploy, DeployError, SpawnStep, Step, Target};
use crate::protocol::{Id, Tag, Wallet};

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// The project's folder [default: the current folder, or the nearest above with an ao.toml]
    #[arg(short = 'C', long = "project", value_name = "DIR")]
    project: Option<PathBuf>,
    /// Print what the deploy would do, and do nothing
    #[arg(long)]
    plan: bool,
}

/// The network as deploying needs it, acting as the wallet.
struct NetworkTarget<'a> {
    network: &'a Network,
    wallet: &'a Wallet,
}

fn message(error: CliError) -> String {
    match error.hint {
        Some(hint) => format!("{} ({hint})", error.message),
        None => error.message,
    }
}

impl Target for NetworkTarget<'_> {
    fn exists(&self, id: &str) -> Result<Option<bool>, String> {
        let Network::Embedded(node, _) = self.network else { return Ok(None) };
        let Ok(id) = id.parse::<Id>() else { return Ok(Some(false)) };
        match node.process(id) {
            Ok(_) => Ok(Some(true)),
            Err(NodeError::UnknownProcess(_)) => Ok(Some(false)),
            Err(error) => Err(error.to_string()),
        }
    }

    fn named(&self, name: &str) -> Result<Option<String>, String> {
        let owner = self.wallet.address();
        match self.network {
            Network::Embedded(node, _) => match node.resolve(&owner, name) {
                Ok(row) => Ok(Some(row.id.to_string())),
                Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error.to_string()),
            },
            _ => match self.network.gateway() {
                Some(gateway) => {
                    gateway.process_named(&owner, name).map(|id| id.map(|id| id.to_string())).map_err(|e| e.to_string())
                }
                None => Ok(None),
            },
        }
    }

    fn spawn(&self, name: &str, module: &str, tags: Vec<Tag>) -> Result<(String, Option<String>), String> {
        let module = self.network.module(module).map_err(message)?;
        let request = SpawnRequest { name: Some(name.to_string()), module, tags, data: Vec::new(), anchor: None };
        let (outcome, _) = self.network.spawn(self.wallet, request).map_err(message)?;
        let boot_error = outcome.result.error.map(|error| crate::text::plain_error(&error));
        Ok((outcome.process.to_string(), boot_error))
    }

    fn eval(&self, process: &str, code: &str) -> Result<Option<String>, String> {
        let process = process.parse::<Id>().map_err(|e| format!("{process:?}: {e}"))?;
        let tags = vec![Tag::new("Action", "Eval")];
        let outcome = self.network.send(self.wallet, process, tags, code.as_bytes().to_vec()).map_err(message)?;
        Ok(outcome.result.error)
    }
}

impl DeployArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let manifest = manifest(self.project.as_deref())?;
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        // The lock file's name for the network: as the user named it.
        let key = global.remote().map_or("embedded", |named| named.trim_end_matches('/')).to_string();
        let address = wallet.address();
        let target = NetworkTarget { network: &network, wallet: &wallet };
        let deploy = Deploy { manifest: &manifest, network: &key, wallet: &address, target: &target };
        let spinner = Spinner::start(global, if self.plan { "planning" } else { "deploying" });
        let steps = if self.plan { deploy.plan() } else { deploy.run() };
        drop(spinner);
        let steps = match steps {
            Ok(steps) => steps,
            Err(error) => {
                // A script still learns what was done: what the lock file now says.
                if global.json {
                    let lock = crate::project::lock::Lock::read(&manifest.root).ok();
                    let done = lock.and_then(|lock| lock.networks.get(&key).cloned());
                    print_json(&json!({"network": key, "plan": self.plan, "error": error.to_string(), "lock": done}));
                }
                // Stopped by Ctrl-C: exit 130, as every command that evaluates.
                return Err(match &network {
                    Network::Embedded(_, armed) if armed.stopped_by_user() => deploy_error(error).as_interrupted(),
                    _ => deploy_error(error),
                });
            }
        };
        for step in &steps {
            if let Some(warning) = &step.warning {
                global.notice(format_args!("warning: {}: {warning}", step.process));
            }
        }
        for name in deploy.unlisted().map_err(deploy_error)? {
            global.notice(format_args!(
                "note: {name} is in ao.lock but no longer in ao.toml; its process is left as it is"
            ));
        }
        if global.json {
            print_json(&json!({"network": key, "plan": self.plan, "processes": steps}));
            return Ok(());
        }
        let width = steps.iter().map(|s| s.process.len()).max().unwrap_or(0);
        for step in &steps {
            println!(
                "{:width$}  {}",
                step.process,
                describe(step, self.plan, &manifest.processes[&step.process].entry)
            );
        }
        if !steps.iter().any(|s| s.load || s.spawn != SpawnStep::Kept) {
            global.notice(format_args!("nothing to do: {key} has what the manifest says"));
        }
        Ok(())
    }
}

/// What was (or would be) done with a process, as one line.
fn describe(step: &Step, plan: bool, entry: &std::path::Path) -> String {
    let id = step.id.as_deref().unwrap_or("(new)");
    let spawn = match (step.spawn, plan) {
        (SpawnStep::Kept, _) => "unchanged process",
        (SpawnStep::Found, _) => "found by its name",
        (SpawnStep::Spawned, false) => "spawned",
        (SpawnStep::Spawned, true) => "to spawn",
    };
    let load = match (step.load, plan) {
        (false, _) => "source unchanged".to_string(),
        (true, false) => format!("loaded {}", entry.display()),
        (true, true) => format!("to load {}", entry.display()),
    };
    format!("{id}  {spawn}, {load}")
}

fn deploy_error(error: DeployError) -> CliError {
    let text = error.to_string();
    match error {
        DeployError::Load { line: Some(line), .. } => CliError::failed(text).hint(line),
        error if error.is_input() => CliError::input(text),
        _ => CliError::failed(text),
    }
}
