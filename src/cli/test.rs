//! `ao test [PATTERN]`: runs the project's Lua tests against fresh local processes built from its
//! manifest (`crate::project::testing`), printing each test as it ends — text, `--tap`, or one
//! JSON document with `--json` — and optionally a JUnit report for CI; exit 1 if any failed.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use serde_json::json;

use super::node_access::{home, node_error, open_with};
use super::{CliError, GlobalArgs, print_json};
use crate::node::NodeConfig;
use crate::project::Manifest;
use crate::project::testing::{self, Status, TestError, TestOptions, TestOutcome};
use crate::protocol::{DataItem, Id};

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Run only the tests whose file or name contains PATTERN
    pattern: Option<String>,
    /// The project's folder [default: the current folder, or the nearest above with an ao.toml]
    #[arg(short = 'C', long = "project", value_name = "DIR")]
    project: Option<PathBuf>,
    /// Print TAP (version 13) instead of text
    #[arg(long, conflicts_with = "json")]
    tap: bool,
    /// Also write a JUnit XML report to FILE (for CI test views)
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
}

/// The manifest of the project `dir` (or the current folder) is in.
pub fn manifest(dir: Option<&Path>) -> Result<Manifest, CliError> {
    Manifest::find(dir.unwrap_or(Path::new("."))).map_err(|e| CliError::input(e.to_string()))
}

impl TestArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if self.tap && global.json {
            return Err(CliError::input("--tap and --json each say how to report the tests: give one"));
        }
        let manifest = manifest(self.project.as_deref())?;
        let modules = modules_of(global, &manifest)?;
        // Compiled modules are kept in the user's cache folder (`~/.cache/ao`): the home is
        // only read, for the modules the manifest names besides ao's own.
        let module_cache = match directories::ProjectDirs::from("", "", "ao") {
            Some(dirs) => Some(dirs.cache_dir().to_path_buf()),
            None => Some(home(global)?.join("cache")),
        };
        let options = TestOptions { pattern: self.pattern.clone(), modules, module_cache, test_time: global.timeout };
        let started = Instant::now();
        let color = global.color(false);
        let mut printer = Printer { tap: self.tap, json: global.json, color, file: None, count: 0 };
        if self.tap {
            println!("TAP version 13");
        }
        let outcomes = testing::run(manifest, options, |outcome| printer.print(outcome)).map_err(test_error)?;
        let elapsed = started.elapsed();
        if let Some(path) = &self.junit {
            std::fs::write(path, junit(&outcomes, elapsed.as_secs_f64()))
                .map_err(|e| CliError::failed(format!("cannot write {}: {e}", path.display())))?;
        }
        let count = |status| outcomes.iter().filter(|o| o.status == status).count();
        let (passed, failed, pending) = (count(Status::Passed), count(Status::Failed), count(Status::Pending));
        if global.json {
            print_json(&json!({
                "passed": passed, "failed": failed, "pending": pending,
                "seconds": elapsed.as_secs_f64(), "tests": outcomes,
            }));
        } else if self.tap {
            println!("1..{}", outcomes.len());
        } else {
            let pending = if pending > 0 { format!(", {pending} pending") } else { String::new() };
            let tests = if outcomes.len() == 1 { "test" } else { "tests" };
            println!(
                "\n{} {tests}: {passed} passed, {failed} failed{pending} ({:.2} s)",
                outcomes.len(),
                elapsed.as_secs_f64()
            );
        }
        match (failed, outcomes.len()) {
            (0, 0) => Err(CliError::input(match &self.pattern {
                Some(pattern) => format!("no test matches {pattern:?}"),
                None => "the test files declare no tests (it(\"name\", function() ... end))".to_string(),
            })),
            (0, _) => Ok(()),
            (failed, all) => Err(CliError::failed(format!("{failed} of {all} tests failed"))),
        }
    }
}

/// The modules the manifest's processes run besides ao's own, from the home's module store.
fn modules_of(global: &GlobalArgs, manifest: &Manifest) -> Result<BTreeMap<String, DataItem>, CliError> {
    let wanted: Vec<&str> = manifest.processes.values().map(|p| p.module.as_str()).filter(|m| *m != "aos").collect();
    let mut modules = BTreeMap::new();
    if wanted.is_empty() {
        return Ok(modules);
    }
    // Only read: the home's due cron ticks and unfinished work are left for its own commands.
    let node = open_with(global, |config| NodeConfig { catch_up: false, ..config })?;
    for text in wanted {
        let id = match text.parse::<Id>() {
            Ok(id) => Some(id),
            Err(_) => node.module_named(text).map_err(node_error)?.map(|m| m.id),
        };
        let item = match id {
            Some(id) => node.item(id).map_err(node_error)?,
            None => None,
        };
        let item = item.ok_or_else(|| {
            CliError::input(format!("the manifest's module {text:?} is not in the home's module store"))
                .hint("ao module add FILE -f FORMAT registers it (`ao module list` shows them)")
        })?;
        modules.insert(text.to_string(), item);
    }
    Ok(modules)
}

fn test_error(error: TestError) -> CliError {
    match error {
        TestError::NoFiles(_) => CliError::input(error.to_string()),
        _ => CliError::failed(error.to_string()),
    }
}

/// Prints each test as it ends.
struct Printer {
    tap: bool,
    json: bool,
    color: bool,
    file: Option<String>,
    count: usize,
}

impl Printer {
    fn print(&mut self, outcome: &TestOutcome) {
        self.count += 1;
        if self.json {
            return;
        }
        if self.tap {
            let (ok, directive) = match outcome.status {
                Status::Passed => ("ok", ""),
                Status::Failed => ("not ok", ""),
                Status::Pending => ("ok", " # SKIP pending"),
            };
            println!("{ok} {} - {}: {}{directive}", self.count, outcome.file, outcome.name);
            if let Some(failure) = &outcome.failure {
                // YAML reads JSON strings.
                let quoted = |text: &str| serde_json::to_string(text).expect("strings serialize");
                let at = failure.location.as_deref().unwrap_or(&outcome.declared);
                println!("  ---\n  message: {}\n  at: {}\n  ...", quoted(&failure.message), quoted(at));
            }
            return;
        }
        if self.file.as_deref() != Some(outcome.file.as_str()) {
            println!("{}", outcome.file);
            self.file = Some(outcome.file.clone());
        }
        let paint =
            |code: &str, text: &str| if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() };
        let ms = outcome.duration.as_secs_f64() * 1000.0;
        let (mark, code) = match outcome.status {
            Status::Passed => ("✓", "32"),
            Status::Failed => ("✗", "1;31"),
            Status::Pending => ("-", "33"),
        };
        println!("  {} {} {}", paint(code, mark), outcome.name, paint("2", &format!("({ms:.0} ms)")));
        if let Some(failure) = &outcome.failure {
            let at = failure.location.as_deref().unwrap_or(&outcome.declared);
            println!("      {}: {}", at, paint("31", &failure.message));
            for (process, printed) in &failure.printed {
                println!("      {} printed:", process);
                let lines: Vec<&str> = printed.trim_end().lines().collect();
                for line in &lines[lines.len().saturating_sub(20)..] {
                    println!("        | {line}");
                }
            }
        }
    }
}

/// A JUnit XML report: a test suite per file.
fn junit(outcomes: &[TestOutcome], seconds: f64) -> String {
    // XML 1.0 has no place for control characters but tab and newline (colour codes, say).
    let escape = |text: &str| {
        let text = crate::text::strip_ansi(text);
        let text: String = text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    };
    let failures = outcomes.iter().filter(|o| o.status == Status::Failed).count();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"ao test\" tests=\"{}\" failures=\"{failures}\" time=\"{seconds:.3}\">",
        outcomes.len()
    );
    let mut files: Vec<&str> = outcomes.iter().map(|o| o.file.as_str()).collect();
    files.dedup();
    for file in files {
        let cases: Vec<&TestOutcome> = outcomes.iter().filter(|o| o.file == file).collect();
        let failed = cases.iter().filter(|o| o.status == Status::Failed).count();
        let skipped = cases.iter().filter(|o| o.status == Status::Pending).count();
        let time: f64 = cases.iter().map(|o| o.duration.as_secs_f64()).sum();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" skipped=\"{skipped}\" time=\"{time:.3}\">",
            escape(file),
            cases.len()
        );
        for case in cases {
            let time = case.duration.as_secs_f64();
            let _ = write!(
                xml,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{time:.3}\"",
                escape(file),
                escape(&case.name)
            );
            match (&case.failure, case.status) {
                (Some(failure), _) => {
                    let at = failure.location.as_deref().unwrap_or(&case.declared);
                    let mut body = format!("{at}: {}", failure.message);
                    for (process, printed) in &failure.printed {
                        let _ = write!(body, "\n{process} printed:\n{printed}");
                    }
                    let _ = writeln!(
                        xml,
                        ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                        escape(&failure.message),
                        escape(&body)
                    );
                }
                (None, Status::Pending) => {
                    let _ = writeln!(xml, ">\n      <skipped/>\n    </testcase>");
                }
                (None, _) => {
                    let _ = writeln!(xml, "/>");
                }
            }
        }
        let _ = writeln!(xml, "  </testsuite>");
    }
    xml.push_str("</testsuites>\n");
    xml
}
