//! The REPL with standard input not a terminal (`echo 'return 1' | ao repl p`): the input is split
//! into chunks (a chunk ends where the lines so far form a whole Lua chunk, or at a dot-command),
//! each is evaluated and its output printed; no banner or prompt. Exit 1 if any evaluation failed.
use std::io::Read;

use super::chunk::{ChunkChecker, Completeness};
use super::commands::{self, Flow, execute};
use super::session::Session;
use crate::cli::CliError;

pub fn run(mut session: Session) -> Result<(), CliError> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| CliError::input(format!("cannot read standard input: {e}")))?;
    let checker = ChunkChecker::default();
    let mut count = Count::default();
    let mut pending = String::new();
    let mut editor: Option<Vec<&str>> = None;
    for line in input.lines() {
        if let Some(lines) = &mut editor {
            match line.trim() {
                ".done" => count.run(&mut session, &editor.take().unwrap_or_default().join("\n")),
                ".cancel" => editor = None,
                ".delete" => {
                    lines.pop();
                }
                ".print" => lines.iter().for_each(|line| println!("{line}")),
                _ => lines.push(line),
            }
            continue;
        }
        if pending.is_empty() {
            if line.trim().is_empty() {
                continue;
            }
            if let Some(command) = commands::parse(line) {
                match execute(&mut session, command) {
                    Flow::Exit => break,
                    Flow::Editor => editor = Some(Vec::new()),
                    Flow::Continue(ok) => count.add(ok),
                }
                continue;
            }
        } else {
            pending.push('\n');
        }
        pending.push_str(line);
        if checker.check(&pending) != Completeness::Incomplete {
            count.run(&mut session, &pending);
            pending.clear();
        }
    }
    // The end of the input ends an unfinished chunk (the process reports its syntax error) and
    // the editor (as Ctrl-D does).
    if !pending.trim().is_empty() {
        count.run(&mut session, &pending);
    }
    if let Some(lines) = editor
        && !lines.is_empty()
    {
        count.run(&mut session, &lines.join("\n"));
    }
    match count.failed {
        0 => Ok(()),
        failed => Err(CliError::failed(format!("{failed} of {} evaluations and commands failed", count.all))),
    }
}

/// How many chunks and commands ran, and how many failed.
#[derive(Default)]
struct Count {
    all: usize,
    failed: usize,
}

impl Count {
    fn add(&mut self, ok: bool) {
        self.all += 1;
        self.failed += usize::from(!ok);
    }

    fn run(&mut self, session: &mut Session, code: &str) {
        let ok = session.run(code, None);
        self.add(ok);
    }
}
