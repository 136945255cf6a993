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
use super::node_access::{home, node_error, output_text, warn_undelivered};
use super::spawn::{SpawnOptions, ThenEvaluate};
use super::{CliError, GlobalArgs};
use crate::node::NodeError;
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
    /// For a new process: how it is spawned
    #[command(flatten)]
    spawn: SpawnOptions,
    #[command(flatten)]
    then: ThenEvaluate,
    /// Follow what PROCESS's messages print instead (as `ao tail -f`), as `aos --watch`
    #[arg(long, value_name = "PROCESS", conflicts_with_all = ["process", "run", "load", "list"])]
    watch: Option<String>,
    /// List the wallet's processes and exit (as `ao list`), as `aos --list`
    #[arg(long, conflicts_with_all = ["process", "run", "load"])]
    list: bool,
    /// Set when the REPL was asked for as `ao NAME`: a new process then says it is not a command.
    #[arg(skip)]
    bare: bool,
    /// For `ao NAME`: a command NAME looks like a mistyping of (then NAME is not spawned).
    #[arg(skip)]
    like_command: Option<String>,
}

impl ReplArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if self.list {
            return super::list::ListArgs {}.run(global);
        }
        if global.json {
            return Err(CliError::input("the REPL prints text, not JSON")
                .hint("for JSON, evaluate with `ao --json eval PROCESS CODE`"));
        }
        if let Some(process) = self.watch {
            return super::tail::TailArgs::following(process).run(global);
        }
        let name = self.process.as_deref().unwrap_or(DEFAULT_PROCESS);
        // Without a wallet there is no process of its: a name like a command is a mistyping
        // (checked before the wallet is made).
        if let Some(command) = &self.like_command
            && !super::input::wallet_path(global)?.exists()
        {
            return Err(mistyped(name, command));
        }
        let loaded = self.then.read(global)?;
        let wallet = signing_wallet(global)?;
        let home = home(global)?;
        let network = Network::open(global)?;
        let (process, spawned) = connect(global, &network, &wallet, name, &self)?;
        if !spawned && self.spawn.given() {
            global.notice("the process exists: --module, --cron, --tag, --data are for new processes");
        }
        if !self.then.load.is_empty() || self.then.run.is_some() {
            self.then.evaluate(global, (&network, &wallet), process.id, &loaded)?;
            if self.then.run.is_some() {
                return Ok(());
            }
        }
        let place = match network {
            // The session arms each evaluation itself; what opening armed ends here (its timer
            // and Ctrl-C must not reach the session's reads).
            Network::Embedded(node, armed) => {
                drop(armed);
                Place::Embedded(node)
            }
            remote => Place::Remote(Rc::new(remote)),
        };
        let session = Session::new(global, place, Rc::new(wallet), process, home);
        if std::io::stdin().is_terminal() { interactive(session, spawned) } else { piped::run(session) }
    }

    /// Marks the REPL as asked for by `ao NAME`: a new NAME that looks like a command (`sned`)
    /// is then taken for a mistyping, not spawned.
    pub fn mark_bare(&mut self) {
        self.bare = true;
        let name = self.process.clone().unwrap_or_default();
        let commands = <super::Cli as clap::CommandFactory>::command();
        let mut names: Vec<String> = commands.get_subcommands().map(|c| c.get_name().to_string()).collect();
        names.push("help".to_string());
        self.like_command = names
            .into_iter()
            .filter(|command| name.len() >= 3 && strsim::jaro(command, &name) > 0.8)
            .max_by(|a, b| strsim::jaro(a, &name).total_cmp(&strsim::jaro(b, &name)));
    }
}

/// `ao NAME` where NAME is no process and looks like the command `command`.
fn mistyped(name: &str, command: &str) -> CliError {
    CliError::input(format!("{name:?} is not a command, nor a process here; did you mean `ao {command}`?"))
        .hint(format!("`ao repl {name}` spawns a process named {name:?}"))
}

/// The process `text` names for the wallet; a new name is spawned as `args` say (an unknown id
/// is an error). On a remote network a name is looked up on its gateway.
fn connect(
    global: &GlobalArgs,
    network: &Network,
    wallet: &Wallet,
    text: &str,
    args: &ReplArgs,
) -> Result<(Connected, bool), CliError> {
    match network {
        Network::Embedded(node, _) => match node.resolve(&wallet.address(), text) {
            Ok(row) => return Ok((Connected { id: row.id, name: row.name }, false)),
            Err(NodeError::NoProcessNamed { .. }) if text.parse::<Id>().is_err() => {}
            Err(NodeError::UnknownProcess(_) | NodeError::NoProcessNamed { .. }) => {
                return Err(CliError::input(format!("no process {text:?}"))
                    .hint("`ao list` shows the processes; a name that is not in use is spawned"));
            }
            Err(error) => return Err(node_error(error)),
        },
        remote => {
            if let Ok(id) = text.parse::<Id>() {
                return Ok((Connected { id, name: None }, false));
            }
            // A name not found is spawned, so it must be looked up where the network lists processes.
            let gateway = remote.gateway().ok_or_else(|| {
                CliError::input(format!("{text:?} is not a process id, and names need a gateway (--gateway-url)"))
            })?;
            let found = gateway.process_named(&wallet.address(), text).map_err(super::network::remote_error)?;
            if let Some(found) = found {
                return Ok((Connected { id: found, name: Some(text.to_string()) }, false));
            }
        }
    }
    if let Some(command) = &args.like_command {
        return Err(mistyped(text, command));
    }
    let request = args.spawn.request(network, Some(text.to_string()))?;
    let (outcome, _) = network.spawn(wallet, request)?;
    warn_undelivered(global, &outcome.undelivered);
    if let Some(error) = &outcome.result.error {
        return Err(CliError::failed(format!("the new process {text:?} booted with an error: {error}")));
    }
    let where_ = if global.remote().is_some() { " on the network" } else { "" };
    let bare = if args.bare { " (not a command: `ao --help` lists them)" } else { "" };
    global.notice(format_args!("spawned a new process {text:?}{where_}: {}{bare}", outcome.process));
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
