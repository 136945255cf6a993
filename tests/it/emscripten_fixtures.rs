//! The emscripten fixtures (module/emscripten-fixtures/README.md: a C and a Lua module built with
//! emscripten 3.1.6 for each of the older glue families A, emscripten2 and emscripten3, plain and
//! pre-metered) on ao's emscripten host, against the reference loader (@permaweb/ao-loader 0.0.49,
//! run by `oracle.cjs`). Every message must give the same result — thrown or not, Output, Messages,
//! Spawns, Assignments, Error — and leave the same memory, byte for byte; a metered fixture must
//! report the same GasUsed. On ao the process moves to a fresh instance through a snapshot halfway.
//!
//! Which reference run ao is held to: the oracle's `fresh` mode, a new loader instance for every
//! message, given the memory of the last message that succeeded. That is ao's semantics: a
//! process's state is its memory and nothing else — what the glue keeps in JavaScript (the clock,
//! `_tzset_js`'s first-call flag, tempRet0) starts over at every message, so a restored process
//! behaves as one that stayed live — and a failed message leaves no trace. In `same` mode (one
//! cached instance) that JavaScript state carries over, and after a throw the instance keeps the
//! memory the failed call grew and a lowered stack pointer: its memory and GasUsed part from any
//! memory-only host at the first message that reuses the instance's `_tzset_js` (which allocates
//! the zone names once per instance) or follows a throw. In fresh mode both agree at every message, thrown ones included, so memory and
//! GasUsed are compared at every message — up to a deliberate difference, after which the two
//! states are no longer the same (see `DELIBERATE`).
//!
//! What the fixtures exercise, and so what agreeing proves (`EXPECTED` pins some of it on ao's
//! own results too): `invoke_vii` + `_emscripten_throw_longjmp` (C `jump:N`, Lua `pcall`,
//! `nest:N`, `throw`; nest:100 needs the engine's 1 MiB wasm stack), `main` at start-up (C `ping`
//! says `main=1`), tempRet0 (the setjmp tables of the older glues go through the
//! `getTempRet0`/`setTempRet0` imports; emscripten3's `_mktime_js` calls the module's exported
//! `setTempRet0`, which lands in memory), the time imports (`date`, `ping`), heap growth through
//! `emscripten_resize_heap` (same sizes as the glue's growth policy), and `metering.usegas`.
//!
//! The fixtures are built on first use by `tools/build-emscripten-fixtures.sh` into
//! `.cache/emscripten-fixtures` (Debian's emscripten needed: `apt-get install emscripten`); without
//! emscripten or the npm peers the tests skip, unless `CI` is set, when they fail.
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use ao::protocol::Id;
use ao::runtime::{EvalError, Limits, ModuleFormat, Process};
use serde_json::{Value, json};

use crate::support::{npm_peers, root, runtime};

/// One fixture of the manifest `fixtures.json`.
struct Fixture {
    name: String,
    wasm: PathBuf,
    format: ModuleFormat,
    metered: bool,
    /// `{"env", "messages"}`.
    spec: Value,
}

struct Fixtures {
    npm: PathBuf,
    list: Vec<Fixture>,
}

/// The fixtures, built (or found up to date) once per test binary. (Without emscripten 3.1.6 the
/// tests are ignored: see `test_prerequisites` in build.rs.)
fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(build)
}

fn build() -> Fixtures {
    let npm = npm_peers();
    // The fixtures are made for Debian's 3.1.6 (another version builds other modules).
    let emcc = Command::new("emcc").arg("--version").output();
    let emcc = emcc.is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).contains(" 3.1.6 "));
    assert!(emcc, "emscripten 3.1.6 not found (apt-get install emscripten)");
    let dir = root().join(".cache/emscripten-fixtures");
    let output = Command::new("bash")
        .arg(root().join("tools/build-emscripten-fixtures.sh"))
        .arg(&dir)
        .env("AO_NPM_DIR", &npm)
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "building the fixtures failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("fixtures.json")).unwrap()).unwrap();
    let list = manifest["fixtures"]
        .as_array()
        .expect("a fixture list")
        .iter()
        .map(|entry| {
            let text = |key: &str| entry[key].as_str().unwrap_or_else(|| panic!("{key} in {entry}"));
            let spec = std::fs::read(root().join(text("messages"))).unwrap();
            Fixture {
                name: text("name").into(),
                wasm: dir.join(text("file")),
                format: text("format").parse().unwrap(),
                metered: entry["metered"].as_bool().unwrap(),
                spec: serde_json::from_slice(&spec).unwrap(),
            }
        })
        .collect();
    Fixtures { npm, list }
}

fn fixture(name: &str) -> &'static Fixture {
    let found = fixtures().list.iter().find(|f| f.name == name);
    found.unwrap_or_else(|| panic!("no fixture {name} in fixtures.json"))
}

/// Messages whose result deliberately differs from the reference's: (format, Data, why). The
/// message's Output is not compared, and since the states part there, neither are memory and
/// GasUsed from it on (outputs still are).
const DELIBERATE: &[(ModuleFormat, &str, &str)] = &[(
    ModuleFormat::Emscripten,
    "os",
    "family A's glue returns nothing (0) from __syscall_openat, so io.open of a missing file \
     succeeds with fd 0 there; ao's host answers -ENOENT as the other glues do",
)];

/// What ao's own results must say (Data, a substring of Output.data), beyond agreeing.
const EXPECTED: &[(&str, &str)] = &[
    ("ping", " main=1 "),
    ("jump:0", "path=normal value=0"),
    ("jump:3", "path=longjmp value=3"),
    ("jump:50", "path=longjmp value=50"),
    ("date:1700000000", "utc=2023-11-14T22:13:20Z Tue 318 yday=317 wday=2 mktime=1700000000"),
    ("date:0", "utc=1970-01-01T00:00:00Z Thu 001 yday=0 wday=4 mktime=0"),
    ("grow:16", "kept=16777216 heap=22085632"),
    ("grow:40", "kept=41943040 heap=64028672"),
    ("pcall", "false boom | false 7 | false fixture:66: attempt to index a nil value (local 't')"),
    ("nest:5", "false bottom<1<2<3<4<5"),
    ("nest:100", "false bottom<1<2<3<4<5<6<7<8<9<10<11...4<95<96<97<98<99<100"),
    ("date", " Tuesday November 318 46 2 PM 23 t=2023-11-14 22:13:"),
    ("date", " mktime=1709208000 now="),
];

/// The fixture's message sequence. The metered Lua fixtures keep 1 MiB where the sequence grows
/// by 8 and 64 MiB: Lua's `string.rep` of 64 MiB spends 4.7e11 gas, one host call to
/// `metering.usegas` per metered block, ~6 minutes in an unoptimised build (V8 inlines its JS
/// import). The full sequences agree too: `AO_EMSCRIPTEN_FIXTURES_FULL=1` runs them.
fn sequence(fixture: &Fixture) -> Value {
    let mut spec = fixture.spec.clone();
    if fixture.metered && fixture.name.starts_with("lua") && std::env::var_os("AO_EMSCRIPTEN_FIXTURES_FULL").is_none() {
        for msg in spec["messages"].as_array_mut().unwrap() {
            if msg["Data"].as_str().is_some_and(|data| data.starts_with("grow:")) {
                msg["Data"] = json!("grow:1");
            }
        }
    }
    spec
}

/// The oracle, started on `spec` in fresh mode (it runs while ours does).
struct Oracle {
    child: Child,
    _messages: tempfile::NamedTempFile,
}

impl Oracle {
    fn start(fixture: &Fixture, spec: &Value, compute_limit: Option<u64>) -> Oracle {
        let npm = &fixtures().npm;
        let messages = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(messages.path(), spec.to_string()).unwrap();
        let mut command = Command::new("node");
        command
            .arg(root().join("module/emscripten-fixtures/oracle.cjs"))
            .arg(&fixture.wasm)
            .arg(fixture.format.as_str())
            .arg(messages.path())
            .args(["--mode", "fresh"])
            .env("AO_NPM_DIR", npm)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(limit) = compute_limit {
            command.args(["--compute-limit", &limit.to_string()]);
        }
        Oracle { child: command.spawn().expect("node runs"), _messages: messages }
    }

    /// One line per message.
    fn lines(self) -> Vec<Value> {
        let output = self.child.wait_with_output().unwrap();
        assert!(output.status.success(), "oracle.cjs failed:\n{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8(output.stdout).unwrap();
        stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
    }
}

/// One message's result on ao, in the oracle's shape, and the error of a failed one.
struct Step {
    line: Value,
    error: Option<EvalError>,
}

/// Runs `spec` through a process on ao's host; `restore_at`: the message before which the process
/// moves to a fresh instance through a snapshot.
fn run_ours(fixture: &Fixture, spec: &Value, limits: Limits, restore_at: Option<usize>) -> Vec<Step> {
    let wasm = std::fs::read(&fixture.wasm).unwrap();
    let module = runtime().load_as(Id::sha256(&wasm), &wasm, fixture.format).expect("the fixture loads");
    let mut process = Process::boot(module, limits).expect("boot");
    let env = spec["env"].to_string();
    let mut steps = Vec::new();
    for (i, msg) in spec["messages"].as_array().unwrap().iter().enumerate() {
        if restore_at == Some(i) {
            let snapshot = process.snapshot().unwrap();
            process = Process::restore(process.module().clone(), process.limits(), snapshot).unwrap();
        }
        // serde_json keeps the keys' order: the same text as the oracle's JSON.stringify.
        let evaluation = process.handle(&msg.to_string(), &env).expect("the runtime works");
        let (mut line, error) = match evaluation.outcome {
            Ok(response) => {
                let mut line =
                    json!({"i": i, "ok": true, "Error": response.get("Error").cloned().unwrap_or(Value::Null)});
                for key in ["Output", "Messages", "Spawns", "Assignments"] {
                    line[key] = response.get(key).cloned().unwrap_or(Value::Null);
                }
                line["GasUsed"] = json!(evaluation.gas_used);
                (line, None)
            }
            Err(error) => (json!({"i": i, "ok": false, "Thrown": thrown(&error)}), Some(error)),
        };
        let (bytes, sha256) = (process.memory_size().unwrap(), process.memory_hash().unwrap());
        line["memory"] = json!({"bytes": bytes, "sha256": hex::encode(sha256)});
        steps.push(Step { line, error });
    }
    steps
}

/// A failed evaluation as the reference reports it: the `{ok: false}` response the loader throws,
/// or the kind of a host error (whose message is each host's own).
fn thrown(error: &EvalError) -> Value {
    match error {
        EvalError::Process { error, output: None } => error.clone(),
        EvalError::ComputeLimit { .. } => json!("(out of gas)"),
        EvalError::Trap { message } if message == "abort" => json!("(abort)"),
        other => json!(format!("(other: {other})")),
    }
}

/// The oracle's line, with host errors named as `thrown` names them.
fn reference(line: &Value) -> Value {
    let mut line = line.clone();
    let kind = match line["Thrown"].as_str() {
        Some("out of gas!") => "(out of gas)",
        Some(text) if text.starts_with("Aborted(") => "(abort)",
        _ => return line,
    };
    line["Thrown"] = json!(kind);
    line
}

/// Compares each message's result on ao with the reference's; returns the differences.
fn differences(fixture: &Fixture, spec: &Value, ours: &[Step], theirs: &[Value]) -> String {
    let messages = spec["messages"].as_array().unwrap();
    assert_eq!(theirs.len(), messages.len(), "{}: the oracle answered every message", fixture.name);
    let mut report = String::new();
    let mut same_state = true;
    for ((msg, ours), theirs) in messages.iter().zip(ours).zip(theirs) {
        let (ours, theirs) = (&ours.line, &reference(theirs));
        let data = msg["Data"].as_str().unwrap();
        let deliberate = DELIBERATE.iter().find(|(format, d, _)| *format == fixture.format && *d == data);
        let mut keys = vec!["ok", "Thrown", "Messages", "Spawns", "Assignments", "Error"];
        if deliberate.is_none() {
            keys.push("Output");
        }
        same_state &= deliberate.is_none();
        if same_state {
            keys.extend(["memory", "GasUsed"]);
        }
        for key in keys {
            let (a, b) = (ours.get(key).unwrap_or(&Value::Null), theirs.get(key).unwrap_or(&Value::Null));
            if a != b {
                report.push_str(&format!(
                    "{} message {} ({data}) {key}:\n  ours:      {a}\n  reference: {b}\n",
                    fixture.name, ours["i"]
                ));
            }
        }
    }
    report
}

/// Runs a fixture's sequence on both hosts (ao's restored from a snapshot halfway) and requires
/// them to agree; also that an uninterrupted process on ao gives the very same results.
fn agrees_with_the_reference_loader(name: &str) {
    let fixture = fixture(name);
    let spec = sequence(fixture);
    let oracle = Oracle::start(fixture, &spec, None);
    let count = spec["messages"].as_array().unwrap().len();
    let ours = run_ours(fixture, &spec, Limits::default(), Some(count / 2));
    let theirs = oracle.lines();
    let report = differences(fixture, &spec, &ours, &theirs);
    assert!(report.is_empty(), "{name} on ao's host differs from the reference loader:\n{report}");

    for (msg, step) in spec["messages"].as_array().unwrap().iter().zip(&ours) {
        let data = msg["Data"].as_str().unwrap();
        if step.line["ok"] == true {
            let gas = step.line["GasUsed"].as_u64().unwrap();
            assert_eq!(gas > 0, fixture.metered, "{name} {data}: GasUsed {gas}");
        }
        for (_, expected) in EXPECTED.iter().filter(|(d, _)| *d == data) {
            let output = step.line["Output"]["data"].as_str().unwrap_or_default();
            assert!(output.contains(expected), "{name} {data}: {output:?} lacks {expected:?}");
        }
    }
    // Every sequence has a message the module fails (`{"ok": false}`).
    assert!(ours.iter().any(|s| matches!(s.error, Some(EvalError::Process { .. }))), "{name}");

    // The restore was invisible: a process that stayed live gives the same lines (memory too).
    // (The metered Lua fixtures are spared the second, slower run: the reference already pins
    // every line of the restored one.)
    if !(fixture.metered && name.starts_with("lua")) {
        let live = run_ours(fixture, &spec, Limits::default(), None);
        for (a, b) in live.iter().zip(&ours) {
            assert_eq!(a.line, b.line, "{name}: the restored process continued differently");
        }
    }
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_e2_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-e2");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_e2_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-e2-metered");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_e2_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-e2");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_e2_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-e2-metered");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_e3_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-e3");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_e3_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-e3-metered");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_e3_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-e3");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_e3_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-e3-metered");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_a_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-a");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_a_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("c-a-metered");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_a_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-a");
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn lua_a_metered_agrees_with_the_reference_loader() {
    agrees_with_the_reference_loader("lua-a-metered");
}

/// A sequence of C fixture commands (the env and message shape of `messages/c.json`).
fn c_sequence(fixture: &Fixture, data: &[&str]) -> Value {
    let template = &fixture.spec["messages"][0];
    let messages: Vec<Value> = data
        .iter()
        .enumerate()
        .map(|(i, data)| {
            let mut msg = template.clone();
            msg["Id"] = json!(format!("EDGE-{i}"));
            msg["Data"] = json!(data);
            msg
        })
        .collect();
    json!({"env": fixture.spec["env"], "messages": messages})
}

/// Times outside 1970..2038: negative `_mktime_js` results, whose high half emscripten3's glue
/// hands to the module's exported `setTempRet0` (it lands in memory: compared), and times the
/// older glues' `_gmtime_js` reads only 32 bits of.
#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn c_fixtures_agree_on_times_outside_32_bits() {
    let data = ["date:-86400", "date:4102444800", "date:-2208988800", "date:2147483648", "jump:2", "date:-1"];
    for name in ["c-e2", "c-e2-metered", "c-e3", "c-e3-metered", "c-a", "c-a-metered"] {
        let fixture = fixture(name);
        let spec = c_sequence(fixture, &data);
        let oracle = Oracle::start(fixture, &spec, None);
        let ours = run_ours(fixture, &spec, Limits::default(), None);
        let report = differences(fixture, &spec, &ours, &oracle.lines());
        assert!(report.is_empty(), "{name} on ao's host differs from the reference loader:\n{report}");
        let first = ours[0].line["Output"]["data"].as_str().unwrap();
        assert!(first.ends_with("utc=1969-12-31T00:00:00Z Wed 365 yday=364 wday=3 mktime=-86400"), "{first}");
    }
}

/// Runs `spec` on both hosts under a `Compute-Limit`; requires the same results (memory and
/// GasUsed too), the heavy messages failing with `EvalError::ComputeLimit` exactly where the
/// reference runs out of gas, and returns their indices.
fn compute_limited(fixture: &Fixture, spec: &Value, limit: u64) -> Vec<usize> {
    let oracle = Oracle::start(fixture, spec, Some(limit));
    let ours = run_ours(fixture, spec, Limits { compute: limit, ..Limits::default() }, None);
    let theirs = oracle.lines();
    let report = differences(fixture, spec, &ours, &theirs);
    assert!(report.is_empty(), "{} under Compute-Limit {limit} differs from the reference:\n{report}", fixture.name);
    let out_of_gas: Vec<usize> =
        theirs.iter().enumerate().filter(|(_, l)| l["Thrown"] == "out of gas!").map(|(i, _)| i).collect();
    let limited: Vec<usize> = ours
        .iter()
        .enumerate()
        .filter(|(_, s)| s.error == Some(EvalError::ComputeLimit { limit }))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(limited, out_of_gas, "{}: Compute-Limit {limit}", fixture.name);
    limited
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn a_compute_limit_stops_metered_fixtures_where_the_reference_runs_out_of_gas() {
    // The C fixtures' grow:16 and grow:40 spend 1.2e9 and 1.8e9 gas, every other message < 2e6.
    for name in ["c-e2-metered", "c-e3-metered", "c-a-metered"] {
        let fixture = fixture(name);
        let spec = sequence(fixture);
        let limited = compute_limited(fixture, &spec, 100_000_000);
        let data: Vec<&str> = limited.iter().map(|&i| spec["messages"][i]["Data"].as_str().unwrap()).collect();
        assert_eq!(data, ["grow:16", "grow:40"], "{name}");
    }

    // Lua: the grow messages (7.4e9 gas and more) stop; the process goes on (count counts on from where it was). The
    // limit stays above what the reference's start-up (`main`, booting Lua: ~1.65e8) spends under
    // the same limit (on ao the start-up is not a message and has no Compute-Limit).
    let fixture = fixture("lua-e2-metered");
    let spec = sequence(fixture);
    let limited = compute_limited(fixture, &spec, 1_000_000_000);
    assert_eq!(limited, [8, 12], "lua-e2-metered: the two grow messages");
}

/// The limit is exact: a message that spends G gas passes under Compute-Limit G and fails under
/// G - 1, on both hosts (the glue throws once `used > limit`).
#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn a_compute_limit_is_exact_to_the_unit_of_gas() {
    let fixture = fixture("c-e2-metered");
    let spec = sequence(fixture);
    let unlimited = run_ours(fixture, &spec, Limits::default(), None);
    let (heaviest, gas) = unlimited
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.line["GasUsed"].as_u64()?)))
        .filter(|(_, gas)| *gas < 100_000_000)
        .max_by_key(|(_, gas)| *gas)
        .unwrap();
    let at = compute_limited(fixture, &spec, gas);
    assert!(!at.contains(&heaviest), "{gas} gas fits under Compute-Limit {gas}");
    let mut expected = [at, vec![heaviest]].concat();
    expected.sort();
    assert_eq!(compute_limited(fixture, &spec, gas - 1), expected, "{gas} gas does not fit under {}", gas - 1);
}

#[test]
#[cfg_attr(
    any(ao_no_emscripten, ao_no_node),
    ignore = "needs emscripten 3.1.6 (apt-get install emscripten) and Node.js"
)]
fn a_memory_limit_below_what_grow_needs_fails_the_message_and_the_process_goes_on() {
    for name in ["lua-e2", "lua-e3", "lua-a"] {
        let fixture = fixture(name);
        let wasm = std::fs::read(&fixture.wasm).unwrap();
        let module = runtime().load_as(Id::sha256(&wasm), &wasm, fixture.format).unwrap();
        // The fixtures start with 6 MiB; growing by 8 MiB of Lua string needs 22 MB.
        let limits = Limits { memory_bytes: 12 << 20, ..Limits::default() };
        let mut process = Process::boot(module, limits).unwrap();
        let env = fixture.spec["env"].to_string();
        let messages = fixture.spec["messages"].as_array().unwrap();
        let (count, grow) = (&messages[0], &messages[8]);
        assert_eq!((count["Data"].as_str(), grow["Data"].as_str()), (Some("count"), Some("grow:8")));
        let send = |process: &mut Process, msg: &Value| process.handle(&msg.to_string(), &env).unwrap().outcome;
        assert_eq!(send(&mut process, count).unwrap()["Output"]["data"], "count=1", "{name}");
        let before = process.memory_hash().unwrap();
        assert_eq!(send(&mut process, grow), Err(EvalError::MemoryLimit { limit: 12 << 20 }), "{name}");
        assert_eq!(process.memory_hash().unwrap(), before, "{name}: the failed message left no trace");
        assert!(process.memory_size().unwrap() <= 12 << 20, "{name}");
        let again = send(&mut process, count).unwrap();
        assert_eq!(again["Output"]["data"], "count=2", "{name}: the process goes on");
    }

    // The C fixture copes with a failed malloc itself: the growth is refused all the same (the
    // memory stays under the limit), and its answer says so.
    let fixture = fixture("c-e2");
    let wasm = std::fs::read(&fixture.wasm).unwrap();
    let module = runtime().load_as(Id::sha256(&wasm), &wasm, fixture.format).unwrap();
    let mut process = Process::boot(module, Limits { memory_bytes: 16 << 20, ..Limits::default() }).unwrap();
    let grow = &fixture.spec["messages"][6];
    assert_eq!(grow["Data"], "grow:16");
    let answer = process.handle(&grow.to_string(), &fixture.spec["env"].to_string()).unwrap().outcome.unwrap();
    assert_eq!(answer["Output"]["data"], "call=1 grow=16 failed");
    assert!(process.memory_size().unwrap() <= 16 << 20);
}
