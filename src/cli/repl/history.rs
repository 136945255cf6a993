//! The REPL's history, one file per process under the node's home (`<home>/history/<process id>`),
//! appended on every accepted line (not only on exit), so a killed `ao` loses nothing typed.
use std::path::{Path, PathBuf};

use rustyline::history::{FileHistory, History as _};

use crate::protocol::Id;

/// How many lines a process's history keeps.
pub const MAX_LINES: usize = 10_000;

pub struct History {
    path: PathBuf,
    /// Set after the first failed write, so the warning is printed once.
    failed: bool,
}

impl History {
    pub fn new(home: &Path, process: Id) -> Self {
        History { path: home.join("history").join(process.to_string()), failed: false }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the file (if any) into the editor's history.
    pub fn load(&mut self, history: &mut FileHistory) {
        let _ = history.set_max_len(MAX_LINES);
        if self.path.exists()
            && let Err(error) = history.load(&self.path)
        {
            eprintln!("warning: cannot read the history {}: {error}", self.path.display());
        }
    }

    /// Adds `line` to the history and appends it to the file at once.
    pub fn add(&mut self, history: &mut FileHistory, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        if !matches!(history.add(line), Ok(true)) {
            return;
        }
        let written = match self.path.parent() {
            Some(dir) => std::fs::create_dir_all(dir).map_err(rustyline::error::ReadlineError::from),
            None => Ok(()),
        }
        .and_then(|()| history.append(&self.path));
        if let Err(error) = written
            && !self.failed
        {
            self.failed = true;
            eprintln!("warning: cannot write the history {}: {error}", self.path.display());
        }
    }
}
