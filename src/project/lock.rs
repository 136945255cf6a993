//! The lock file, `ao.lock` next to `ao.toml`: what `ao deploy` deployed on each network — the
//! wallet, and for each process its id, what it was spawned with and what was last loaded into it
//! — so that the next deploy does only what changed. Written after every step, atomically, so it
//! stays true to what happened when a deploy stops halfway. Commit it.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The lock file's name.
pub const LOCK: &str = "ao.lock";

const HEADER: &str = "# Written by `ao deploy`: the processes it deployed on each network. Commit it.\n\n";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    #[serde(default)]
    pub networks: BTreeMap<String, NetworkLock>,
}

/// What is deployed on one network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkLock {
    /// The address of the wallet that owns the processes.
    pub wallet: String,
    #[serde(default)]
    pub processes: BTreeMap<String, Deployed>,
}

/// One deployed process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployed {
    pub id: String,
    /// The fingerprint of its module, tags and cron when spawned.
    pub spawn: String,
    /// The hash of the Lua last loaded into it without an error; none yet when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loaded: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} is not a lock file ao deploy wrote: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

impl Lock {
    /// The lock file in `root` (empty when there is none).
    pub fn read(root: &Path) -> Result<Lock, LockError> {
        let path = root.join(LOCK);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str(&text).map_err(|e| LockError::Invalid { path, message: e.message().to_string() })
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Lock::default()),
            Err(source) => Err(LockError::Read { path, source }),
        }
    }

    /// Writes the lock file in `root`: a new file renamed over the old one.
    pub fn write(&self, root: &Path) -> Result<(), LockError> {
        let text = format!("{HEADER}{}", toml::to_string(self).expect("the lock serializes"));
        let (path, fresh) = (root.join(LOCK), fresh_lock(root));
        let write_error = |source| LockError::Write { path: path.clone(), source };
        std::fs::write(&fresh, text).map_err(write_error)?;
        std::fs::rename(&fresh, &path).map_err(write_error)
    }

    /// Whether the lock file in `root` can be written (before a deploy changes anything): the
    /// file `write` renames into place is made and removed.
    pub fn check_writable(root: &Path) -> Result<(), LockError> {
        let fresh = fresh_lock(root);
        let write_error = |source| LockError::Write { path: fresh.clone(), source };
        std::fs::write(&fresh, b"").map_err(write_error)?;
        std::fs::remove_file(&fresh).map_err(write_error)
    }
}

/// Where a new lock file is written before it is renamed over the old one.
fn fresh_lock(root: &Path) -> PathBuf {
    root.join(format!(".{LOCK}.new"))
}
