//! `ao init [DIR] [--template NAME]`: scaffolds a project (manifest, sources, tests, README,
//! .gitignore, CI workflow) from the templates built into ao; `--list` shows them.
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use super::{CliError, GlobalArgs, print_json};
use crate::project::templates::{self, DEFAULT_TEMPLATE, ScaffoldError};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The project's folder (created if missing) [default: the current folder]
    dir: Option<PathBuf>,
    /// The template to start from (`--list` shows them)
    #[arg(short = 't', long, value_name = "NAME", default_value = DEFAULT_TEMPLATE)]
    template: String,
    /// The project's name (in process names and its README) [default: the folder's name]
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// List the templates and exit
    #[arg(long, conflicts_with_all = ["dir", "name"])]
    list: bool,
}

impl InitArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if self.list {
            return list(global);
        }
        let template = templates::template(&self.template).map_err(scaffold_error)?;
        let dir = self.dir.unwrap_or_else(|| PathBuf::from("."));
        let absolute = std::path::absolute(&dir).map_err(|e| CliError::input(format!("{}: {e}", dir.display())))?;
        let name = match self.name {
            Some(name) => name,
            None => absolute
                .components()
                .next_back()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let written = template.scaffold(&dir, &name).map_err(scaffold_error)?;
        let files: Vec<String> =
            written.iter().map(|path| path.strip_prefix(&dir).unwrap_or(path).display().to_string()).collect();
        if global.json {
            print_json(
                &json!({"dir": dir.display().to_string(), "name": name, "template": template.name, "files": files}),
            );
            return Ok(());
        }
        println!("created {} ({} template) in {}:", name, template.name, dir.display());
        for file in &files {
            println!("  {file}");
        }
        let cd = if dir == Path::new(".") { String::new() } else { format!("cd {} && ", dir.display()) };
        global.notice(format_args!("next: {cd}ao test && ao deploy"));
        Ok(())
    }
}

fn list(global: &GlobalArgs) -> Result<(), CliError> {
    let all = templates::templates();
    if global.json {
        let listed: Vec<_> = all.iter().map(|t| json!({"name": t.name, "description": t.description})).collect();
        print_json(&json!({"templates": listed}));
        return Ok(());
    }
    let width = all.iter().map(|t| t.name.len()).max().unwrap_or(0);
    for template in &all {
        let default = if template.name == DEFAULT_TEMPLATE { " (default)" } else { "" };
        println!("{:width$}  {}{default}", template.name, template.description);
    }
    Ok(())
}

fn scaffold_error(error: ScaffoldError) -> CliError {
    match error {
        ScaffoldError::Write { .. } => CliError::failed(error.to_string()),
        ScaffoldError::Exists(_) => {
            CliError::input(error.to_string()).hint("scaffold into an empty folder: ao init DIR")
        }
        ScaffoldError::BadName { .. } => CliError::input(error.to_string()).hint("name it with --name NAME"),
        ScaffoldError::UnknownTemplate { .. } | ScaffoldError::NotAFolder(_) => CliError::input(error.to_string()),
    }
}
