//! `ao network`: which network commands use (the embedded node, `--network URL|NAME`, the legacy
//! units' flags) and whether each of its units answers (exit 1 if one does not); `ao network
//! list` the named networks; `ao network add NAME URL` (or with the legacy units' flags) and
//! `ao network remove NAME` edit the user's networks file.
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::named_networks::{self, Units};
use super::network::Network;
use super::node_access::{home, node_error, open};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::net::remote::Check;

#[derive(Debug, Args)]
pub struct NetworkArgs {
    #[command(subcommand)]
    command: Option<NetworkCommand>,
}

#[derive(Debug, Subcommand)]
enum NetworkCommand {
    /// The named networks: built in (local, mainnet, legacy) and the networks file's
    List,
    /// Name a network: a node's URL, or the legacy units given with --mu-url, --cu-url, --su-url
    Add {
        name: String,
        /// The node's URL (an `ao serve` or a HyperBEAM node)
        url: Option<String>,
    },
    /// Forget a named network of the networks file
    Remove { name: String },
}

impl NetworkArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self.command {
            None => show(global),
            Some(NetworkCommand::List) => list(global),
            Some(NetworkCommand::Add { name, url }) => {
                let units = match (url, &global.mu_url, &global.cu_url, &global.su_url) {
                    (Some(url), None, ..) => Units::Node { url },
                    (None, Some(mu), Some(cu), Some(su)) => Units::Legacy {
                        mu: mu.clone(),
                        cu: cu.clone(),
                        su: su.clone(),
                        gateway: global.gateway_url.clone(),
                    },
                    _ => {
                        return Err(CliError::input(
                            "give the node's URL, or the legacy units' --mu-url, --cu-url and --su-url (not both)",
                        ));
                    }
                };
                let path = named_networks::add(&name, units)?;
                global.notice(format_args!("network {name:?} kept in {}", path.display()));
                Ok(())
            }
            Some(NetworkCommand::Remove { name }) => match named_networks::remove(&name)? {
                true => Ok(()),
                false => Err(CliError::input(format!("the networks file has no network {name:?}"))
                    .hint("the built-in ones cannot be removed; the file can override them")),
            },
        }
    }
}

/// What commands use now, and whether it answers.
fn show(global: &GlobalArgs) -> Result<(), CliError> {
    let Some(units) = Network::units(global)? else {
        let node = open(global)?;
        let processes = node.processes().map_err(node_error)?.len();
        let home = home(global)?;
        if global.json {
            print_json(&json!({
                "network": "embedded",
                "home": home.display().to_string(),
                "scheduler": node.unit_address(),
                "processes": processes,
            }));
        } else {
            let plural = if processes == 1 { "" } else { "es" };
            let scheduler = node.unit_address();
            println!("the embedded node at {} (scheduler {scheduler}, {processes} process{plural})", home.display());
        }
        return Ok(());
    };
    let spinner = Spinner::start(global, "asking the units");
    let checks = match Network::remote(&units, global.unit_timeout())? {
        Network::Remote(node) => node.check(),
        Network::Legacy(units) => units.check(),
        Network::Embedded(..) => unreachable!("units name a remote network"),
    };
    drop(spinner);
    let answered = checks.iter().all(|check| check.answer.is_ok());
    if global.json {
        let units: Vec<Value> = checks.iter().map(check_json).collect();
        print_json(&json!({ "network": global.remote(), "answers": answered, "units": units }));
    } else {
        println!("{}", global.remote().unwrap_or_default());
        for check in &checks {
            match &check.answer {
                Ok(answer) => println!("  {:<20} {}  answers ({answer}, {} ms)", check.unit, check.url, check.millis),
                Err(error) => println!("  {:<20} {}  does not answer: {error}", check.unit, check.url),
            }
        }
    }
    match answered {
        true => Ok(()),
        false => Err(CliError::failed("a unit of the network does not answer")),
    }
}

fn check_json(check: &Check) -> Value {
    let mut value = json!({ "unit": check.unit, "url": check.url, "millis": check.millis });
    match &check.answer {
        Ok(answer) => value["answer"] = json!(answer),
        Err(error) => value["error"] = json!(error.to_string()),
    }
    value
}

/// The named networks.
fn list(global: &GlobalArgs) -> Result<(), CliError> {
    let all = named_networks::all()?;
    if global.json {
        let rows: Vec<Value> =
            all.iter().map(|(name, (units, own))| json!({ "name": name, "units": units, "from_file": own })).collect();
        print_json(&json!(rows));
        return Ok(());
    }
    let width = all.keys().map(|name| name.chars().count()).max().unwrap_or(0);
    for (name, (units, own)) in &all {
        let source = if *own { "" } else { "  (built in)" };
        match units {
            Units::Node { url } => println!("{name:width$}  {url}{source}"),
            Units::Legacy { mu, cu, su, gateway } => {
                let gateway = gateway.as_deref().map(|g| format!(" gateway {g}")).unwrap_or_default();
                println!("{name:width$}  mu {mu} cu {cu} su {su}{gateway}{source}");
            }
        }
    }
    global.detail(format_args!("networks file: {}", named_networks::file()?.display()));
    Ok(())
}
