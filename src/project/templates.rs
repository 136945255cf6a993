//! The project templates `ao init` scaffolds from: the folders of `templates/` at the top of the
//! repository, packed into the binary by `build.rs`. Each holds the files a new project starts
//! with; `{{name}}` in them becomes the project's name, and its `.template` file (one line: what
//! the template is) is not copied. A file `PATH.same-as` holding `TEMPLATE/FILE` is that file of
//! another template, written at PATH (the chatroom's token is the token template's).
use std::path::{Path, PathBuf};

use crate::runtime::bundle;

static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/templates.bin"));

/// The template `ao init` uses without `--template`.
pub const DEFAULT_TEMPLATE: &str = "process";

/// The file in a template that describes it.
const DESCRIPTION: &str = ".template";

/// The suffix of a file that stands for another template's file.
const SAME_AS: &str = ".same-as";

/// A template: its name, what it is, and its files (path relative to the project, bytes).
#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub description: String,
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("no template {name:?}; there are {}", known.join(", "))]
    UnknownTemplate { name: String, known: Vec<String> },
    #[error("{} already exists; ao init does not overwrite files", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{} is a file, where the project needs a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{name:?} cannot name a project: use letters, digits, - and _, starting with a letter")]
    BadName { name: String },
}

/// Every template, by name.
pub fn templates() -> Vec<Template> {
    let packed = bundle::decode(PACKED).expect("build.rs packs the templates");
    let mut templates: Vec<Template> = Vec::new();
    for (path, bytes) in &packed {
        let (path, bytes) = match path.strip_suffix(SAME_AS) {
            Some(path) => {
                let original = String::from_utf8_lossy(bytes).trim().to_string();
                let found = packed.iter().find(|(other, _)| *other == original);
                (path, found.unwrap_or_else(|| panic!("templates/{path}{SAME_AS}: no file {original}")).1.clone())
            }
            None => (path.as_str(), bytes.clone()),
        };
        let (name, file) = path.split_once('/').expect("templates are folders");
        if templates.last().is_none_or(|t| t.name != name) {
            let template = Template { name: name.to_string(), description: String::new(), files: Vec::new() };
            templates.push(template);
        }
        let template = templates.last_mut().expect("just pushed");
        if file == DESCRIPTION {
            template.description = String::from_utf8_lossy(&bytes).trim().to_string();
        } else {
            template.files.push((file.to_string(), bytes));
        }
    }
    templates
}

/// The template `name`.
pub fn template(name: &str) -> Result<Template, ScaffoldError> {
    let all = templates();
    let known = all.iter().map(|t| t.name.clone()).collect();
    all.into_iter().find(|t| t.name == name).ok_or(ScaffoldError::UnknownTemplate { name: name.to_string(), known })
}

/// Whether `name` can name a project (it becomes part of process names and a Lua string).
pub fn is_project_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Template {
    /// Writes the template's files into `dir` (created if needed) for the project `name`;
    /// returns the paths written. Writes nothing if any of them exists, or a file stands where
    /// one of their folders goes.
    pub fn scaffold(&self, dir: &Path, name: &str) -> Result<Vec<PathBuf>, ScaffoldError> {
        if !is_project_name(name) {
            return Err(ScaffoldError::BadName { name: name.to_string() });
        }
        let paths: Vec<PathBuf> = self.files.iter().map(|(file, _)| dir.join(file)).collect();
        if let Some(existing) = paths.iter().find(|path| path.exists()) {
            return Err(ScaffoldError::Exists(existing.clone()));
        }
        // A file where a folder goes (the project's folder, or one inside it) stops it before
        // anything is written.
        let mut folders = paths.iter().flat_map(|path| path.ancestors().skip(1).take_while(|a| a.starts_with(dir)));
        if let Some(file) = folders.find(|folder| folder.exists() && !folder.is_dir()) {
            return Err(ScaffoldError::NotAFolder(file.to_path_buf()));
        }
        for ((_, bytes), path) in self.files.iter().zip(&paths) {
            let write_error = |source| ScaffoldError::Write { path: path.clone(), source };
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(write_error)?;
            }
            let text = String::from_utf8_lossy(bytes).replace("{{name}}", name);
            std::fs::write(path, text).map_err(write_error)?;
        }
        Ok(paths)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_has_a_description_a_manifest_and_its_shared_files() {
        let all = super::templates();
        assert!(all.len() >= 3);
        for template in &all {
            assert!(!template.description.is_empty(), "{}", template.name);
            assert!(template.files.iter().any(|(path, _)| path == "ao.toml"), "{}", template.name);
            assert!(template.files.iter().all(|(path, _)| !path.ends_with(super::SAME_AS)), "{}", template.name);
        }
        let chatroom = super::template("chatroom").unwrap();
        let token = super::template("token").unwrap();
        let file = |t: &super::Template, path: &str| t.files.iter().find(|(p, _)| p == path).map(|(_, b)| b.clone());
        assert_eq!(file(&chatroom, "src/token.lua"), file(&token, "src/token.lua"));
        assert!(file(&chatroom, "src/token.lua").is_some());
    }
}
