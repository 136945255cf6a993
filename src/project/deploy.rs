//! `ao deploy`: makes a network hold the manifest's processes — spawns those that do not exist,
//! loads each one's source (with the ids of the processes it knows) when it differs from what was
//! last loaded into it — and records every step in the lock file as it happens. A second deploy
//! with nothing changed sends nothing. The network is behind [`Target`], so the same plan works
//! on the embedded node and on remote units.
use std::collections::BTreeMap;

use serde::Serialize;

use super::lock::{Deployed, Lock, LockError, NetworkLock};
use super::manifest::{Manifest, ManifestError, Source};
use crate::protocol::Tag;

/// A network to deploy to, as deploying needs it.
pub trait Target {
    /// Whether process `id` exists there; `None` when the network cannot tell quickly (remote
    /// units: the lock file is trusted).
    fn exists(&self, id: &str) -> Result<Option<bool>, String>;
    /// The wallet's process named `name` there, if it can be found.
    fn named(&self, name: &str) -> Result<Option<String>, String>;
    /// Spawns a process named `name` on `module` (`aos`, an id or a Name) with `tags`: its id and
    /// its boot error, if it booted with one; or why it was not spawned.
    fn spawn(&self, name: &str, module: &str, tags: Vec<Tag>) -> Result<(String, Option<String>), String>;
    /// Evaluates `code` in `process` (an `Eval` message); the evaluation's error, if it failed.
    fn eval(&self, process: &str, code: &str) -> Result<Option<String>, String>;
}

/// What a deploy does (or, planning, would do) with one process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub process: String,
    /// Its id (`None` until spawned).
    pub id: Option<String>,
    /// `kept` (the lock's process), `found` (by its name, not in the lock) or `spawned`.
    pub spawn: SpawnStep,
    /// Whether its source is (to be) loaded.
    pub load: bool,
    /// Something the user should know (its spawn tags changed since it was spawned).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpawnStep {
    Kept,
    Found,
    Spawned,
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "ao.lock's processes on {network} belong to wallet {locked}, not {wallet}; deploy with that wallet (--wallet), or remove [networks.{network:?}] from ao.lock to deploy anew"
    )]
    OtherWallet { network: String, locked: String, wallet: String },
    #[error("{process}: {message}")]
    Network { process: String, message: String },
    #[error("{process}: loading {message}")]
    Load { process: String, message: String, line: Option<String> },
}

impl DeployError {
    /// Whether the user asked wrongly (a manifest, lock or wallet problem) rather than the
    /// deploy failing.
    pub fn is_input(&self) -> bool {
        matches!(self, DeployError::Manifest(_) | DeployError::Lock(_) | DeployError::OtherWallet { .. })
    }
}

/// A deploy of `manifest` to the network called `network` (the lock file's key for it) as
/// `wallet` (an address).
pub struct Deploy<'a> {
    pub manifest: &'a Manifest,
    pub network: &'a str,
    pub wallet: &'a str,
    pub target: &'a dyn Target,
}

impl Deploy<'_> {
    fn lock(&self) -> Result<(Lock, NetworkLock), DeployError> {
        let lock = Lock::read(&self.manifest.root)?;
        let on_network = lock.networks.get(self.network).cloned().unwrap_or_default();
        if !on_network.wallet.is_empty() && on_network.wallet != self.wallet {
            return Err(DeployError::OtherWallet {
                network: self.network.to_string(),
                locked: on_network.wallet,
                wallet: self.wallet.to_string(),
            });
        }
        Ok((lock, NetworkLock { wallet: self.wallet.to_string(), ..on_network }))
    }

    /// The processes the lock file has on this network that the manifest no longer names (a
    /// deploy leaves them as they are).
    pub fn unlisted(&self) -> Result<Vec<String>, DeployError> {
        let (_, on_network) = self.lock()?;
        Ok(on_network.processes.keys().filter(|name| !self.manifest.processes.contains_key(*name)).cloned().collect())
    }

    /// Where each process stands: its id (from the lock if it exists there, else by its name),
    /// and whether its source differs from what was last loaded into it. Changes nothing.
    pub fn plan(&self) -> Result<Vec<Step>, DeployError> {
        let (_, on_network) = self.lock()?;
        self.plan_from(&on_network)
    }

    fn plan_from(&self, on_network: &NetworkLock) -> Result<Vec<Step>, DeployError> {
        let mut steps = Vec::new();
        for (process, spec) in &self.manifest.processes {
            let network_error = |message| DeployError::Network { process: process.clone(), message };
            let locked = on_network.processes.get(process);
            let kept = match locked {
                Some(deployed) if self.target.exists(&deployed.id).map_err(network_error)? != Some(false) => {
                    Some(deployed.id.clone())
                }
                _ => None,
            };
            let (id, spawn) = match kept {
                Some(id) => (Some(id), SpawnStep::Kept),
                None => match self.target.named(&self.manifest.spawn_name(process)).map_err(network_error)? {
                    Some(id) => (Some(id), SpawnStep::Found),
                    None => (None, SpawnStep::Spawned),
                },
            };
            let warning = match (spawn, locked) {
                (SpawnStep::Kept, Some(deployed)) if deployed.spawn != spec.spawn_fingerprint() => Some(format!(
                    "its module, tags or cron changed since it was spawned; the process stays, as it was spawned \
                     (a process named {} is found again by its name: to spawn a new one, rename it in ao.toml)",
                    self.manifest.spawn_name(process)
                )),
                _ => None,
            };
            steps.push(Step { process: process.clone(), id, spawn, load: true, warning });
        }
        // What each would be loaded with, now that the ids are known (a process that knows one
        // still to spawn is loaded: that id will be new).
        let ids: BTreeMap<String, String> =
            steps.iter().filter_map(|s| Some((s.process.clone(), s.id.clone()?))).collect();
        for step in &mut steps {
            let spec = &self.manifest.processes[&step.process];
            let waits = spec.knows.values().any(|known| !ids.contains_key(known));
            let loaded = on_network.processes.get(&step.process).and_then(|d| d.loaded.as_ref());
            // Read for every process, so that a file missing is refused before anything is spawned.
            let source = spec.source(&self.manifest.root, &ids)?;
            let unchanged = step.spawn == SpawnStep::Kept && !waits && loaded == Some(&source.hash);
            step.load = !unchanged;
        }
        Ok(steps)
    }

    /// Deploys: spawns, then loads, writing the lock file after each step; stops at the first
    /// failure (the lock file then says what was done). Returns what was done.
    pub fn run(&self) -> Result<Vec<Step>, DeployError> {
        let (mut lock, mut on_network) = self.lock()?;
        let mut steps = self.plan_from(&on_network)?;
        if steps.iter().any(|step| step.spawn != SpawnStep::Kept || step.load) {
            Lock::check_writable(&self.manifest.root)?;
        }
        let mut save = |on_network: &NetworkLock| -> Result<(), DeployError> {
            lock.networks.insert(self.network.to_string(), on_network.clone());
            Ok(lock.write(&self.manifest.root)?)
        };
        for step in steps.iter_mut().filter(|s| s.spawn != SpawnStep::Kept) {
            let spec = &self.manifest.processes[&step.process];
            // Found by its name, what was loaded into it is not known; else it is spawned now.
            let (id, boot_error) = match &step.id {
                Some(id) => (id.clone(), None),
                None => {
                    let name = self.manifest.spawn_name(&step.process);
                    self.target.spawn(&name, &spec.module, spec.spawn_tags()).map_err(|message| {
                        DeployError::Network { process: step.process.clone(), message: format!("spawning: {message}") }
                    })?
                }
            };
            step.id = Some(id.clone());
            let deployed = Deployed { id, spawn: spec.spawn_fingerprint(), loaded: None };
            on_network.processes.insert(step.process.clone(), deployed);
            save(&on_network)?;
            if let Some(error) = boot_error {
                let message = format!("it was spawned but booted with an error: {error}");
                return Err(DeployError::Network { process: step.process.clone(), message });
            }
        }
        let ids: BTreeMap<String, String> =
            steps.iter().filter_map(|s| Some((s.process.clone(), s.id.clone()?))).collect();
        for step in steps.iter_mut().filter(|s| s.load) {
            let spec = &self.manifest.processes[&step.process];
            let source = spec.source(&self.manifest.root, &ids)?;
            let Some(deployed) = on_network.processes.get_mut(&step.process) else { continue };
            if deployed.loaded.as_ref() == Some(&source.hash) {
                step.load = false;
                continue;
            }
            // Until it has loaded without an error, what the process holds is not known: a load
            // that fails halfway may have run in part.
            let id = deployed.id.clone();
            deployed.loaded = None;
            save(&on_network)?;
            let failed = self.target.eval(&id, &source.code).map_err(|message| DeployError::Network {
                process: step.process.clone(),
                message: format!("loading: {message}"),
            })?;
            if let Some(error) = failed {
                return Err(load_error(&step.process, &source, &error));
            }
            if let Some(deployed) = on_network.processes.get_mut(&step.process) {
                deployed.loaded = Some(source.hash.clone());
            }
            save(&on_network)?;
        }
        Ok(steps)
    }
}

/// An evaluation error of a process's source, at the file and line it comes from.
fn load_error(process: &str, source: &Source, error: &str) -> DeployError {
    let (message, line) = source.error(error);
    DeployError::Load { process: process.to_string(), message, line }
}
