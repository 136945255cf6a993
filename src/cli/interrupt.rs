//! Ctrl-C and `--timeout` for what a command evaluates. While an evaluation is armed, Ctrl-C (or
//! the timeout running out) fires its [`Interrupt`]: the node abandons it, keeps nothing, and the
//! command says so. With nothing armed, Ctrl-C ends `ao` at once, as it would without a handler.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use super::CliError;
use crate::node::NodeError;
use crate::runtime::Interrupt;

/// The interrupt Ctrl-C fires now, if any.
static ARMED: Mutex<Option<Interrupt>> = Mutex::new(None);

/// Takes Ctrl-C over (once per process).
fn install() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let handled = ctrlc::set_handler(|| {
            let armed = ARMED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
            match armed {
                Some(interrupt) => interrupt.fire(),
                // Nothing to abandon: end as SIGINT would have (a second Ctrl-C lands here too).
                None => std::process::exit(130),
            }
        });
        // Without a handler Ctrl-C still ends `ao` (nothing is acknowledged before a commit).
        drop(handled);
    });
}

/// An evaluation that Ctrl-C or a timeout may abandon, until dropped.
pub struct Armed {
    pub interrupt: Interrupt,
    timed_out: Arc<AtomicBool>,
    timeout: Option<Duration>,
    /// Dropping it ends the timer.
    _timer: Option<mpsc::Sender<()>>,
}

impl Armed {
    /// Arms a fresh interrupt for Ctrl-C, and for `timeout` from now if given.
    pub fn new(timeout: Option<Duration>) -> Armed {
        install();
        let interrupt = Interrupt::new();
        *ARMED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(interrupt.clone());
        let timed_out = Arc::new(AtomicBool::new(false));
        let timer = timeout.map(|limit| {
            let (stop, stopped) = mpsc::channel::<()>();
            let (interrupt, timed_out) = (interrupt.clone(), timed_out.clone());
            std::thread::spawn(move || {
                if stopped.recv_timeout(limit) == Err(RecvTimeoutError::Timeout) {
                    timed_out.store(true, Ordering::SeqCst);
                    interrupt.fire();
                }
            });
            stop
        });
        Armed { interrupt, timed_out, timeout, _timer: timer }
    }

    /// An interrupt nothing fires: for commands whose waits Ctrl-C ends at once (`ao tail -f`).
    pub fn unarmed() -> Armed {
        Armed { interrupt: Interrupt::new(), timed_out: Arc::new(AtomicBool::new(false)), timeout: None, _timer: None }
    }

    /// Whether Ctrl-C (not the timeout) fired it.
    pub fn stopped_by_user(&self) -> bool {
        self.interrupt.is_fired() && !self.timed_out.load(Ordering::SeqCst)
    }

    /// The CLI error for `error`: an interrupted evaluation as Ctrl-C or the timeout ended it.
    pub fn error(&self, error: NodeError) -> CliError {
        match error {
            NodeError::Interrupted if self.timed_out.load(Ordering::SeqCst) => CliError::failed(format!(
                "the evaluation took longer than --timeout {} and was abandoned; nothing was kept",
                crate::text::duration(self.timeout.unwrap_or_default())
            )),
            NodeError::Interrupted => {
                CliError::interrupted("interrupted: the evaluation was abandoned; nothing was kept")
            }
            other => super::node_access::node_error(other),
        }
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        let mut armed = ARMED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if armed.as_ref().is_some_and(|current| current.same(&self.interrupt)) {
            *armed = None;
        }
    }
}

/// The shortest and the longest `--timeout`: under a millisecond nothing could finish, and a
/// deadline past a day is one nobody waits for (and far-off ones overflow the clock).
const TIMEOUT_RANGE: std::ops::RangeInclusive<Duration> = Duration::from_millis(1)..=Duration::from_secs(24 * 60 * 60);

/// clap parser for `--timeout`: `500ms`, `10s`, `2m`, or seconds (`1.5`), from 1ms to a day.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, scale) = match text {
        t if t.ends_with("ms") => (&t[..t.len() - 2], 0.001),
        t if t.ends_with('s') => (&t[..t.len() - 1], 1.0),
        t if t.ends_with('m') => (&t[..t.len() - 1], 60.0),
        t if t.ends_with('h') => (&t[..t.len() - 1], 3600.0),
        t => (t, 1.0),
    };
    let parsed = number.trim().parse::<f64>().ok().and_then(|n| Duration::try_from_secs_f64(n * scale).ok());
    match parsed {
        Some(duration) if TIMEOUT_RANGE.contains(&duration) => Ok(duration),
        _ => Err("expected a duration from 1ms to a day, like 500ms, 10s, 2m or 1h".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_with_or_without_a_unit() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("1440m"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("1.5h"), Ok(Duration::from_secs(5_400)));
        for refused in
            ["0", "soon", "1e-12", "0.5ms", "1e30", "18446744073709551615s", "86401", "-1s", "NaN", "inf", "25h"]
        {
            assert!(parse_duration(refused).is_err(), "{refused}");
        }
        assert_eq!(crate::text::duration(Duration::from_secs(3)), "3s");
        assert_eq!(crate::text::duration(Duration::from_millis(1500)), "1500ms");
    }
}
