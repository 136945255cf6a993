//! Group commit: the writes of pushes that come to commit while a round is being written are
//! stored together in the next round, one write transaction and one fsync. The push that finds no
//! round under way leads one: it writes every commit waiting, each inside a savepoint of its own
//! (a commit whose checks fail is rolled back alone and reported to its push), commits once, hands
//! each push its outcome and the lead of the next round to the first push that came meanwhile,
//! and goes back to its caller (so its next push evaluates while that round is written). A push
//! is acknowledged only after the transaction holding it committed.
//!
//! A leader does not wait for pushes still evaluating: measured with two threads sending to two
//! processes, waiting to pair them saved fsyncs but kept both threads idle during each round, and
//! was slower than letting one thread's commit overlap the other's evaluation.
use std::mem;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::NodeError;
use super::store::{Store, StoreError, Tx};

/// What a push stores: `apply` checks that it still holds (no other writer got in the way) and
/// writes it, inside the group's transaction.
pub(crate) trait Commit: Send {
    fn apply(&self, tx: &Tx) -> Result<(), NodeError>;
}

#[derive(Default)]
pub(crate) struct GroupCommit {
    state: Mutex<Group>,
}

#[derive(Default)]
struct Group {
    waiting: Vec<Waiting>,
    /// Whether a push is leading a round now.
    leading: bool,
}

struct Waiting {
    commit: Box<dyn Commit>,
    done: Arc<Done>,
}

/// Where a waiting push hears what to do: its outcome, or to lead the next round.
#[derive(Default)]
struct Done {
    signal: Mutex<Option<Signal>>,
    ready: Condvar,
}

enum Signal {
    Outcome(Result<(), NodeError>),
    Lead,
}

impl Done {
    fn set(&self, signal: Signal) {
        *self.signal.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(signal);
        self.ready.notify_all();
    }

    fn wait(&self) -> Signal {
        let mut signal = self.signal.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        loop {
            if let Some(signal) = signal.take() {
                return signal;
            }
            signal = self.ready.wait(signal).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}

impl GroupCommit {
    fn state(&self) -> MutexGuard<'_, Group> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores `commit` in `store` with whatever other pushes commit at the same time; returns
    /// once it is durable (or why it is not).
    pub(crate) fn commit(&self, store: &Store, commit: Box<dyn Commit>) -> Result<(), NodeError> {
        let done = Arc::new(Done::default());
        let lead = {
            let mut group = self.state();
            group.waiting.push(Waiting { commit, done: done.clone() });
            !mem::replace(&mut group.leading, true)
        };
        if !lead && let Signal::Outcome(outcome) = done.wait() {
            return outcome;
        }
        // Leading: this push's commit is among those waiting.
        let round = mem::take(&mut self.state().waiting);
        write_round(store, round);
        {
            let mut group = self.state();
            match group.waiting.first() {
                Some(next) => next.done.set(Signal::Lead),
                None => group.leading = false,
            }
        }
        match done.wait() {
            Signal::Outcome(outcome) => outcome,
            Signal::Lead => unreachable!("a leader's own commit is in its round"),
        }
    }
}

/// Writes `round` in one transaction and hands each push its outcome.
fn write_round(store: &Store, round: Vec<Waiting>) {
    if let [only] = round.as_slice() {
        // A push alone: the transaction is its own, so it needs no savepoint (whose journal
        // copies every page the push changes, in case it must be rolled back alone).
        only.done.set(Signal::Outcome(store.write(|tx| only.commit.apply(tx))));
        return;
    }
    let mut outcomes: Vec<Result<(), NodeError>> = Vec::with_capacity(round.len());
    let written = store.write(|tx| -> Result<(), NodeError> {
        for waiting in &round {
            tx.conn().execute_batch("SAVEPOINT push").map_err(StoreError::from)?;
            let applied = waiting.commit.apply(tx);
            let end = if applied.is_ok() { "RELEASE push" } else { "ROLLBACK TO push; RELEASE push" };
            tx.conn().execute_batch(end).map_err(StoreError::from)?;
            outcomes.push(applied);
        }
        Ok(())
    });
    match written {
        Ok(()) => {
            for (waiting, outcome) in round.iter().zip(outcomes) {
                waiting.done.set(Signal::Outcome(outcome));
            }
        }
        Err(error) => {
            // Nothing of the round is stored. The first push hears why; the others start over
            // (and, if it happens again, lead and hear it themselves).
            let mut error = Some(error);
            for waiting in &round {
                let outcome = match error.take() {
                    Some(error) => Err(error),
                    None => Err(NodeError::Store(StoreError::Conflict("the group commit failed".into()))),
                };
                waiting.done.set(Signal::Outcome(outcome));
            }
        }
    }
}
