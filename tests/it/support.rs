//! Shared test helpers: one runtime for the whole test binary, and ao messages for the minimal
//! process library (`Action = Eval` runs `Data` as Lua).
use std::sync::{Arc, OnceLock};

use ao::runtime::{Evaluation, Limits, LoadedModule, Process, Runtime, RuntimeConfig};
use serde_json::json;

pub const ENV: &str =
    r#"{"Process":{"Id":"PROCESS","Owner":"OWNER","Tags":[]},"Module":{"Id":"MODULE","Owner":"OWNER","Tags":[]}}"#;

/// The runtime every test shares (compiling the module once per binary, not per test).
pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| Runtime::new(RuntimeConfig::default()).expect("runtime"))
}

pub fn aos() -> Arc<LoadedModule> {
    runtime().load_aos().expect("ao's module loads")
}

pub fn boot(limits: Limits) -> Process {
    Process::boot(aos(), limits).expect("boot")
}

/// An ao message asking the process to evaluate `code`.
pub fn eval_msg(code: &str) -> String {
    json!({
        "Id": "MESSAGE", "Owner": "OWNER", "From": "OWNER", "Target": "PROCESS",
        "Tags": [{"name": "Action", "value": "Eval"}], "Data": code,
        "Timestamp": 1_700_000_000_000u64, "Block-Height": 1_000_000, "Nonce": 1, "Cron": false,
    })
    .to_string()
}

pub fn eval(process: &mut Process, code: &str) -> Evaluation {
    process.handle(&eval_msg(code), ENV).expect("the runtime itself works")
}

/// Evaluates `code`, which must succeed, and returns its Output.data.
pub fn eval_ok(process: &mut Process, code: &str) -> String {
    let evaluation = eval(process, code);
    let response = evaluation.outcome.unwrap_or_else(|e| panic!("`{code}` failed: {e}"));
    response["Output"]["data"].as_str().expect("Output.data is a string").to_owned()
}
