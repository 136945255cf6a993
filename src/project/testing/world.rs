//! One test's world for `ao test`: a fresh in-memory node on a manual clock, the processes the
//! test spawned, what each printed and what each wallet was sent. Wallets are Ed25519 keys made
//! from their names and the clock starts at the same instant in every test, so a test's ids and
//! results are the same on every run.
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::values::message_json;
use crate::node::{Checkpoints, LogPosition, ManualClock, Node, NodeConfig, Outcome, SpawnRequest};
use crate::project::Manifest;
use crate::protocol::ao::message;
use crate::protocol::{DataItem, Ed25519Key, Id, Tag};
use crate::text::plain_error;

/// When every test's clock starts: a millisecond after 2026-01-01T00:00:00Z. Cron ticks fall due
/// at whole intervals from the spawn's second and run when the clock is past them, so a process
/// spawned at the start with a 1-minute cron has ticked 3 times once the clock moved 3 minutes.
const START_MS: u64 = 1_767_225_600_001;

/// What every test of a run shares: the manifest, the modules its processes need besides ao's
/// own (by the manifest's text for them), and where compiled modules are kept.
pub struct Project {
    pub manifest: Manifest,
    pub modules: BTreeMap<String, DataItem>,
    pub module_cache: Option<PathBuf>,
}

/// One test's world.
pub struct World {
    pub(super) node: Node,
    pub(super) clock: Arc<ManualClock>,
    project: Rc<Project>,
    modules: BTreeMap<String, Id>,
    pub(super) processes: Vec<Spawned>,
    /// What processes sent to each address that is not one of the test's processes.
    pub(super) received: BTreeMap<String, Vec<Value>>,
    /// Items the test signed: each gets its own anchor (Ed25519 signatures are deterministic, so
    /// two equal messages would otherwise be one item).
    signed: u64,
}

/// A process the test spawned.
pub(super) struct Spawned {
    pub(super) id: Id,
    /// Its name in the manifest (`None`: a plain aos process).
    name: Option<String>,
    /// The newest log entry already looked at.
    seen: Option<LogPosition>,
    pub(super) printed: String,
}

/// The key of the test wallet `name`.
pub fn wallet_key(name: &str) -> Ed25519Key {
    Ed25519Key::from_seed(Sha256::digest(format!("ao test wallet {name}")).into())
}

pub(super) fn failure(message: impl std::fmt::Display) -> mlua::Error {
    mlua::Error::runtime(message.to_string())
}

impl World {
    /// A fresh world: a new in-memory node with the project's modules.
    pub fn new(project: Rc<Project>) -> Result<World, String> {
        let clock = ManualClock::new(START_MS);
        let mut config = NodeConfig::in_memory()
            .with_clock(clock.clone())
            .with_unit_key(Sha256::digest("ao test unit").into())
            .with_checkpoints(Checkpoints::ForRestarts);
        if let Some(cache) = &project.module_cache {
            config = config.with_module_cache(cache);
        }
        let node = Node::start(config).map_err(|e| format!("starting the test node: {e}"))?;
        let mut modules = BTreeMap::new();
        for (text, item) in &project.modules {
            let info = node.import_module(item.clone()).map_err(|e| format!("module {text}: {e}"))?;
            modules.insert(text.clone(), info.id);
        }
        Ok(World { node, clock, project, modules, processes: Vec::new(), received: BTreeMap::new(), signed: 0 })
    }

    /// The next anchor: 32 bytes, different for every item of the test.
    fn anchor(&mut self) -> Vec<u8> {
        self.signed += 1;
        format!("{:032}", self.signed).into_bytes()
    }

    /// Sends a message signed by the wallet `from`; its outcome.
    pub(super) fn send(
        &mut self,
        from: &str,
        process: Id,
        tags: Vec<Tag>,
        data: Vec<u8>,
    ) -> Result<Outcome, mlua::Error> {
        let item = message(process, tags, data, Some(self.anchor())).sign(&wallet_key(from)).map_err(failure)?;
        let outcome = self.node.accept(item).map_err(failure)?;
        self.observe()?;
        Ok(outcome)
    }

    /// Evaluates `code` in `process` as its owner.
    pub(super) fn eval(&mut self, process: Id, code: String) -> Result<Outcome, mlua::Error> {
        self.send("owner", process, vec![Tag::new("Action", "Eval")], code.into_bytes())
    }

    /// What each process of the test printed (name or id, text), for a failure's report.
    pub fn printed(&self) -> Vec<(String, String)> {
        let label = |p: &Spawned| p.name.clone().unwrap_or_else(|| p.id.to_string());
        self.processes.iter().filter(|p| !p.printed.trim().is_empty()).map(|p| (label(p), p.printed.clone())).collect()
    }

    /// Spawns a process: the manifest's `name` (its module, tags, cron, and its source loaded,
    /// knowing the test's other processes), or a plain aos process; `tags` and `data` are added.
    pub(super) fn spawn(&mut self, name: Option<&str>, mut tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, mlua::Error> {
        let spec = match name {
            Some(name) => Some(self.project.manifest.process(name).map_err(failure)?.clone()),
            None => None,
        };
        let module = match &spec {
            Some(spec) if spec.module != "aos" => match self.modules.get(&spec.module) {
                Some(id) => Some(*id),
                None => return Err(failure(format!("module {:?} was not given to the test run", spec.module))),
            },
            _ => None,
        };
        if let Some(spec) = &spec {
            let mut spawn_tags = spec.spawn_tags();
            spawn_tags.append(&mut tags);
            tags = spawn_tags;
        }
        if let Some(name) = name {
            tags.insert(0, Tag::new("Name", name));
        }
        // No handle name: a test may spawn a manifest process more than once.
        let request = SpawnRequest { name: None, module, tags, data, anchor: Some(self.anchor()) };
        let outcome = self.node.spawn(&wallet_key("owner"), request).map_err(failure)?;
        let id = outcome.process;
        self.processes.push(Spawned { id, name: name.map(String::from), seen: None, printed: String::new() });
        if let Some(error) = outcome.result.error {
            return Err(failure(format!(
                "{} booted with an error: {}",
                name.unwrap_or("the process"),
                plain_error(&error)
            )));
        }
        if let (Some(spec), Some(name)) = (spec, name) {
            let ids = self.named_ids();
            let source = spec.source(&self.project.manifest.root, &ids).map_err(failure)?;
            if let Some(error) = self.eval(id, source.code.clone())?.result.error {
                return Err(failure(format!("loading {name}: {}", source.error(&error).0)));
            }
            // The processes spawned before that know this one learn its id.
            let mut learners = Vec::new();
            for other in self.processes.iter().filter(|p| p.id != id) {
                let Some(other_spec) = other.name.as_ref().and_then(|n| self.project.manifest.processes.get(n)) else {
                    continue;
                };
                for (global, _) in other_spec.knows.iter().filter(|(_, known)| known.as_str() == name) {
                    learners.push((other.id, format!("{global} = {:?}", id.to_string())));
                }
            }
            for (other, code) in learners {
                if let Some(error) = self.eval(other, code.clone())?.result.error {
                    return Err(failure(format!("telling {other} `{code}`: {}", plain_error(&error))));
                }
            }
        }
        self.observe()?;
        Ok(id)
    }

    /// The ids of the test's manifest processes, by name (the first of each name).
    fn named_ids(&self) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        for process in &self.processes {
            if let Some(name) = &process.name {
                ids.entry(name.clone()).or_insert_with(|| process.id.to_string());
            }
        }
        ids
    }

    /// Reads what the test's processes did since last looked: what they printed, and what they
    /// sent to addresses that are not processes of the test.
    pub(super) fn observe(&mut self) -> Result<(), mlua::Error> {
        let local: Vec<String> = self.processes.iter().map(|p| p.id.to_string()).collect();
        for process in &mut self.processes {
            loop {
                let entries = self.node.log(process.id, process.seen, 256).map_err(failure)?;
                let Some(last) = entries.last() else { break };
                process.seen = Some(last.position);
                for entry in &entries {
                    let printed = entry.result.printed();
                    if !printed.is_empty() {
                        process.printed.push_str(&crate::text::strip_ansi(&printed));
                        process.printed.push('\n');
                    }
                    if let Some(error) = &entry.result.error {
                        process.printed.push_str(&format!("error: {}\n", plain_error(error)));
                    }
                    for message in &entry.result.messages {
                        let target = message.0.get("Target").and_then(Value::as_str).unwrap_or_default();
                        if !local.iter().any(|id| id == target) {
                            let shown = message_json(message, Some(&process.id.to_string()));
                            self.received.entry(target.to_string()).or_default().push(shown);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    pub(super) fn process(&self, id: &str) -> Result<Id, mlua::Error> {
        id.parse().map_err(|_| failure(format!("{id:?} is not a process id")))
    }
}
