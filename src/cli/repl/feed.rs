//! The live feed: a background thread with a handle on the session's node (or the remote
//! network's units) polls the process's log and prints, above the prompt and without disturbing
//! the line being typed, what messages this session did not send printed (other processes, other
//! `ao` commands, cron). `.pause` holds it back (nothing is skipped: `.live` catches up).
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::net::remote::{self, ProcessSource};
use crate::node::{LogEntry, LogPosition, Node};
use crate::protocol::Id;
use crate::text::strip_ansi;

use crate::cli::network::{EMBEDDED_POLL, REMOTE_POLL};
use crate::cli::node_access::{output_text, plain_error};

/// Where the feed reads the log.
pub enum Log {
    /// The embedded node (whose due cron ticks the feed evaluates, as a look does).
    Node(Node),
    /// A remote network's units.
    Remote(Arc<dyn ProcessSource + Send>),
}

impl Log {
    /// How often the log is polled.
    fn interval(&self) -> Duration {
        match self {
            Log::Node(_) => EMBEDDED_POLL,
            Log::Remote(_) => REMOTE_POLL,
        }
    }

    /// Up to `BATCH` entries after `after`; `None` if they cannot be read now.
    fn after(&self, process: Id, after: Option<LogPosition>) -> Option<Vec<LogEntry>> {
        match self {
            Log::Node(node) => {
                // Another `ao` may hold the store: the next poll tries again.
                let _ = node.run_crons();
                node.log(process, after, BATCH).ok()
            }
            Log::Remote(source) => remote::log_after(source.as_ref(), process, after, BATCH).ok(),
        }
    }
}
/// The feed's sleep between polls is cut in steps of this.
const STEP: Duration = Duration::from_millis(100);
/// At most this many entries per poll.
const BATCH: u64 = 200;

/// Where feed text goes: rustyline's external printer on a terminal.
pub type Printer = Box<dyn FnMut(String) + Send>;

pub struct Feed {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    paused: AtomicBool,
    stop: AtomicBool,
}

#[derive(Default)]
struct State {
    /// A message of this session is being sent: entries from then on wait until it is known.
    sending: bool,
    /// Messages this session sent that the feed has not passed yet.
    mine: HashSet<Id>,
}

/// Marks a send in progress; `done` names the message sent.
pub struct Sending<'f> {
    feed: &'f Feed,
}

impl Sending<'_> {
    pub fn done(self, message: Option<Id>) {
        let mut state = self.feed.state();
        if let Some(message) = message {
            state.mine.insert(message);
        }
        state.sending = false;
    }
}

impl Feed {
    /// Starts following `process` after `after` (its newest log entry when the session began).
    pub fn start(log: Log, process: Id, after: Option<LogPosition>, color: bool, mut print: Printer) -> Feed {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            paused: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("ao-live-feed".into())
            .spawn(move || {
                follow(&log, &thread_shared, process, after, color, &mut print);
            })
            .ok();
        Feed { shared, thread }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Call before sending a message; `done` after.
    pub fn sending(&self) -> Sending<'_> {
        self.state().sending = true;
        Sending { feed: self }
    }

    pub fn pause(&self) {
        self.shared.paused.store(true, Ordering::SeqCst);
    }

    pub fn resume(&self) {
        self.shared.paused.store(false, Ordering::SeqCst);
    }

    pub fn is_paused(&self) -> bool {
        self.shared.paused.load(Ordering::SeqCst)
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn follow(log: &Log, shared: &Shared, process: Id, mut after: Option<LogPosition>, color: bool, print: &mut Printer) {
    while !shared.stop.load(Ordering::SeqCst) {
        if !shared.paused.load(Ordering::SeqCst)
            && let Some(entries) = log.after(process, after)
        {
            let mut shown = Vec::new();
            {
                let mut state = shared.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                for entry in &entries {
                    if !entry.message.is_some_and(|message| state.mine.remove(&message)) {
                        if state.sending {
                            break;
                        }
                        shown.extend(render(entry, color));
                    }
                    after = Some(entry.position);
                }
            }
            for text in shown {
                print(text);
            }
            if entries.len() as u64 == BATCH {
                continue;
            }
        }
        // Slept in steps, so that leaving does not wait a whole remote interval.
        let mut slept = Duration::ZERO;
        while slept < log.interval() && !shared.stop.load(Ordering::SeqCst) {
            std::thread::sleep(STEP);
            slept += STEP;
        }
    }
}

/// What the feed prints for an entry: what its message printed, and its error; nothing if neither.
pub fn render(entry: &LogEntry, color: bool) -> Option<String> {
    let mut text = output_text(&entry.result);
    if !color {
        text = strip_ansi(&text);
    }
    let mut text = text.trim_end().to_string();
    if let Some(error) = &entry.result.error {
        let action = entry.tag("Action").unwrap_or("-");
        let (red, reset) = if color { ("\x1b[31m", "\x1b[0m") } else { ("", "") };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&format!("{red}error in {action} from {}:{reset} {}", entry.from, plain_error(error)));
    }
    (!text.is_empty()).then(|| text + "\n")
}
