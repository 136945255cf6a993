//! Opening the embedded node for a command (`--home`, `AO_HOME`, else the platform data dir),
//! naming processes (`PROCESS` is an id or a name the wallet spawned), node errors as CLI errors,
//! and printing a message's result.
use std::path::PathBuf;

use serde_json::{Value, json};

use super::input::{wallet_error, wallet_path};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::node::{Node, NodeError, Outcome, ProcessRow};
use crate::protocol::Id;
use crate::text::strip_ansi;
use crate::wallet_file::{self, WalletFileError};

pub fn home(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    match &global.home {
        Some(home) => Ok(home.clone()),
        None => directories::ProjectDirs::from("", "", "ao")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or_else(|| CliError::input("no data directory for the embedded node; pass --home DIR")),
    }
}

pub fn open(global: &GlobalArgs) -> Result<Node, CliError> {
    let home = home(global)?;
    let _spinner = Spinner::start(global, "opening the node");
    Node::open(&home).map_err(node_error)
}

pub fn node_error(error: NodeError) -> CliError {
    match error {
        NodeError::UnknownProcess(name) => CliError::input(format!("no process {name:?}"))
            .hint("`ao list` shows the processes; spawn one with `ao spawn NAME`"),
        NodeError::UnknownModule(_) => {
            CliError::input(error.to_string()).hint("`ao module add FILE --format FORMAT` registers one")
        }
        NodeError::UnknownMessage(_)
        | NodeError::InvalidModule(_)
        | NodeError::NameTaken { .. }
        | NodeError::Limit(_)
        | NodeError::CannotBoot(_)
        | NodeError::Cron(_)
        | NodeError::Refused { .. } => CliError::input(error.to_string()),
        other => CliError::failed(other.to_string()),
    }
}

pub fn resolve(node: &Node, owner: &str, text: &str) -> Result<ProcessRow, CliError> {
    node.resolve(owner, text).map_err(node_error)
}

/// The process `text` names, for commands that only read: an id needs no wallet; a name is looked
/// up among the wallet's processes (the wallet is not created if missing).
pub fn find_process(global: &GlobalArgs, node: &Node, text: &str) -> Result<ProcessRow, CliError> {
    if let Ok(id) = text.parse::<Id>()
        && let Ok(row) = node.process(id)
    {
        return Ok(row);
    }
    let path = wallet_path(global)?;
    let owner = match wallet_file::load(&path) {
        Ok(wallet) => wallet.address(),
        Err(WalletFileError::NotFound(_)) if global.wallet.is_none() => String::new(),
        Err(error) => return Err(wallet_error(error, &path)),
    };
    resolve(node, &owner, text)
}

/// The error text of a result, if it failed.
pub fn error_of(result: &Value) -> Option<String> {
    match result.get("Error") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// What a result printed: `Output.data` (or `Output` itself when it is text), as aos shows it.
pub fn output_text(result: &Value) -> String {
    let output = &result["Output"];
    let data = output.get("data").unwrap_or(output);
    match data.get("output") {
        // Older aos (and the modules built from it) return `{output, prompt, json}`: as aos shows
        // them, the `output` field, or nothing when there is only a prompt.
        Some(output) => value_text(output),
        None if data.get("prompt").is_some() => String::new(),
        None => value_text(data),
    }
}

/// A JSON value as text: a string as itself, null as nothing, anything else as JSON.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Prints a message's outcome (`--json`: `{"id", "process", "slot", "result"}`) and turns a
/// result with an Error into exit 1.
pub fn report(global: &GlobalArgs, outcome: &Outcome, show_id: bool) -> Result<(), CliError> {
    let document = json!({"id": outcome.id.to_string(), "process": outcome.process.to_string(), "slot": outcome.slot, "result": outcome.result});
    let heading = show_id.then(|| outcome.id.to_string());
    global.detail(format_args!("message {} is slot {} of process {}", outcome.id, outcome.slot, outcome.process));
    report_result(global, &document, &outcome.result, heading.as_deref())
}

/// Prints `document` (with `--json`) or `heading` and what `result` printed and sent (as text),
/// and turns a result with an Error into exit 1.
pub fn report_result(
    global: &GlobalArgs,
    document: &Value,
    result: &Value,
    heading: Option<&str>,
) -> Result<(), CliError> {
    if global.json {
        print_json(document);
    } else {
        if let Some(heading) = heading {
            println!("{heading}");
        }
        let output = output_text(result);
        if !output.is_empty() {
            println!("{}", for_stdout(global, &output));
        }
        for message in result["Messages"].as_array().into_iter().flatten().filter(|_| !global.quiet) {
            println!(
                "→ sent {} to {}",
                tag_value(&message["Tags"], "Action").unwrap_or("-"),
                message["Target"].as_str().unwrap_or("?")
            );
        }
    }
    match error_of(result) {
        Some(text) => Err(CliError::failed(plain_error(&text))),
        None => Ok(()),
    }
}

/// The value of tag `name` in a `[{name, value}]` list.
pub fn tag_value<'a>(tags: &'a Value, name: &str) -> Option<&'a str> {
    tags.as_array()?.iter().find(|t| t["name"] == name).and_then(|t| t["value"].as_str())
}

/// A process's text for stdout: its colours kept only when stdout takes colour.
pub fn for_stdout(global: &GlobalArgs, text: &str) -> String {
    if global.color(false) { text.to_string() } else { strip_ansi(text) }
}

/// A process's error text for a terminal line: without colour codes and aos's "error:" heading.
pub fn plain_error(text: &str) -> String {
    let plain = strip_ansi(text);
    let plain = plain.trim();
    plain.strip_prefix("error:").unwrap_or(plain).trim().to_string()
}
