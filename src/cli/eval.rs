//! `ao eval PROCESS CODE`: evaluates Lua inside a process (an `Eval` message from the wallet) and
//! prints what it printed or returned. `-f FILE` bundles the file's local `require`s as aos's
//! `.load` does, and an error is shown at the file and line it comes from.
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::input::signing_wallet;
use super::network::Network;
use super::node_access::{for_stdout, plain_error, printed_after, report, report_result};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs};
use crate::lua_bundle::{BundleError, LocatedError, LuaBundle};
use crate::protocol::Tag;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Process id, or the name of a process the wallet spawned
    #[arg(allow_hyphen_values = true)]
    process: String,
    /// The Lua code
    #[arg(conflicts_with_all = ["file", "blueprint"], required_unless_present_any = ["file", "blueprint"])]
    code: Option<String>,
    /// Evaluate the Lua in FILE, with the local files it `require`s
    #[arg(short = 'f', long = "file", value_name = "FILE", conflicts_with = "blueprint")]
    file: Option<PathBuf>,
    /// Load a blueprint (token, chatroom, voting, staking, arena, chat, htoken, patch-legacy-reply,
    /// apm, arns, cred-utils)
    #[arg(long = "blueprint", value_name = "NAME")]
    blueprint: Option<String>,
    /// Evaluate as a dry run on the process as it was right after slot N's message (nothing is
    /// sent or kept)
    #[arg(long, value_name = "N")]
    slot: Option<u64>,
}

/// The blueprints ao ships, compiled in.
pub const BLUEPRINTS: [(&str, &str); 11] = [
    ("token", include_str!("../../lua/blueprints/token.lua")),
    ("chatroom", include_str!("../../lua/blueprints/chatroom.lua")),
    ("voting", include_str!("../../lua/blueprints/voting.lua")),
    ("staking", include_str!("../../lua/blueprints/staking.lua")),
    ("arena", include_str!("../../lua/blueprints/arena.lua")),
    ("chat", include_str!("../../lua/blueprints/chat.lua")),
    ("htoken", include_str!("../../lua/blueprints/htoken.lua")),
    ("patch-legacy-reply", include_str!("../../lua/blueprints/patch-legacy-reply.lua")),
    ("apm", include_str!("../../lua/blueprints/apm.lua")),
    ("arns", include_str!("../../lua/blueprints/arns.lua")),
    ("cred-utils", include_str!("../../lua/blueprints/cred-utils.lua")),
];

/// The source of blueprint `name`.
pub fn blueprint(name: &str) -> Result<&'static str, CliError> {
    match BLUEPRINTS.iter().find(|(n, _)| *n == name) {
        Some((_, source)) => Ok(source),
        None => {
            let names: Vec<&str> = BLUEPRINTS.iter().map(|(n, _)| *n).collect();
            Err(CliError::input(format!("no blueprint {name:?}; there are {}", names.join(", "))))
        }
    }
}

/// Reads and bundles a Lua file for evaluation; prints the file tree when it requires others.
pub fn load_file(global: &GlobalArgs, path: &std::path::Path) -> Result<LuaBundle, CliError> {
    let bundle = LuaBundle::load(path).map_err(|e| match e {
        // As a syntax error in the main file is, when the process finds it.
        BundleError::Syntax { .. } => CliError::failed(e.to_string()),
        e => CliError::input(e.to_string()),
    })?;
    if bundle.files().count() > 1 {
        global.notice(format_args!("bundled with its local requires:\n{}", bundle.tree().trim_end()));
    }
    Ok(bundle)
}

/// An evaluation error as one line: the location in the evaluated code (the file and line it
/// came from, for a bundle) and the message, without the process library's own frames.
pub fn located_error(error: &str, bundle: Option<&LuaBundle>) -> CliError {
    let Some(located) = LocatedError::of(error, bundle) else { return CliError::failed(plain_error(error)) };
    let failed = CliError::failed(located.to_string());
    match &located.origin {
        Some(origin) => failed.hint(format!("{:>4} | {}", origin.line, origin.text.trim_end())),
        None => failed,
    }
}

/// Evaluates `code` in `process` (an `Eval` message from `wallet`) and prints as `ao eval` does:
/// what it printed and sent, an error at the line (of `bundle`'s file) it comes from, and what it
/// caused in the process in the same command (a `.receive()` continuation whose reply came at
/// once), as the REPL's feed shows it.
pub fn evaluate(
    global: &GlobalArgs,
    network: &Network,
    wallet: &crate::protocol::Wallet,
    process: crate::protocol::Id,
    code: &str,
    bundle: Option<&LuaBundle>,
) -> Result<(), CliError> {
    let spinner = Spinner::start(global, "evaluating");
    let outcome = network.send(wallet, process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec());
    drop(spinner);
    let outcome = outcome?;
    report(global, &outcome, false).map_err(|failed| match &outcome.result.error {
        Some(error) if !global.json => located_error(error, bundle),
        _ => failed,
    })?;
    if let (Network::Embedded(node, _), false) = (network, global.json) {
        for text in printed_after(node, process, outcome.slot, outcome.id) {
            println!("{}", for_stdout(global, &text));
        }
    }
    Ok(())
}

impl EvalArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let bundle = self.file.as_deref().map(|path| load_file(global, path)).transpose()?;
        let code = match (&self.code, &bundle, &self.blueprint) {
            (Some(code), _, _) => code.clone(),
            (_, Some(bundle), _) => bundle.code().to_string(),
            (_, _, Some(name)) => blueprint(name)?.to_string(),
            (None, None, None) => unreachable!("clap requires one of them"),
        };
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        let process = network.process(&wallet.address(), &self.process)?;
        let Some(slot) = self.slot else { return evaluate(global, &network, &wallet, process, &code, bundle.as_ref()) };
        // A dry run in the past: nothing is sent.
        let spinner = Spinner::start(global, "evaluating");
        let result = network.dry_run(&wallet, process, (&[Tag::new("Action", "Eval")], code.as_bytes()), Some(slot));
        drop(spinner);
        let result = result?;
        let document = json!({"process": process.to_string(), "slot": slot, "result": result});
        report_result(global, &document, &result, None).map_err(|failed| match &result.error {
            Some(error) if !global.json => located_error(error, bundle.as_ref()),
            _ => failed,
        })
    }
}
