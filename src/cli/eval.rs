//! `ao eval PROCESS CODE`: evaluates Lua inside a process (an `Eval` message from the wallet) and
//! prints what it printed or returned.
use std::path::PathBuf;

use clap::Args;

use super::input::{read_file, signing_wallet};
use super::node_access::{node_error, open, report, resolve};
use super::{CliError, GlobalArgs};
use crate::protocol::Tag;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Process id, or the name of a process the wallet spawned
    process: String,
    /// The Lua code
    #[arg(conflicts_with_all = ["file", "blueprint"], required_unless_present_any = ["file", "blueprint"])]
    code: Option<String>,
    /// Evaluate the Lua in FILE
    #[arg(short = 'f', long = "file", value_name = "FILE", conflicts_with = "blueprint")]
    file: Option<PathBuf>,
    /// Load a blueprint (token, chatroom, voting, staking, arena)
    #[arg(long = "blueprint", value_name = "NAME")]
    blueprint: Option<String>,
}

/// The blueprints ao ships, compiled in.
const BLUEPRINTS: [(&str, &str); 5] = [
    ("token", include_str!("../../lua/blueprints/token.lua")),
    ("chatroom", include_str!("../../lua/blueprints/chatroom.lua")),
    ("voting", include_str!("../../lua/blueprints/voting.lua")),
    ("staking", include_str!("../../lua/blueprints/staking.lua")),
    ("arena", include_str!("../../lua/blueprints/arena.lua")),
];

impl EvalArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let code = match (self.code, self.file, self.blueprint) {
            (Some(code), _, _) => code.into_bytes(),
            (_, Some(file), _) => read_file(&file)?,
            (_, _, Some(name)) => match BLUEPRINTS.iter().find(|(n, _)| *n == name) {
                Some((_, source)) => source.as_bytes().to_vec(),
                None => {
                    let names: Vec<&str> = BLUEPRINTS.iter().map(|(n, _)| *n).collect();
                    return Err(CliError::input(format!("no blueprint {name:?}; there are {}", names.join(", "))));
                }
            },
            (None, None, None) => unreachable!("clap requires one of them"),
        };
        let wallet = signing_wallet(global)?;
        let mut node = open(global)?;
        let process = resolve(&node, &wallet.address(), &self.process)?;
        let outcome = node.send(&wallet, process.id, vec![Tag::new("Action", "Eval")], code).map_err(node_error)?;
        report(global, &outcome, false)
    }
}
