//! A progress spinner for waits a person would notice: drawn on stderr only when it is a terminal,
//! only after 100 ms, never with `-q` or `--json`; erased when the wait ends.
use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::GlobalArgs;

const DELAY: Duration = Duration::from_millis(100);
const FRAME: Duration = Duration::from_millis(80);
const FRAMES: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

pub struct Spinner {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Starts a spinner labelled `label` (which shows only if the wait lasts).
    pub fn start(global: &GlobalArgs, label: &str) -> Spinner {
        if global.quiet || global.json || !std::io::stderr().is_terminal() {
            return Spinner { stop: None, thread: None };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let label = label.to_string();
        let thread = std::thread::spawn(move || {
            if stopped.recv_timeout(DELAY) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let mut stderr = std::io::stderr();
            for frame in FRAMES.iter().cycle() {
                let _ = write!(stderr, "\r{frame} {label}");
                let _ = stderr.flush();
                if stopped.recv_timeout(FRAME) != Err(RecvTimeoutError::Timeout) {
                    break;
                }
            }
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        });
        Spinner { stop: Some(stop), thread: Some(thread) }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
