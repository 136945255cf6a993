//! Opening the embedded node for a command (`--home`, `AO_HOME`, else the platform data dir),
//! naming processes (`PROCESS` is an id or a name the wallet spawned), node errors as CLI errors,
//! and printing a message's result.
use std::path::PathBuf;

use serde_json::{Value, json};

use super::input::{wallet_error, wallet_path};
use super::interrupt::Armed;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::node::{ErrorKind, MessageResult, Node, NodeConfig, NodeError, Outcome, ProcessRow, Undelivered};
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

/// The embedded node for a command that only reads (Ctrl-C ends it at once).
pub fn open(global: &GlobalArgs) -> Result<Node, CliError> {
    open_with(global, |config| config)
}

/// The embedded node for a command that only reads, its configuration changed by `configure`.
pub fn open_with(global: &GlobalArgs, configure: impl FnOnce(NodeConfig) -> NodeConfig) -> Result<Node, CliError> {
    let home = home(global)?;
    let _spinner = Spinner::start(global, "opening the node");
    Node::start(configure(NodeConfig::home(home))).map_err(node_error)
}

/// The embedded node for a command that evaluates: Ctrl-C and `--timeout` abandon what it
/// evaluates (`Armed::error` reports it), its catching up at start included.
pub fn open_armed(global: &GlobalArgs) -> Result<(Node, Armed), CliError> {
    let armed = Armed::new(global.timeout);
    let home = home(global)?;
    let _spinner = Spinner::start(global, "opening the node");
    let node = Node::start(NodeConfig::home(home).with_interrupt(armed.interrupt.clone()));
    Ok((node.map_err(|e| armed.error(e))?, armed))
}

/// A node error as the CLI reports it: its kind decides the exit code (2 for what the user asked
/// wrongly or for what does not exist, 1 for failures), with a hint where one helps.
pub fn node_error(error: NodeError) -> CliError {
    let kind = error.kind();
    match &error {
        NodeError::UnknownModule(_) => {
            return CliError::input(error.to_string()).hint("`ao module add FILE --format FORMAT` registers one");
        }
        NodeError::Interrupted => return CliError::interrupted(error.to_string()),
        NodeError::Contended { .. } | NodeError::Store(crate::node::StoreError::Locked { .. }) => {
            return CliError::failed(error.to_string()).hint("other `ao` commands are writing to this home; try again");
        }
        _ => {}
    }
    match kind {
        ErrorKind::NotFound | ErrorKind::Invalid | ErrorKind::Conflict => CliError::input(error.to_string()),
        _ => CliError::failed(error.to_string()),
    }
}

/// `no process "TEXT"`: what the user named is not a process here.
fn no_process(text: &str) -> CliError {
    CliError::input(format!("no process {text:?}"))
        .hint("`ao list` shows the processes; spawn one with `ao spawn NAME`")
}

pub fn resolve(node: &Node, owner: &str, text: &str) -> Result<ProcessRow, CliError> {
    node.resolve(owner, text).map_err(|error| match error {
        NodeError::UnknownProcess(_) | NodeError::NoProcessNamed { .. } => no_process(text),
        other => node_error(other),
    })
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

pub use crate::node::value_text;

/// What a result printed, as aos shows it ([`MessageResult::printed`]).
pub fn output_text(result: &MessageResult) -> String {
    result.printed()
}

/// Prints a message's outcome (`--json`: `{"id", "process", "slot", "result", "undelivered"}`),
/// warns of what it caused that was not delivered, and turns a result with an Error into exit 1.
pub fn report(global: &GlobalArgs, outcome: &Outcome, show_id: bool) -> Result<(), CliError> {
    let mut document = json!({"id": outcome.id.to_string(), "process": outcome.process.to_string(), "slot": outcome.slot, "result": outcome.result});
    if global.json {
        document["undelivered"] = undelivered_json(&outcome.undelivered);
    }
    let heading = show_id.then(|| outcome.id.to_string());
    global.detail(format_args!("message {} is slot {} of process {}", outcome.id, outcome.slot, outcome.process));
    warn_undelivered(global, &outcome.undelivered);
    report_result(global, &document, &outcome.result, heading.as_deref())
}

/// What the messages `message` (at `slot` of `process`) caused there in the same push printed —
/// a `.receive()` continuation whose reply came at once —: the later entries of its log whose
/// `Pushed-For` is `message`.
pub fn printed_after(node: &Node, process: Id, slot: u64, message: Id) -> Vec<String> {
    let after = crate::node::LogPosition { slot, timestamp: 0, rank: 0 };
    let message = message.to_string();
    let entries = node.log(process, Some(after), 100).unwrap_or_default();
    let caused = entries.iter().filter(|entry| entry.tag("Pushed-For") == Some(message.as_str()));
    caused.map(|entry| output_text(&entry.result)).filter(|text| !text.trim().is_empty()).collect()
}

/// Warns on stderr of each outbox entry that was not delivered for a problem.
pub fn warn_undelivered(global: &GlobalArgs, undelivered: &[Undelivered]) {
    for entry in undelivered.iter().filter(|u| u.reason.is_problem()) {
        global.notice(format_args!("warning: {}", describe_undelivered(entry)));
    }
}

/// One line about an entry that was not delivered.
pub fn describe_undelivered(entry: &Undelivered) -> String {
    let what = match entry.list {
        crate::node::OutboxList::Messages => format!("a message to {} was not delivered", entry.target),
        crate::node::OutboxList::Spawns => "a spawn was not started".to_string(),
        crate::node::OutboxList::Assignments => format!("an assignment to {} was not made", entry.target),
    };
    format!("{what} (sent by {} at slot {}): {}", entry.from, entry.position.slot, entry.detail)
}

/// Undelivered entries as `--json` shows them.
pub fn undelivered_json(undelivered: &[Undelivered]) -> Value {
    let entries = undelivered.iter().map(|u| {
        json!({
            "from": u.from.to_string(),
            "slot": u.position.slot,
            "list": format!("{:?}", u.list),
            "index": u.index,
            "target": u.target,
            "id": u.id.map(|id| id.to_string()),
            "reason": u.reason.code(),
            "detail": u.detail,
        })
    });
    Value::Array(entries.collect())
}

/// Prints `document` (with `--json`) or `heading` and what `result` printed and sent (as text),
/// and turns a result with an Error into exit 1.
pub fn report_result(
    global: &GlobalArgs,
    document: &Value,
    result: &MessageResult,
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
        if !global.quiet && !result.messages.is_empty() {
            // One write for them all: a fan-out's thousand lines cost a thousand writes otherwise.
            let color = global.color(false);
            let sent: Vec<String> = result.messages.iter().map(|message| describe_sent(message, color)).collect();
            println!("{}", sent.join("\n"));
        }
    }
    let Some(text) = &result.error else { return Ok(()) };
    let (printed, error) = split_error(text);
    if !global.json && !printed.is_empty() {
        println!("{}", for_stdout(global, &printed));
    }
    Err(CliError::failed(plain_error(&error)))
}

/// The process library's heading before an Eval's error (after what the chunk printed).
const ERROR_HEADING: &str = "\u{1b}[31merror:\n\u{1b}[0m";

/// An Eval's Error as aos writes it, split: what the chunk printed before failing, and the error.
pub fn split_error(text: &str) -> (String, String) {
    match text.rfind(ERROR_HEADING) {
        Some(at) => (text[..at].trim_end().to_string(), text[at + ERROR_HEADING.len()..].to_string()),
        None => (String::new(), text.to_string()),
    }
}

/// Tags every ao message carries, left out when a sent message is shown.
const PLUMBING_TAGS: [&str; 9] =
    ["Action", "Data-Protocol", "Variant", "Type", "Reference", "X-Reference", "SDK", "Sdk", "Content-Type"];

/// How much of a sent message's data is shown.
const DATA_SHOWN: usize = 200;

/// A message a result sends, for people: `→ sent ACTION to TARGET`, then its other tags
/// (`Balance=100 Ticker=TOKEN`) and its data, each on an indented line when it has them. Text with
/// spaces, quotes or control characters is quoted as JSON (escaped); colour codes are removed.
pub fn describe_sent(message: &crate::node::OutboxMessage, color: bool) -> String {
    let (dim, reset) = if color { ("\x1b[2m", "\x1b[0m") } else { ("", "") };
    let shown = |value: &str| {
        let value = strip_ansi(value);
        let plain = !value.is_empty() && value.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '"');
        if plain { value } else { serde_json::to_string(&value).expect("strings serialize") }
    };
    let action = message.action().unwrap_or_else(|| "-".into());
    let mut text = format!("→ sent {} to {}", shown(&action), shown(message.target().unwrap_or("?")));
    let tags: Vec<String> = message
        .tags()
        .filter(|(name, _)| !PLUMBING_TAGS.contains(name))
        .map(|(name, value)| format!("{}={}", shown(name), shown(&value)))
        .collect();
    if !tags.is_empty() {
        text.push_str(&format!("\n    {dim}{}{reset}", tags.join(" ")));
    }
    let data = message.data();
    let head = String::from_utf8_lossy(&data[..data.len().min(4 * DATA_SHOWN)]);
    let head = strip_ansi(head.trim());
    if !head.is_empty() {
        let one_line: String = head
            .chars()
            .map(|c| {
                if c == '\n' {
                    '⏎'
                } else if c.is_control() {
                    '·'
                } else {
                    c
                }
            })
            .take(DATA_SHOWN)
            .collect();
        let cut = data.len() > 4 * DATA_SHOWN || head.chars().count() > DATA_SHOWN;
        let more = if cut { format!("… ({} bytes)", data.len()) } else { String::new() };
        text.push_str(&format!("\n    {dim}Data:{reset} {one_line}{more}"));
    }
    text
}

/// A process's text for stdout: its colours kept only when stdout takes colour.
pub fn for_stdout(global: &GlobalArgs, text: &str) -> String {
    if global.color(false) { text.to_string() } else { strip_ansi(text) }
}

pub use crate::text::plain_error;
