//! One REPL session: the process, the wallet and where the process lives (the embedded node or a
//! remote network); evaluating a chunk (an `Eval` message signed by the wallet, or a dry run when
//! `.dryrun` is on) and showing what it printed and returned, what it sent, or the error with the
//! line it comes from; and the process's prompt.
use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use super::feed::{Feed, Log};
use crate::cli::eval::located_error;
use crate::cli::interrupt::Armed;
use crate::cli::network::Network;
use crate::cli::node_access::{describe_sent, node_error, output_text, printed_after, split_error, warn_undelivered};
use crate::cli::{CliError, GlobalArgs};
use crate::lua_bundle::{LuaBundle, chunk_line};
use crate::node::{ErrorKind, Inbox, LogPosition, MessageResult, Node, Outcome};
use crate::protocol::ao::message;
use crate::protocol::{Id, Tag, Wallet};
use crate::text::strip_ansi;

/// Evaluations between checkpoints. A checkpoint (a copy of the process's memory, hashed and
/// compressed: ~5 ms) is only what saves recomputing the log from the previous one, so the REPL
/// writes one every few evaluations and when it leaves, not after every line.
const CHECKPOINT_EVERY: u32 = 16;

/// How often a write is tried while another `ao` holds the store (each try waits up to the
/// store's own busy timeout).
const WRITE_TRIES: u32 = 3;

/// Where the session's process lives.
#[derive(Clone)]
pub enum Place {
    Embedded(Node),
    Remote(Rc<Network>),
}

impl Place {
    /// Evaluates `code` in `process` by dry run, as its owner (on a remote network: as `wallet`).
    pub fn read_lua(&self, wallet: &Wallet, process: Id, code: &str) -> Result<MessageResult, CliError> {
        match self {
            Place::Embedded(node) => node.read_lua(process, code).map_err(node_error),
            Place::Remote(network) => network.read_lua(wallet, process, code),
        }
    }

    /// The newest `last` messages of `process`'s Inbox.
    pub fn inbox(&self, global: &GlobalArgs, process: Id, last: u64) -> Result<Inbox, CliError> {
        match self {
            Place::Embedded(node) => node.inbox(process, Some(last)).map_err(node_error),
            Place::Remote(network) => network.inbox(global, process, Some(last)),
        }
    }

    /// Where `process`'s log ends now.
    pub fn newest(&self, process: Id) -> Result<Option<LogPosition>, CliError> {
        match self {
            Place::Embedded(node) => {
                let newest = node.log_last(process, 1).map_err(node_error)?;
                Ok(newest.last().map(|entry| entry.position))
            }
            Place::Remote(network) => {
                let source = network.source().expect("a remote network");
                let slot = source.newest_slot(process).map_err(crate::cli::network::remote_error)?;
                Ok(Some(LogPosition { slot, timestamp: 0, rank: 0 }))
            }
        }
    }

    /// The log the live feed follows.
    pub fn log(&self) -> Log {
        match self {
            Place::Embedded(node) => Log::Node(node.clone()),
            Place::Remote(network) => Log::Remote(network.shared_source().expect("a remote network")),
        }
    }
}

/// The process a session is connected to.
#[derive(Debug, Clone)]
pub struct Connected {
    pub id: Id,
    pub name: Option<String>,
}

pub struct Session<'g> {
    pub global: &'g GlobalArgs,
    pub place: Place,
    pub wallet: Rc<Wallet>,
    pub process: Connected,
    pub home: PathBuf,
    pub dryrun: bool,
    /// The process's `Prompt()`, with its colours.
    prompt: String,
    pub feed: Option<Feed>,
    /// Colour on stdout / stderr.
    pub color: bool,
    pub error_color: bool,
    /// Bumped after every evaluation: what completion read of the process's globals is stale.
    pub generation: Rc<Cell<u64>>,
    /// Evaluations since the last checkpoint.
    unsaved: u32,
    /// The slot and id of the last message this session sent, until its follow-ups are shown.
    last_sent: Option<(u64, crate::protocol::Id)>,
}

/// ANSI codes, or nothing when colour is off.
pub struct Paint {
    pub red: &'static str,
    pub dim: &'static str,
    pub bold: &'static str,
    pub reset: &'static str,
}

impl Paint {
    pub fn new(color: bool) -> Paint {
        if color {
            Paint { red: "\x1b[31m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" }
        } else {
            Paint { red: "", dim: "", bold: "", reset: "" }
        }
    }
}

impl<'g> Session<'g> {
    pub fn new(global: &'g GlobalArgs, place: Place, wallet: Rc<Wallet>, process: Connected, home: PathBuf) -> Self {
        Session {
            global,
            place,
            wallet,
            process,
            home,
            dryrun: false,
            prompt: String::new(),
            feed: None,
            color: global.color(false),
            error_color: global.color(true),
            generation: Rc::new(Cell::new(0)),
            unsaved: 0,
            last_sent: None,
        }
    }

    /// Reads the prompt from the process's `Prompt()`.
    pub fn refresh_prompt(&mut self) {
        let read = self.place.read_lua(&self.wallet, self.process.id, "return Prompt()");
        if let Ok(result) = read
            && result.error.is_none()
        {
            let text = output_text(&result);
            if !text.is_empty() {
                self.prompt = text;
            }
        }
    }

    /// The prompt to show, plain and styled: the process's, `*` first in dry-run mode; `...` in
    /// the editor.
    pub fn prompt(&self, editor: bool) -> (String, String) {
        let paint = Paint::new(self.color);
        let styled = if editor {
            format!("{}... {}", paint.dim, paint.reset)
        } else {
            let prompt = if self.prompt.is_empty() { "ao> " } else { self.prompt.as_str() };
            let dry = if self.dryrun { format!("{}*{}", paint.red, paint.reset) } else { String::new() };
            format!("{dry}{prompt}")
        };
        let plain = strip_ansi(&styled);
        if self.color { (plain, styled) } else { (plain.clone(), plain) }
    }

    /// Evaluates `code` in the process and shows the outcome; `false` if it failed.
    pub fn run(&mut self, code: &str, bundle: Option<&LuaBundle>) -> bool {
        match self.evaluate(code) {
            Ok(result) => {
                let ok = self.show(&result, code, bundle);
                // Without a live feed (piped input), what the evaluation caused in the process
                // at once (a `.receive()` continuation) is shown here.
                if let (None, Some((slot, id)), Place::Embedded(node)) =
                    (&self.feed, self.last_sent.take(), &self.place)
                {
                    for text in printed_after(node, self.process.id, slot, id) {
                        println!("{}", self.for_stdout(&text).trim_end());
                    }
                }
                self.after(&result);
                ok
            }
            Err(error) => {
                let paint = Paint::new(self.error_color);
                eprintln!("{}error:{} {}", paint.red, paint.reset, error.message);
                if let Some(hint) = &error.hint {
                    eprintln!("{}hint:{} {hint}", paint.dim, paint.reset);
                }
                false
            }
        }
    }

    /// The result of evaluating `code`: by dry run, or as a durable `Eval` message.
    pub fn evaluate(&mut self, code: &str) -> Result<MessageResult, CliError> {
        let tags = vec![Tag::new("Action", "Eval")];
        let node = match &self.place {
            Place::Embedded(node) => node.clone(),
            Place::Remote(network) => {
                let network = network.clone();
                if self.dryrun {
                    return network.dry_run(&self.wallet, self.process.id, (&tags, code.as_bytes()), None);
                }
                let sending = self.feed.as_ref().map(Feed::sending);
                let sent = network.send(&self.wallet, self.process.id, tags, code.as_bytes().to_vec());
                if let Some(sending) = sending {
                    sending.done(sent.as_ref().ok().map(|outcome| outcome.id));
                }
                return Ok(self.sent(sent?));
            }
        };
        // Ctrl-C (or --timeout) abandons this evaluation: nothing of it is kept.
        let armed = Armed::new(self.global.timeout);
        let node = &node.with_interrupt(armed.interrupt.clone());
        if self.dryrun {
            let owner = self.wallet.address();
            return node.dry_run(&owner, self.process.id, &tags, code.as_bytes()).map_err(|e| armed.error(e));
        }
        let item = message(self.process.id, tags, code.as_bytes().to_vec(), None)
            .sign(&*self.wallet)
            .map_err(|e| CliError::input(e.to_string()))?;
        let sending = self.feed.as_ref().map(Feed::sending);
        let mut tries = 0;
        let sent = loop {
            tries += 1;
            match node.send_item(self.process.id, &item) {
                Err(error) if error.kind() == ErrorKind::Unavailable && tries < WRITE_TRIES => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                other => break other,
            }
        };
        if let Some(sending) = sending {
            sending.done(sent.as_ref().ok().map(|outcome| outcome.id));
        }
        let outcome = sent.map_err(|error| match error.kind() {
            ErrorKind::Unavailable => node_error(error)
                .hint("nothing was sent; the line is in the history: press Up and Enter to send it again"),
            _ => armed.error(error),
        })?;
        Ok(self.sent(outcome))
    }

    /// What a message sent gave.
    fn sent(&mut self, outcome: Outcome) -> MessageResult {
        self.global.detail(format_args!("message {} is slot {} of {}", outcome.id, outcome.slot, outcome.process));
        self.last_sent = Some((outcome.slot, outcome.id));
        warn_undelivered(self.global, &outcome.undelivered);
        outcome.result
    }

    /// Shows what a result printed and sent, or its error; `false` if it has an error.
    pub fn show(&mut self, result: &MessageResult, code: &str, bundle: Option<&LuaBundle>) -> bool {
        let output = self.for_stdout(&output_text(result));
        if !output.trim_end().is_empty() {
            println!("{}", output.trim_end());
        }
        for sent in result.messages.iter().filter(|_| !self.global.quiet) {
            println!("{}", describe_sent(sent, self.color));
        }
        let Some(error) = result.error.clone() else { return true };
        let (printed, error) = split_error(&error);
        let printed = self.for_stdout(&printed);
        if !printed.is_empty() {
            println!("{printed}");
        }
        let located = located_error(&error, bundle);
        let offending = located.hint.clone().or_else(|| {
            let line = chunk_line(&error)?;
            let text = code.lines().nth(line.checked_sub(1)? as usize)?;
            Some(format!("{line:>4} | {}", text.trim_end()))
        });
        let paint = Paint::new(self.error_color);
        eprintln!("{}error:{} {}", paint.red, paint.reset, located.message);
        if let Some(line) = offending {
            eprintln!("{}{line}{}", paint.dim, paint.reset);
        }
        false
    }

    /// After a result is shown: the new prompt, now and then a checkpoint, and completion's
    /// names marked stale.
    fn after(&mut self, result: &MessageResult) {
        let output = &result.output;
        if let Some(prompt) = output.get("prompt").or_else(|| output.get("data").and_then(|d| d.get("prompt")))
            && let Some(prompt) = prompt.as_str()
        {
            self.prompt = prompt.to_string();
        }
        if !self.dryrun {
            self.unsaved += 1;
            if self.unsaved >= CHECKPOINT_EVERY {
                self.checkpoint();
            }
        }
        self.generation.set(self.generation.get() + 1);
    }

    /// Writes a checkpoint of what was evaluated since the last one.
    pub fn checkpoint(&mut self) {
        let Place::Embedded(node) = &self.place else { return };
        if self.unsaved == 0 {
            return;
        }
        match node.checkpoint() {
            Ok(written) => {
                self.unsaved = 0;
                let kib = written.bytes / 1024;
                self.global.detail(format_args!("checkpoint: {} pages of memory ({kib} KiB)", written.pages));
            }
            Err(error) => self.global.detail(format_args!("checkpoint deferred: {error}")),
        }
    }

    fn for_stdout(&self, text: &str) -> String {
        if self.color { text.to_string() } else { strip_ansi(text) }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        self.checkpoint();
    }
}
