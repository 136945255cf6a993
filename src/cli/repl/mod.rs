//! `ao` / `ao repl [NAME|PROCESS]`: the interactive REPL. Connects to the process (spawning it
//! when the name is new, as aos does), then evaluates every line that is not a dot-command inside
//! it, with the process's own prompt, a live feed of what other messages print, and history per
//! process. With standard input not a terminal it evaluates each chunk of the input and exits.
mod chunk;
mod commands;
mod feed;
mod history;
mod input;
mod piped;
mod session;

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::rc::Rc;

use clap::Args;
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Editor, ExternalPrinter};

use super::input::signing_wallet;
use super::network::Network;
use super::node_access::{home, node_error, open, output_text, warn_undelivered};
use super::{CliError, GlobalArgs};
use crate::node::{Node, NodeError, SpawnRequest};
use crate::protocol::{Id, Wallet};
use chunk::ChunkChecker;
use commands::{Flow, execute};
use feed::{Feed, Printer};
use history::History;
use input::{ReplHelper, names_code};
use session::{Connected, Paint, Place, Session};

/// The process `ao` with no command connects to, as aos's.
pub const DEFAULT_PROCESS: &str = "default";

#[derive(Debug, Default, Args)]
pub struct ReplArgs {
    /// Process id, or the name of a process the wallet spawned (spawned now if new) [default: default]
    #[arg(allow_hyphen_values = true)]
    process: Option<String>,
}

impl ReplArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if global.json {
            return Err(CliError::input("the REPL prints text, not JSON")
                .hint("for JSON, evaluate with `ao --json eval PROCESS CODE`"));
        }
        let name = self.process.as_deref().unwrap_or(DEFAULT_PROCESS);
        let wallet = signing_wallet(global)?;
        let home = home(global)?;
        let (place, (process, spawned)) = match global.remote() {
            None => {
                let node = open(global)?;
                let connected = connect(global, &node, &wallet, name)?;
                (Place::Embedded(node), connected)
            }
            Some(_) => {
                let network = Network::open(global)?;
                let connected = connect_remote(global, &network, &wallet, name)?;
                (Place::Remote(std::rc::Rc::new(network)), connected)
            }
        };
        let session = Session::new(global, place, Rc::new(wallet), process, home);
        if std::io::stdin().is_terminal() { interactive(session, spawned) } else { piped::run(session) }
    }
}

/// The process `text` names for the wallet; a new name is spawned (an unknown id is an error).
fn connect(global: &GlobalArgs, node: &Node, wallet: &Wallet, text: &str) -> Result<(Connected, bool), CliError> {
    match node.resolve(&wallet.address(), text) {
        Ok(row) => return Ok((Connected { id: row.id, name: row.name }, false)),
        Err(NodeError::NoProcessNamed { .. }) if text.parse::<Id>().is_err() => {}
        Err(NodeError::UnknownProcess(_) | NodeError::NoProcessNamed { .. }) => {
            return Err(CliError::input(format!("no process {text:?}"))
                .hint("`ao list` shows the processes; a name that is not in use is spawned"));
        }
        Err(error) => return Err(node_error(error)),
    }
    let request = SpawnRequest { name: Some(text.to_string()), ..SpawnRequest::default() };
    let outcome = node.spawn(wallet, request).map_err(node_error)?;
    warn_undelivered(global, &outcome.undelivered);
    if let Some(error) = &outcome.result.error {
        return Err(CliError::failed(format!("the new process {text:?} booted with an error: {error}")));
    }
    global.notice(format_args!("spawned a new process {text:?}: {}", outcome.process));
    Ok((Connected { id: outcome.process, name: Some(text.to_string()) }, true))
}

/// The same on a remote network: a name the gateway does not find for the wallet is spawned there.
fn connect_remote(
    global: &GlobalArgs,
    network: &Network,
    wallet: &Wallet,
    text: &str,
) -> Result<(Connected, bool), CliError> {
    if let Ok(id) = text.parse::<Id>() {
        return Ok((Connected { id, name: None }, false));
    }
    // A name not found is spawned, so it must be looked up where the network lists processes.
    let gateway = network.gateway().ok_or_else(|| {
        CliError::input(format!("{text:?} is not a process id, and names need a gateway (--gateway-url)"))
    })?;
    if let Some(found) = gateway.process_named(&wallet.address(), text).map_err(super::network::remote_error)? {
        return Ok((Connected { id: found, name: Some(text.to_string()) }, false));
    }
    let request = SpawnRequest { name: Some(text.to_string()), ..SpawnRequest::default() };
    let (outcome, _) = network.spawn(wallet, request)?;
    if let Some(error) = &outcome.result.error {
        return Err(CliError::failed(format!("the new process {text:?} booted with an error: {error}")));
    }
    global.notice(format_args!("spawned a new process {text:?} on the network: {}", outcome.process));
    Ok((Connected { id: outcome.process, name: Some(text.to_string()) }, true))
}

fn interactive(mut session: Session, spawned: bool) -> Result<(), CliError> {
    let editing = Rc::new(Cell::new(false));
    let checker = Rc::new(ChunkChecker::default());
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .color_mode(if session.color { ColorMode::Enabled } else { ColorMode::Disabled })
        .build();
    let reading = |error: ReadlineError| CliError::failed(format!("the terminal: {error}"));
    let mut editor: Editor<ReplHelper, FileHistory> = Editor::with_config(config).map_err(reading)?;
    let (place, wallet, process) = (session.place.clone(), session.wallet.clone(), session.process.id);
    let names = Box::new(move |path: &str| {
        let read = place.read_lua(&wallet, process, &names_code(path));
        let text = read.ok().filter(|result| result.error.is_none()).map(|result| output_text(&result));
        text.map(|text| text.lines().map(str::to_string).collect()).unwrap_or_default()
    });
    let helper = ReplHelper::new(checker, editing.clone(), session.color, names, session.generation.clone());
    editor.set_helper(Some(helper));
    let mut history = History::new(&session.home, session.process.id);
    history.load(editor.history_mut());

    let after = session.place.newest(session.process.id)?;
    let printer: Printer = match editor.create_external_printer() {
        Ok(mut printer) => Box::new(move |text| {
            let _ = printer.print(text);
        }),
        Err(_) => Box::new(|text| {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
        }),
    };
    session.feed = Some(Feed::start(session.place.log(), session.process.id, after, session.color, printer));
    session.refresh_prompt();
    banner(&session, spawned, &history);

    let mut lines: Vec<String> = Vec::new();
    loop {
        let prompt = session.prompt(editing.get());
        let line = match editor.readline(&prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) if editing.get() => ".done".to_string(),
            Err(ReadlineError::Eof) => break,
            Err(error) => return Err(reading(error)),
        };
        history.add(editor.history_mut(), &line);
        if editing.get() {
            match line.trim() {
                ".done" => {
                    editing.set(false);
                    let code = lines.join("\n");
                    lines.clear();
                    history.add(editor.history_mut(), &code);
                    if !code.trim().is_empty() {
                        session.run(&code, None);
                    }
                }
                ".cancel" => {
                    editing.set(false);
                    lines.clear();
                }
                ".delete" => {
                    lines.pop();
                }
                ".print" => lines.iter().for_each(|line| println!("{line}")),
                _ => lines.push(line),
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        match commands::parse(&line) {
            Some(command) => match execute(&mut session, command) {
                Flow::Exit => break,
                Flow::Editor => editing.set(true),
                Flow::Continue(_) => {}
            },
            None => {
                session.run(&line, None);
            }
        }
    }
    Ok(())
}

/// A few lines: which process (and where, on a remote network), which wallet, how to get help
/// and leave.
fn banner(session: &Session, spawned: bool, history: &History) {
    if session.global.quiet {
        return;
    }
    let paint = Paint::new(session.color);
    let name = session.process.name.as_deref().unwrap_or("(no name)");
    let new = if spawned { ", spawned now" } else { "" };
    let place = match &session.place {
        Place::Embedded(_) => String::new(),
        Place::Remote(network) => format!(" · on {}", network.source().expect("a remote network").describe()),
    };
    println!(
        "{}ao {}{} · process {}{name}{} {}{new}{place}",
        paint.bold,
        env!("CARGO_PKG_VERSION"),
        paint.reset,
        paint.bold,
        paint.reset,
        session.process.id
    );
    println!("{}wallet {} · history {}{}", paint.dim, session.wallet.address(), history.path().display(), paint.reset);
    println!("{}Lua is evaluated in the process · .help lists the commands · Ctrl-D leaves{}", paint.dim, paint.reset);
}
