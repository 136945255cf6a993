//! The store's write-ahead log, copied into the database off the commit path. A commit appends
//! its pages to the WAL and syncs it, which is what makes it durable; copying them into the
//! database file (a WAL checkpoint: write, then sync the database) is left to SQLite by default,
//! which does it inside the commit that takes the WAL past 1,000 pages and again when the last
//! connection closes — so a command that wrote a few megabytes (a fan-out) paid for writing and
//! syncing them twice before it could exit. Here a thread of the store checkpoints instead: woken
//! when a store opens on a WAL an earlier run left, and after a commit that leaves the WAL long,
//! while the node goes on evaluating. Connections leave the WAL in place when they close (the
//! next open reads it back); a commit that finds the WAL past [`WAL_MAX_FRAMES`] (the thread fell
//! behind) checkpoints itself before returning, as SQLite would, so the WAL stays bounded.
//!
//! A store that opens on a WAL an earlier run left must see that checkpoint finish before its
//! first write: SQLite forgets at an open how much of the WAL had been copied, so the WAL starts
//! over (and the next open finds it short) only when a write begins with all of it copied. A
//! short command after a long one would otherwise start copying the long one's WAL again, exit
//! before finishing, and leave the same work to every command after it. So the first write waits
//! for that one checkpoint, which by then has mostly run beside the command's own work.
use std::cell::Cell;
use std::ffi::c_int;
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags};

/// The thread is woken each time commits have added this many frames (pages) to the WAL since
/// it was last woken: SQLite's own threshold. (Woken more often, its syncs of the database
/// compete with the commits' syncs of the WAL: the disk flushes one at a time.)
const WAKE_AFTER_FRAMES: c_int = 1000;

/// A commit that leaves more frames than this in the WAL checkpoints before it returns (16 MB
/// of 4 KB pages: what a store opening reads back at most).
const WAL_MAX_FRAMES: c_int = 4096;

/// The WAL file is cut back to this length when the WAL starts over (one long commit would
/// otherwise leave a file its size for good).
pub(crate) const KEPT_WAL_BYTES: i64 = 16 << 20;

thread_local! {
    /// The WAL's length in frames after the last commit on this thread's writing connection.
    static FRAMES: Cell<c_int> = const { Cell::new(0) };
}

/// The writing connection's WAL hook (which replaces SQLite's automatic checkpoints): notes the
/// WAL's length after each commit, for [`frames_after_commit`].
pub(crate) fn note_frames(_: &rusqlite::hooks::Wal, frames: c_int) -> rusqlite::Result<()> {
    FRAMES.set(frames);
    Ok(())
}

/// How many frames the WAL held after the commit this thread just made (0 if it wrote none).
pub(crate) fn frames_after_commit() -> c_int {
    FRAMES.replace(0)
}

/// Checkpoints the WAL as far as readers allow, without waiting for them or for writers.
fn checkpoint(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}

/// The store's checkpointing thread, started the first time it is woken and stopped when this is
/// dropped (after the checkpoint under way, if any; nothing waits for it: a checkpoint cut short
/// when the program exits is one SQLite finishes later).
pub(crate) struct Checkpointer {
    target: String,
    flags: OpenFlags,
    state: Arc<(Mutex<State>, Condvar)>,
}

#[derive(Default)]
struct State {
    started: bool,
    wanted: bool,
    stopped: bool,
    /// A checkpoint of the WAL an earlier run left is wanted or under way.
    opening: bool,
    /// The WAL's length when the thread was last woken after a commit.
    woken_at: c_int,
}

impl Checkpointer {
    /// For the database connections open as `target` with `flags`.
    pub(crate) fn new(target: String, flags: OpenFlags) -> Self {
        Checkpointer { target, flags, state: Arc::default() }
    }

    /// After a commit that left `frames` in the WAL: checkpoints before returning past
    /// [`WAL_MAX_FRAMES`] (on `conn`, the writing connection), wakes the thread every
    /// `WAKE_AFTER_FRAMES`.
    pub(crate) fn committed(&self, conn: &Connection, frames: c_int) {
        if frames > WAL_MAX_FRAMES {
            // Committed either way; a checkpoint that fails now is tried again later.
            let _ = checkpoint(conn);
            return;
        }
        let wake = {
            let mut state = self.state.0.lock().unwrap_or_else(PoisonError::into_inner);
            if frames < state.woken_at {
                // The WAL started over.
                state.woken_at = 0;
            }
            let wake = frames - state.woken_at > WAKE_AFTER_FRAMES;
            if wake {
                state.woken_at = frames;
            }
            wake
        };
        if wake {
            self.wake();
        }
    }

    /// Asks for a checkpoint of the WAL an earlier run left, which [`Self::settle`] waits for.
    pub(crate) fn wake_at_open(&self) {
        self.state.0.lock().unwrap_or_else(PoisonError::into_inner).opening = true;
        self.wake();
    }

    /// Waits for the checkpoint [`Self::wake_at_open`] asked for, if it is not done (before a
    /// write: see the module's documentation).
    pub(crate) fn settle(&self) {
        let (lock, signal) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        while state.opening && state.started {
            state = signal.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Asks for a checkpoint (one more after the one under way, however often it is asked).
    pub(crate) fn wake(&self) {
        let (lock, signal) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        state.wanted = true;
        if !state.started {
            state.started = true;
            let (target, flags, shared) = (self.target.clone(), self.flags, self.state.clone());
            let spawned = std::thread::Builder::new()
                .name("ao-wal-checkpoint".into())
                .spawn(move || checkpoint_when_asked(&target, flags, &shared));
            // Without the thread, commits still checkpoint past `WAL_MAX_FRAMES`.
            state.started = spawned.is_ok();
        }
        signal.notify_all();
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (lock, signal) = &*self.state;
        lock.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
        signal.notify_all();
    }
}

/// The thread: a connection of its own, a checkpoint each time one is wanted. However it ends
/// (stopped, its connection would not open, a panic), nobody waits for it any more.
fn checkpoint_when_asked(target: &str, flags: OpenFlags, shared: &(Mutex<State>, Condvar)) {
    let _ended = Ended(shared);
    let Ok(conn) = super::store::open_connection(target, flags, target) else { return };
    // A checkpoint syncs the database before it counts pages as copied (FULL is SQLite's default
    // too; said here so a build with another default cannot weaken it).
    if conn.pragma_update(None, "synchronous", "FULL").is_ok() {
        checkpoint_until_stopped(&conn, shared);
    }
}

/// Marks the thread ended when dropped.
struct Ended<'s>(&'s (Mutex<State>, Condvar));

impl Drop for Ended<'_> {
    fn drop(&mut self) {
        let (lock, signal) = self.0;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        (state.started, state.opening) = (false, false);
        signal.notify_all();
    }
}

fn checkpoint_until_stopped(conn: &Connection, (lock, signal): &(Mutex<State>, Condvar)) {
    loop {
        let opening = {
            let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
            while !state.wanted && !state.stopped {
                state = signal.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
            if state.stopped {
                return;
            }
            state.wanted = false;
            state.opening
        };
        // Busy or failing, it is tried again at the next wake; commits past `WAL_MAX_FRAMES`
        // checkpoint themselves meanwhile.
        let _ = checkpoint(conn);
        if opening {
            lock.lock().unwrap_or_else(PoisonError::into_inner).opening = false;
            signal.notify_all();
        }
    }
}
