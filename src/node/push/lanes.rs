//! A run of deliveries to several processes evaluated on several cores: each target's live run
//! moves to one lane (a thread) for the run, the lane evaluates that target's messages in their
//! order, and what they returned is staged and handed back in delivery order — the same log, the
//! same results and the same next hop as evaluating them one after the other.
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{Push, ScheduleTip};
use crate::node::NodeError;
use crate::node::compute::LiveProcess;
use crate::node::compute::core::Evaluated;
use crate::node::scheduler::{Assigned, Scheduled};
use crate::protocol::{DataItem, Id};

/// A message for a lane: the place in the run of the delivery it is or comes before, whether it is
/// that delivery (`false` for a slot another writer got, evaluated and staged but not delivered
/// from), its process, and the message as scheduled.
type Job = (usize, bool, Id, Scheduled);

/// What a lane evaluated for a job: its place, whether it is the delivery, the results.
type Done = (usize, bool, Result<Vec<Evaluated>, NodeError>);

impl Push<'_> {
    /// Schedules and evaluates `deliveries` (to the processes `targets`, entered, in the order
    /// each first appears) on `lanes` threads; `tips` is each target's tip and cron cursor.
    pub(super) fn deliver_on_lanes(
        &mut self,
        deliveries: &[(Id, std::sync::Arc<DataItem>)],
        tips: HashMap<Id, (Option<ScheduleTip>, u64)>,
        targets: &[Id],
        lanes: usize,
    ) -> Result<Vec<Vec<Evaluated>>, NodeError> {
        let lane_of: HashMap<Id, usize> =
            targets.iter().enumerate().map(|(i, process)| (*process, i % lanes)).collect();
        let mut runs: Vec<HashMap<Id, LiveProcess>> = (0..lanes).map(|_| HashMap::new()).collect();
        for process in targets {
            let live = self.held(*process).guard.take().expect("an entered process is live");
            runs[lane_of[process]].insert(*process, live);
        }
        let scheduler = self.node.scheduler.as_ref();
        let (all, lives, failed) = std::thread::scope(|scope| {
            let assignments = super::assign_ahead(scope, scheduler, deliveries, tips);
            let (done, finished) = channel::<Done>();
            let mut jobs = Vec::with_capacity(lanes);
            let lane_threads: Vec<_> = runs
                .into_iter()
                .map(|lives| {
                    let (job, receive) = channel::<Job>();
                    jobs.push(job);
                    let done = done.clone();
                    scope.spawn(move || run_lane(lives, receive, done))
                })
                .collect();
            drop(done);
            let dispatched = self.dispatch(deliveries, &assignments, &jobs, &lane_of);
            drop((jobs, assignments));
            let mut all: Vec<Option<Vec<Evaluated>>> = (0..deliveries.len()).map(|_| None).collect();
            let mut failed = dispatched.err().map(|error| (usize::MAX, error));
            for (index, delivery, evaluated) in finished {
                match (delivery, evaluated) {
                    (true, Ok(evaluated)) => all[index] = Some(evaluated),
                    (false, Ok(evaluated)) => evaluated.iter().for_each(|e| self.stage(e)),
                    // The first error in delivery order is the one to report (as one after the
                    // other would have).
                    (_, Err(error)) => {
                        if failed.as_ref().is_none_or(|(first, _)| index < *first) {
                            failed = Some((index, error));
                        }
                    }
                }
            }
            let lives: Vec<HashMap<Id, LiveProcess>> = lane_threads
                .into_iter()
                .map(|lane| lane.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect();
            (all, lives, failed)
        });
        for (process, live) in lives.into_iter().flatten() {
            *self.held(process).guard = Some(live);
        }
        if let Some((_, error)) = failed {
            return Err(error);
        }
        let all: Vec<Vec<Evaluated>> = all.into_iter().map(|e| e.expect("every delivery was evaluated")).collect();
        for evaluated in all.iter().flatten() {
            self.stage(evaluated);
        }
        Ok(all)
    }

    /// Stages each delivery's slot as its assignment arrives and hands it to its target's lane.
    fn dispatch(
        &mut self,
        deliveries: &[(Id, std::sync::Arc<DataItem>)],
        assignments: &Receiver<Result<Assigned, NodeError>>,
        jobs: &[Sender<Job>],
        lane_of: &HashMap<Id, usize>,
    ) -> Result<(), NodeError> {
        for (index, (process, _)) in deliveries.iter().enumerate() {
            let Assigned { before, slot } = assignments.recv().expect("one assignment per delivery")?;
            let lane = &jobs[lane_of[process]];
            for theirs in before {
                self.take_slot(*process, &theirs)?;
                // A lane that stopped on an error has reported it.
                let _ = lane.send((index, false, *process, theirs.scheduled));
            }
            self.take_slot(*process, &slot)?;
            let _ = lane.send((index, true, *process, slot.scheduled));
        }
        Ok(())
    }
}

/// Evaluates each job on its process's live run, in the order the jobs come, until they end or
/// one fails; returns the live runs.
fn run_lane(mut lives: HashMap<Id, LiveProcess>, jobs: Receiver<Job>, done: Sender<Done>) -> HashMap<Id, LiveProcess> {
    for (index, delivery, process, scheduled) in jobs {
        let live = lives.get_mut(&process).expect("a lane has the processes it is given");
        let mut evaluated = Vec::new();
        let outcome = live
            .run
            .apply(&scheduled, |e| {
                evaluated.push(e);
                Ok(())
            })
            .map(|()| evaluated);
        let failed = outcome.is_err();
        if done.send((index, delivery, outcome)).is_err() || failed {
            break;
        }
    }
    lives
}
