//! Opening the embedded node for a command (`--home`, `AO_HOME`, else the platform data dir),
//! naming processes (`PROCESS` is an id or a name the wallet spawned), node errors as CLI errors,
//! and printing a message's result.
use std::path::PathBuf;

use serde_json::{Value, json};

use super::{CliError, GlobalArgs, print_json};
use crate::node::{Node, NodeError, Outcome, ProcessRow};

pub fn home(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    match &global.home {
        Some(home) => Ok(home.clone()),
        None => directories::ProjectDirs::from("", "", "ao")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or_else(|| CliError::input("no data directory for the embedded node; pass --home DIR")),
    }
}

pub fn open(global: &GlobalArgs) -> Result<Node, CliError> {
    Node::open(&home(global)?).map_err(node_error)
}

pub fn node_error(error: NodeError) -> CliError {
    match error {
        NodeError::UnknownProcess(name) => CliError::input(format!("no process {name:?}"))
            .hint("`ao list` shows the processes; spawn one with `ao spawn NAME`"),
        NodeError::UnknownMessage(_) | NodeError::NameTaken { .. } => CliError::input(error.to_string()),
        other => CliError::failed(other.to_string()),
    }
}

pub fn resolve(node: &Node, owner: &str, text: &str) -> Result<ProcessRow, CliError> {
    node.resolve(owner, text).map_err(node_error)
}

/// The error text of a result, if it failed.
pub fn error_of(result: &Value) -> Option<String> {
    match result.get("Error") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// What a result printed: `Output.data` (or `Output` itself when it is text).
pub fn output_text(result: &Value) -> String {
    let output = &result["Output"];
    let data = output.get("data").unwrap_or(output);
    match data {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Prints a message's outcome (`--json`: `{"id", "process", "slot", "result"}`) and turns a
/// result with an Error into exit 1.
pub fn report(global: &GlobalArgs, outcome: &Outcome, show_id: bool) -> Result<(), CliError> {
    let error = error_of(&outcome.result);
    if global.json {
        print_json(
            &json!({"id": outcome.id.to_string(), "process": outcome.process.to_string(), "slot": outcome.slot, "result": outcome.result}),
        );
    } else {
        if show_id {
            println!("{}", outcome.id);
        }
        let output = output_text(&outcome.result);
        if !output.is_empty() {
            println!("{output}");
        }
        for message in outcome.result["Messages"].as_array().into_iter().flatten() {
            let action = message["Tags"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|t| t["name"] == "Action")
                .and_then(|t| t["value"].as_str())
                .unwrap_or("-");
            println!("→ sent {action} to {}", message["Target"].as_str().unwrap_or("?"));
        }
    }
    match error {
        Some(text) => Err(CliError::failed(plain_error(&text))),
        None => Ok(()),
    }
}

/// A process's error text for a terminal line: without colour codes and aos's "error:" heading.
fn plain_error(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    let plain = plain.trim();
    plain.strip_prefix("error:").unwrap_or(plain).trim().to_string()
}
