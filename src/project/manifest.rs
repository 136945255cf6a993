//! The manifest, `ao.toml`: the project's processes — each with its module, spawn tags, cron, Lua
//! entry file (its local `require`s bundled as `.load` does) and the processes whose ids it must
//! know — and what a process is given when it is loaded.
//!
//! ```toml
//! [project]
//! name = "demo"
//!
//! [processes.chatroom]
//! entry = "src/chatroom.lua"
//! module = "aos"               # aos (default), a module id, or a module's Name
//! cron = "10-minutes"          # optional: an Action=Cron message every interval
//! tags = { Description = "A chatroom for token holders" }
//! knows = { TOKEN = "token" }  # the global TOKEN holds the id of the process `token`
//!
//! [processes.token]
//! entry = "src/token.lua"
//! ```
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::lua_bundle::{BundleError, LocatedError, LuaBundle};
use crate::protocol::Tag;

/// The manifest's file name.
pub const MANIFEST: &str = "ao.toml";

/// A project's manifest, read from its root folder.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The folder holding `ao.toml`; entry files are relative to it.
    pub root: PathBuf,
    pub name: String,
    /// The processes, by name (in name order).
    pub processes: BTreeMap<String, ProcessSpec>,
}

/// One process of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessSpec {
    /// The Lua file loaded into the process, relative to the project root.
    pub entry: PathBuf,
    /// `aos` (ao's own module; on a remote network the one aos uses there), a module id, or the
    /// Name of a module.
    #[serde(default = "aos")]
    pub module: String,
    /// `Action=Cron` every interval (`10-seconds`, `5-minutes`, `2-blocks`), as `ao spawn --cron`.
    #[serde(default)]
    pub cron: Option<String>,
    /// Spawn tags, name → value.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// Lua global → the name of another process of the manifest: the global holds its id.
    #[serde(default)]
    pub knows: BTreeMap<String, String>,
}

fn aos() -> String {
    "aos".to_string()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    project: ProjectSection,
    #[serde(default)]
    processes: BTreeMap<String, ProcessSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectSection {
    name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("no {MANIFEST} in {} or any folder above it", .0.display())]
    NotFound(PathBuf),
    #[error("{} is not a folder", .0.display())]
    NoFolder(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("{}: the manifest has no process {name:?}{}", path.display(), known_list(.known))]
    NoProcess { path: PathBuf, name: String, known: Vec<String> },
    #[error(transparent)]
    Bundle(#[from] BundleError),
}

fn known_list(names: &[String]) -> String {
    if names.is_empty() { String::new() } else { format!(" (it has {})", names.join(", ")) }
}

/// What a project's or a process's name may be.
pub const NAME_RULE: &str = "letters, digits, - and _, starting with a letter";

/// Whether `text` can name a project or a process (it becomes part of process names).
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A TOML error as one line: where (line and column) and what.
pub(crate) fn toml_error(text: &str, error: &toml::de::Error) -> String {
    match error.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: {}", error.message())
        }
        None => error.message().to_string(),
    }
}

/// Whether `text` can name a Lua global.
fn is_lua_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Manifest {
    /// The manifest of the project `start` is in: `start/ao.toml`, else the nearest folder above
    /// with one.
    pub fn find(start: &Path) -> Result<Manifest, ManifestError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        // A folder that is not there (a typo in `-C`) is not taken for the project above it.
        if !start.is_dir() {
            return Err(ManifestError::NoFolder(start));
        }
        let root = start.ancestors().find(|dir| dir.join(MANIFEST).is_file());
        let root = root.ok_or_else(|| ManifestError::NotFound(start.clone()))?;
        Self::read(root)
    }

    /// The manifest in `root`.
    pub fn read(root: &Path) -> Result<Manifest, ManifestError> {
        let path = root.join(MANIFEST);
        let text =
            std::fs::read_to_string(&path).map_err(|source| ManifestError::Read { path: path.clone(), source })?;
        Self::parse(root, &text)
    }

    /// The manifest `text` of the project in `root`, checked: names, entry files inside the
    /// project, crons, and `knows` naming processes of the manifest.
    pub fn parse(root: &Path, text: &str) -> Result<Manifest, ManifestError> {
        let path = root.join(MANIFEST);
        let invalid = |message: String| ManifestError::Invalid { path: path.clone(), message };
        let file: ManifestFile = toml::from_str(text).map_err(|e| invalid(toml_error(text, &e)))?;
        if !is_name(&file.project.name) {
            return Err(invalid(format!("[project] name {:?}: {NAME_RULE}", file.project.name)));
        }
        for (name, spec) in &file.processes {
            let at = format!("[processes.{name}]");
            if !is_name(name) {
                return Err(invalid(format!("{at}: a process name is {NAME_RULE}")));
            }
            if let Some(tag) = spec.tags.keys().find(|t| *t == "Name" || t.starts_with("Cron-")) {
                return Err(invalid(format!(
                    "{at}: tags: {tag} is set by ao (the Name is `project-process`; a cron is `cron = \"INTERVAL\"`)"
                )));
            }
            if spec.entry.is_absolute() || spec.entry.components().any(|c| c == std::path::Component::ParentDir) {
                return Err(invalid(format!("{at}: entry {} is not a path inside the project", spec.entry.display())));
            }
            if let Some(interval) = &spec.cron {
                crate::node::crons_of(&[Tag::new("Cron-Interval", interval)])
                    .map_err(|e| invalid(format!("{at}: {e}")))?;
            }
            for (global, other) in &spec.knows {
                if !is_lua_name(global) {
                    return Err(invalid(format!("{at}: knows: {global:?} is not a Lua global name")));
                }
                if !file.processes.contains_key(other) {
                    return Err(invalid(format!("{at}: knows {global} = {other:?}, which is not a process here")));
                }
            }
            if spec.tags.keys().any(|tag| tag.is_empty()) || spec.tags.values().any(|v| v.is_empty()) {
                return Err(invalid(format!("{at}: a tag's name and value cannot be empty")));
            }
        }
        Ok(Manifest { root: root.to_path_buf(), name: file.project.name, processes: file.processes })
    }

    /// The process `name`.
    pub fn process(&self, name: &str) -> Result<&ProcessSpec, ManifestError> {
        self.processes.get(name).ok_or_else(|| ManifestError::NoProcess {
            path: self.root.join(MANIFEST),
            name: name.to_string(),
            known: self.processes.keys().cloned().collect(),
        })
    }

    /// The name a deployed process is spawned with (its `Name` tag): `project-process`.
    pub fn spawn_name(&self, process: &str) -> String {
        format!("{}-{process}", self.name)
    }
}

impl ProcessSpec {
    /// The tags the process is spawned with: the manifest's, then its cron's.
    pub fn spawn_tags(&self) -> Vec<Tag> {
        let mut tags: Vec<Tag> = self.tags.iter().map(|(name, value)| Tag::new(name, value)).collect();
        if let Some(interval) = &self.cron {
            tags.extend(crate::node::cron_tags(interval));
        }
        tags
    }

    /// A fingerprint of what the process is spawned with (module, tags, cron): a deployed process
    /// whose fingerprint differs was spawned from another manifest.
    pub fn spawn_fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(self.module.as_bytes());
        for tag in self.spawn_tags() {
            hash.update([0]);
            hash.update(tag.name.as_bytes());
            hash.update([0]);
            hash.update(tag.value.as_bytes());
        }
        hex::encode(hash.finalize())
    }

    /// What loading the process evaluates: its entry file with its local requires, after the
    /// globals of the processes it knows whose ids are given (`ids`: process name → id).
    pub fn source(&self, root: &Path, ids: &BTreeMap<String, String>) -> Result<Source, ManifestError> {
        let bundle = LuaBundle::load(&root.join(&self.entry))?;
        // On the bundle's first line, so that lines in errors stay the files' own.
        let mut preamble = String::new();
        for (global, process) in &self.knows {
            if let Some(id) = ids.get(process) {
                preamble.push_str(&format!("{global} = {id:?}; "));
            }
        }
        let code = format!("{preamble}{}", bundle.code());
        let hash = hex::encode(Sha256::digest(code.as_bytes()));
        Ok(Source { code, hash, bundle, root: root.to_path_buf() })
    }
}

/// The Lua that loads a process, and a hash of it.
#[derive(Debug, Clone)]
pub struct Source {
    pub code: String,
    /// sha256 of `code`, hex.
    pub hash: String,
    /// The files it comes from (for errors at their lines).
    pub bundle: LuaBundle,
    root: PathBuf,
}

impl Source {
    /// An error a process returned for this source, as one line at the file (relative to the
    /// project) and line it comes from (`src/token.lua:12: boom`), and that line's text.
    pub fn error(&self, error: &str) -> (String, Option<String>) {
        let main = self.bundle.files().next().map(|(_, path)| path.to_path_buf()).unwrap_or_default();
        let relative = |path: &Path| path.strip_prefix(&self.root).unwrap_or(path).display().to_string();
        match LocatedError::of(error, Some(&self.bundle)) {
            Some(LocatedError { message, origin: Some(origin), .. }) => (
                format!("{}:{}: {message}", relative(&origin.path), origin.line),
                Some(format!("{:>4} | {}", origin.line, origin.text.trim_end())),
            ),
            _ => (format!("{}: {}", relative(&main), crate::text::plain_error(error)), None),
        }
    }
}
