//! Runtime errors: `RuntimeError` when the runtime itself cannot do its job, `EvalError` when a
//! message's evaluation failed (a normal outcome: the message gets an Error result, state rolls back).
use std::path::PathBuf;

use serde_json::Value;

/// The runtime could not compile, load, instantiate, boot or restore a process.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("configuring the wasm engine: {0}")]
    Engine(String),
    #[error("invalid process module: {0}")]
    InvalidModule(String),
    #[error("module cache {}: {source}", path.display())]
    Cache { path: PathBuf, source: std::io::Error },
    #[error("instantiating the process module: {0}")]
    Instantiate(String),
    #[error("booting the process failed: {0}")]
    Boot(String),
    #[error("cannot restore snapshot: {0}")]
    Restore(String),
    #[error(
        "replaying message {index} after a rollback gave a different outcome ({detail}); the module is not deterministic"
    )]
    Replay { index: usize, detail: String },
}

/// Why evaluating one message failed. The process's state is what it was before the message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// The process reported an error: a Lua error, or a result with an `Error` field.
    #[error("{}", describe(error))]
    Process { error: Value, output: Option<Box<Value>> },
    /// The message used more compute than `Compute-Limit` allows.
    #[error("compute limit exceeded: the message needed more than {limit} instructions (Compute-Limit)")]
    ComputeLimit { limit: u64 },
    /// The process needed more memory than `Memory-Limit` allows.
    #[error("memory limit exceeded: the process needed more than {limit} bytes of memory (Memory-Limit)")]
    MemoryLimit { limit: u64 },
    /// The module trapped (an invalid operation, a stack overflow, an exit).
    #[error("the process module trapped: {message}")]
    Trap { message: String },
    /// An [`Interrupt`](super::Interrupt) stopped the evaluation (Ctrl-C, a timeout). Not a
    /// result of the message: whoever evaluates it keeps nothing.
    #[error("the evaluation was interrupted")]
    Interrupted,
    /// The module returned something that is not the `{ok, response}` result JSON.
    #[error("the process module returned an invalid result: {0}")]
    BadResult(String),
}

fn describe(error: &Value) -> String {
    match error {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
