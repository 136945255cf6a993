//! The compute unit: folds each process's schedule through its module. Hot processes stay live in
//! memory; a cold one starts from its newest checkpoint (lz4-compressed memory, checked against its
//! sha256) or from a fresh boot, and replays the slots after it. The result of every slot is
//! stored; a failed message (Error, limits, trap) leaves the state as it was, as the reference CU does.
use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value, json};

use super::NodeError;
use super::envelope::{env_json, message_json};
use super::store::{CheckpointRow, ProcessRow, Tx};
use crate::protocol::{DataItem, Id};
use crate::runtime::{EvalError, Limits, LoadedModule, Process, Snapshot};

/// A process held in memory, evaluated up to `next_slot - 1`.
pub struct LiveProcess {
    pub process: Process,
    pub next_slot: u64,
    env: String,
    /// The slot of the newest stored checkpoint, if any.
    checkpointed: Option<u64>,
}

/// A slot evaluated for the first time: its message and result.
pub struct Evaluated {
    pub message: Id,
    pub result: Value,
}

#[derive(Default)]
pub struct Compute {
    live: HashMap<Id, LiveProcess>,
}

/// A result as the compute unit reports it: `{Output, Messages, Spawns, Assignments, Error?}`.
pub fn result_json(outcome: &Result<Value, EvalError>) -> Value {
    match outcome {
        Ok(response) => {
            let mut result = json!({"Output": "", "Messages": [], "Spawns": [], "Assignments": []});
            if let Value::Object(fields) = response {
                for (name, value) in fields {
                    result[name] = value.clone();
                }
            }
            result
        }
        Err(error) => {
            let output = match error {
                EvalError::Process { output: Some(output), .. } => (**output).clone(),
                _ => json!(""),
            };
            json!({"Output": output, "Messages": [], "Spawns": [], "Assignments": [], "Error": error.to_string()})
        }
    }
}

/// The limits a process runs under: the defaults, lowered by its `Memory-Limit` and
/// `Compute-Limit` tags.
pub fn limits_of(spawn: &DataItem) -> Result<Limits, NodeError> {
    Ok(Limits::with_tags(spawn.tag("Memory-Limit"), spawn.tag("Compute-Limit"))?)
}

impl Compute {
    /// Evaluates `process` up to and including `to_slot`, storing each new result; returns the
    /// slots that had no result before, in order (replaying a slot that has one stores nothing).
    pub fn evaluate(
        &mut self,
        tx: &Tx,
        module: &Arc<LoadedModule>,
        process: &ProcessRow,
        to_slot: u64,
    ) -> Result<Vec<Evaluated>, NodeError> {
        let live = self.live_process(tx, module, process, to_slot)?;
        let mut evaluated = Vec::new();
        if live.next_slot > to_slot {
            return Ok(evaluated);
        }
        for slot in tx.slots(process.id, live.next_slot, to_slot)? {
            let item =
                DataItem::parse(&slot.item).map_err(|e| NodeError::Damaged(format!("slot {}: {e}", slot.slot)))?;
            let msg = message_json(process.id, &slot, &item).to_string();
            let evaluation = live.process.handle(&msg, &live.env)?;
            let result = result_json(&evaluation.outcome);
            live.next_slot = slot.slot + 1;
            if tx.save_result(process.id, slot.slot, &result.to_string())? {
                evaluated.push(Evaluated { message: slot.message, result });
            }
        }
        Ok(evaluated)
    }

    /// The live process, evaluated no further than `to_slot`: the one in memory if it is not past
    /// it, else restored from the newest checkpoint at or before it, else freshly booted.
    fn live_process(
        &mut self,
        tx: &Tx,
        module: &Arc<LoadedModule>,
        process: &ProcessRow,
        to_slot: u64,
    ) -> Result<&mut LiveProcess, NodeError> {
        if self.live.get(&process.id).is_some_and(|live| live.next_slot <= to_slot + 1) {
            return Ok(self.live.get_mut(&process.id).expect("just checked"));
        }
        let spawn = tx.slots(process.id, 0, 0)?.pop().ok_or(NodeError::UnknownProcess(process.id.to_string()))?;
        let spawn = DataItem::parse(&spawn.item).map_err(|e| NodeError::Damaged(format!("spawn: {e}")))?;
        let env = env_json(process.id, &spawn, process.module).to_string();
        let limits = limits_of(&spawn)?;
        let live = match tx.checkpoint(process.id, to_slot)? {
            Some(CheckpointRow { slot, memory_hash, compressed }) => {
                let memory = lz4_flex::decompress_size_prepended(&compressed)
                    .map_err(|e| NodeError::Damaged(format!("checkpoint of {} at slot {slot}: {e}", process.id)))?;
                let snapshot = Snapshot::from_memory(module.id(), memory);
                if snapshot.memory_hash()[..] != memory_hash[..] {
                    return Err(NodeError::Damaged(format!(
                        "checkpoint of {} at slot {slot}: hash mismatch",
                        process.id
                    )));
                }
                let process = Process::restore(module.clone(), limits, snapshot)?;
                LiveProcess { process, next_slot: slot + 1, env, checkpointed: Some(slot) }
            }
            None => {
                LiveProcess { process: Process::boot(module.clone(), limits)?, next_slot: 0, env, checkpointed: None }
            }
        };
        self.live.insert(process.id, live);
        Ok(self.live.get_mut(&process.id).expect("just inserted"))
    }

    /// Evaluates `msg_json` on `process` as it is after `tip` and forgets it: nothing is stored
    /// and the process's state is untouched.
    pub fn dry_run(
        &mut self,
        tx: &Tx,
        module: &Arc<LoadedModule>,
        process: &ProcessRow,
        tip: u64,
        msg_json: &str,
    ) -> Result<Value, NodeError> {
        self.evaluate(tx, module, process, tip)?;
        let live = self.live_process(tx, module, process, tip)?;
        let evaluation = live.process.dry_run(msg_json, &live.env)?;
        Ok(result_json(&evaluation.outcome))
    }

    /// Writes a checkpoint for every live process evaluated past its last one.
    pub fn checkpoint_all(&mut self, tx: &Tx) -> Result<(), NodeError> {
        for (id, live) in &mut self.live {
            let Some(slot) = live.next_slot.checked_sub(1) else { continue };
            if live.checkpointed == Some(slot) {
                continue;
            }
            let snapshot = live.process.snapshot()?;
            let compressed = lz4_flex::compress_prepend_size(snapshot.memory());
            tx.save_checkpoint(*id, slot, &snapshot.memory_hash(), &compressed)?;
            live.checkpointed = Some(slot);
        }
        Ok(())
    }
}
