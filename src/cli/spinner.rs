//! A progress spinner for waits a person would notice (opening the node, an evaluation, a remote
//! unit's answer): indicatif's, drawn on stderr only when it is a terminal, only once the wait
//! has lasted 100 ms (quick answers draw nothing), never with `-q` or `--json`; erased when the
//! wait ends.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::GlobalArgs;

const DELAY: Duration = Duration::from_millis(100);
const FRAME: Duration = Duration::from_millis(80);

pub struct Spinner {
    bar: ProgressBar,
    /// Dropping it tells the thread that would show the bar that the wait is over.
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Starts a spinner labelled `label` (which shows only if the wait lasts).
    pub fn start(global: &GlobalArgs, label: &str) -> Spinner {
        use std::io::IsTerminal;
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if global.quiet || global.json || !std::io::stderr().is_terminal() {
            return Spinner { bar, stop: None, thread: None };
        }
        bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
        bar.set_message(label.to_string());
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let thread = std::thread::spawn(move || {
            if stopped.recv_timeout(DELAY) == Err(RecvTimeoutError::Timeout) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(FRAME);
            }
        });
        Spinner { bar, stop: Some(stop), thread: Some(thread) }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.bar.finish_and_clear();
    }
}
