//! The llama messages for the reference loader (`tests/js/aos-reference.cjs`), shared by the
//! llama test and the big-memory benchmark: a process of the published llama module with
//! WeaveDrive, its spawn, then one Eval per chunk of Lua; the reference's gateway serves the
//! model, attested by the process's scheduler.
use base64::Engine as _;
use serde_json::{Value, json};

/// What `aos-reference.cjs` reads: one run of `evals` after the spawn, the memory kept in the
/// instance; with `timings`, each result also has its `Ms` and `MaxRssKb`.
pub fn runs(model: &[u8], data_id: &str, evals: &[String], timings: bool) -> Value {
    let (process, owner, scheduler) = ("P".repeat(43), "O".repeat(43), "S".repeat(43));
    let tags = json!([
        {"name": "Type", "value": "Process"}, {"name": "Module", "value": "MODULE"}, {"name": "Name", "value": "ll"},
        {"name": "Extension", "value": "WeaveDrive"}, {"name": "Scheduler", "value": scheduler},
    ]);
    let message = |n: u64, tags: &Value, data: &str| {
        json!({"Id": format!("{n:M>43}"), "Owner": owner, "From": owner, "Target": process,
               "Tags": tags, "Data": data, "Timestamp": 1_700_000_000_000u64 + n * 1000, "Block-Height": 1,
               "Nonce": n, "Epoch": 0, "Cron": false, "Read-Only": false})
    };
    let eval = json!([{"name": "Action", "value": "Eval"}]);
    let mut spawn = message(0, &tags, "");
    spawn["Id"] = json!(process);
    let mut messages = vec![spawn];
    messages.extend(evals.iter().zip(1..).map(|(code, n)| message(n, &eval, code)));
    let data = base64::engine::general_purpose::STANDARD.encode(model);
    let drive = json!({
        "items": {data_id: {"data": data, "tx": "{}"}}, "blocks": {},
        "statements": [{"kind": "Attestation", "subject": data_id, "by": scheduler, "block": 0}],
    });
    let module = json!({"id": "MODULE", "owner": owner, "tags": []});
    json!({
        "module": "llama.wasm", "format": "wasm64-unknown-emscripten-draft_2024_02_15", "drive": drive,
        "inPlace": true, "timings": timings,
        "runs": [{
            "env": {"Process": {"Id": process, "Owner": owner, "Tags": tags}, "Module": module},
            "messages": messages,
            "weavedrive": {"spawn": {"id": process, "owner": owner, "tags": tags}, "module": module},
        }],
    })
}

/// Lua that loads the model at `data_id` from the drive (returns 0 when llama.cpp loads it).
pub fn load(data_id: &str) -> String {
    format!("Llama = require('llama') return Llama.load('/data/{data_id}')")
}
