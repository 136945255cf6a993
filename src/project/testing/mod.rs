//! `ao test`: runs a project's Lua test files (`test/**/*_test.lua` or `*_spec.lua`) with a
//! busted-style API against fresh local processes built from the manifest. The test files run in
//! the host's Lua (one state per file); each test gets a new in-memory node (nothing touches a
//! home), so tests are isolated and their ids and results are the same on every run. The API is
//! in `prelude.lua`; the functions it calls in `host.rs`, over a test's world (`world.rs`).
mod host;
mod values;
mod world;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlua::{Lua, Table};
use serde::Serialize;

use host::Current;
pub use world::wallet_key;
use world::{Project, World};

use super::Manifest;
use crate::protocol::DataItem;

/// How a test ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Passed,
    Failed,
    /// Declared with `pending`: not run.
    Pending,
}

/// One test's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct TestOutcome {
    /// The test file, relative to the project root.
    pub file: String,
    /// The describe blocks' names and the test's, joined by spaces.
    pub name: String,
    /// Where the test is declared (`test/token_test.lua:12`).
    pub declared: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    #[serde(serialize_with = "milliseconds")]
    pub duration: Duration,
}

/// Why a test failed.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The assertion's or error's message.
    pub message: String,
    /// The line of the test file where it failed (`test/token_test.lua:23`), when known.
    pub location: Option<String>,
    /// What each of the test's processes printed (name or id, text).
    pub printed: Vec<(String, String)>,
}

fn milliseconds<S: serde::Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((duration.as_secs_f64() * 1e6).round() / 1e3)
}

#[derive(Debug, thiserror::Error)]
pub enum TestError {
    #[error("no test files in {}: ao test runs test/**/*_test.lua and *_spec.lua", .0.display())]
    NoFiles(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Lua(String),
}

/// What a test run needs besides the manifest.
#[derive(Debug, Default, Clone)]
pub struct TestOptions {
    /// Runs only the tests whose file or name contains it.
    pub pattern: Option<String>,
    /// The modules the manifest's processes run besides ao's own, by the manifest's text for
    /// them (an id or a Name), as signed items.
    pub modules: BTreeMap<String, DataItem>,
    /// Where compiled modules are kept between runs.
    pub module_cache: Option<PathBuf>,
    /// The longest a test (or a file's loading) may run before it is stopped and failed
    /// (`None`: [`DEFAULT_TEST_TIME`]).
    pub test_time: Option<Duration>,
}

/// How long a test may run when nothing else is said: long enough for any real test here, short
/// enough that a test that never ends fails instead of hanging a CI job.
pub const DEFAULT_TEST_TIME: Duration = Duration::from_secs(60);

/// How often (in Lua instructions) the test file's Lua checks the time (~20 ns a check).
const TIME_CHECK_EVERY: u32 = 1_000;

/// The project's test files, in path order.
pub fn test_files(manifest: &Manifest) -> Result<Vec<PathBuf>, TestError> {
    let dir = manifest.root.join("test");
    let mut files = Vec::new();
    let mut pending = vec![dir.clone()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.map_err(|source| TestError::Read { path: dir.clone(), source })?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if path.is_dir() {
                pending.push(path);
            } else if name.ends_with("_test.lua") || name.ends_with("_spec.lua") {
                files.push(path);
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(TestError::NoFiles(dir));
    }
    Ok(files)
}

/// Runs the project's tests (those `options.pattern` picks), calling `each` as each ends.
pub fn run(
    manifest: Manifest,
    options: TestOptions,
    mut each: impl FnMut(&TestOutcome),
) -> Result<Vec<TestOutcome>, TestError> {
    let files = test_files(&manifest)?;
    let root = manifest.root.clone();
    let project = Rc::new(Project { manifest, modules: options.modules, module_cache: options.module_cache });
    let mut outcomes = Vec::new();
    for path in files {
        let file = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let wanted = |name: &str| {
            options.pattern.as_ref().is_none_or(|p| file.contains(p.as_str()) || name.contains(p.as_str()))
        };
        let test_time = options.test_time.unwrap_or(DEFAULT_TEST_TIME);
        for outcome in run_file(&project, &path, &file, &wanted, test_time)? {
            each(&outcome);
            outcomes.push(outcome);
        }
    }
    Ok(outcomes)
}

/// Runs the tests of one file that `wanted` picks by name.
fn run_file(
    project: &Rc<Project>,
    path: &Path,
    file: &str,
    wanted: &dyn Fn(&str) -> bool,
    test_time: Duration,
) -> Result<Vec<TestOutcome>, TestError> {
    let source =
        std::fs::read_to_string(path).map_err(|source| TestError::Read { path: path.to_path_buf(), source })?;
    let lua = Lua::new();
    // The test file's own Lua is stopped (the test fails) once it runs past its time; what a
    // process evaluates for it is bounded by the process's Compute-Limit.
    let deadline = Rc::new(std::cell::Cell::new(Instant::now() + test_time));
    let checked = deadline.clone();
    let every = mlua::HookTriggers::new().every_nth_instruction(TIME_CHECK_EVERY);
    lua.set_hook(every, move |_, _| match Instant::now() > checked.get() {
        true => Err(mlua::Error::RuntimeError(overran(test_time))),
        false => Ok(mlua::VmState::Continue),
    })
    .map_err(|e| TestError::Lua(e.to_string()))?;
    let current: Current = Rc::new(RefCell::new(None));
    let lua_error = |e: mlua::Error| TestError::Lua(e.to_string());
    host::install(&lua, &current).map_err(lua_error)?;
    let root = project.manifest.root.display().to_string();
    let package: Table = lua.globals().get("package").map_err(lua_error)?;
    let lua_path: String = package.get("path").map_err(lua_error)?;
    package.set("path", format!("{root}/?.lua;{root}/test/?.lua;{lua_path}")).map_err(lua_error)?;
    lua.load(include_str!("prelude.lua")).set_name("@ao-test-prelude").exec().map_err(lua_error)?;

    // A file that does not load is one failed test.
    let started = Instant::now();
    let failed_file = |message: String| TestOutcome {
        file: file.to_string(),
        name: "(loading the file)".to_string(),
        declared: file.to_string(),
        status: Status::Failed,
        failure: Some(Failure { message, location: None, printed: Vec::new() }),
        duration: started.elapsed(),
    };
    if let Err(error) = lua.load(&source).set_name(format!("@{file}")).exec() {
        return Ok(if wanted(file) || wanted("") { vec![failed_file(lua_message(&error))] } else { Vec::new() });
    }
    let list: Table = lua.globals().get::<mlua::Function>("__ao_tests").and_then(|f| f.call(())).map_err(lua_error)?;
    let runner: mlua::Function = lua.globals().get("__ao_run").map_err(lua_error)?;
    let mut outcomes = Vec::new();
    for (index, test) in list.sequence_values::<Table>().enumerate() {
        let test = test.map_err(lua_error)?;
        let name: String = test.get("name").map_err(lua_error)?;
        if !wanted(&name) {
            continue;
        }
        let declared: String = test.get("where").map_err(lua_error)?;
        let started = Instant::now();
        let outcome = |status, failure| TestOutcome {
            file: file.to_string(),
            name: name.clone(),
            declared: declared.clone(),
            status,
            failure,
            duration: started.elapsed(),
        };
        if test.get::<Option<bool>>("pending").map_err(lua_error)? == Some(true) {
            outcomes.push(outcome(Status::Pending, None));
            continue;
        }
        let world = World::new(project.clone()).map_err(TestError::Lua)?;
        *current.borrow_mut() = Some(world);
        deadline.set(Instant::now() + test_time);
        let ran = runner.call::<Option<Table>>((index + 1, file));
        let overran_now = Instant::now() > deadline.get();
        let world = current.borrow_mut().take();
        let failure = match ran {
            Ok(failure) => failure,
            // The stop can land in the runner itself (after a host call that overran): the test
            // failed by overrunning, not the file.
            Err(_) if overran_now => None,
            Err(error) => return Err(lua_error(error)),
        };
        // A test that overran in a host call (a process's evaluation) or past a `pcall` that
        // caught the stop still fails.
        let failure = match failure {
            None if overran_now => Some(Failure {
                message: overran(test_time),
                location: Some(declared.clone()),
                printed: world.map(|w| w.printed()).unwrap_or_default(),
            }),
            None => None,
            Some(failure) => Some(Failure {
                message: failure.get("message").map_err(lua_error)?,
                location: failure.get("where").map_err(lua_error)?,
                printed: world.map(|w| w.printed()).unwrap_or_default(),
            }),
        };
        let status = if failure.is_some() { Status::Failed } else { Status::Passed };
        outcomes.push(outcome(status, failure));
    }
    Ok(outcomes)
}

/// Why a test that ran past `test_time` failed.
fn overran(test_time: Duration) -> String {
    let limit = crate::text::duration(test_time);
    format!("the test ran longer than {limit} and was stopped (--timeout sets how long a test may run)")
}

/// A Lua error's message without mlua's traceback.
fn lua_message(error: &mlua::Error) -> String {
    match error {
        mlua::Error::CallbackError { cause, .. } => lua_message(cause),
        mlua::Error::SyntaxError { message, .. } => message.clone(),
        mlua::Error::RuntimeError(message) => message.split("\nstack traceback:").next().unwrap_or(message).to_string(),
        other => other.to_string(),
    }
}
