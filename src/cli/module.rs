//! `ao module add FILE --format FORMAT [-t NAME=VALUE]...` and `ao module list`: the modules the
//! embedded node runs besides its own, as Module data items (what `ao publish` uploads).
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::input::{parse_tag, signing_wallet};
use super::node_access::{node_error, open};
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::node::ModuleInfo;
use crate::protocol::Tag;
use crate::runtime::ModuleFormat;

#[derive(Debug, Subcommand)]
pub enum ModuleCommand {
    /// Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`
    Add(AddArgs),
    /// List the registered modules
    List,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The module's .wasm file
    file: PathBuf,
    /// Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4
    #[arg(short = 'f', long, value_name = "FORMAT", value_parser = parse_format)]
    format: ModuleFormat,
    /// A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...
    #[arg(short = 't', long = "tag", value_name = "NAME=VALUE", value_parser = parse_tag)]
    tags: Vec<Tag>,
}

fn parse_format(text: &str) -> Result<ModuleFormat, String> {
    text.parse::<ModuleFormat>().map_err(|e| e.to_string())
}

impl ModuleCommand {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self {
            ModuleCommand::Add(args) => args.run(global),
            ModuleCommand::List => list(global),
        }
    }
}

impl AddArgs {
    fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let wasm = std::fs::read(&self.file)
            .map_err(|e| CliError::input(format!("cannot read {}: {e}", self.file.display())))?;
        let wallet = signing_wallet(global)?;
        let node = open(global)?;
        let spinner = Spinner::start(global, "compiling the module");
        let info = node.add_module(&wallet, wasm, self.format, self.tags).map_err(node_error)?;
        drop(spinner);
        if global.json {
            print_json(&module_json(&info));
        } else {
            println!("{}", info.id);
        }
        Ok(())
    }
}

fn module_json(info: &ModuleInfo) -> serde_json::Value {
    json!({
        "module": info.id.to_string(),
        "name": info.name(),
        "format": info.format.as_str(),
        "size": info.size,
        "owner": info.owner,
        "tags": info.tags,
    })
}

fn list(global: &GlobalArgs) -> Result<(), CliError> {
    let node = open(global)?;
    let modules = node.modules().map_err(node_error)?;
    if global.json {
        print_json(&json!(modules.iter().map(module_json).collect::<Vec<_>>()));
        return Ok(());
    }
    if modules.is_empty() {
        global.notice("no modules registered; add one with `ao module add FILE --format FORMAT`");
        return Ok(());
    }
    let names: Vec<&str> = modules.iter().map(|m| m.name().unwrap_or("-")).collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("NAME".len());
    println!("{:width$}  {:43}  {:10}  FORMAT", "NAME", "MODULE", "SIZE");
    for (module, name) in modules.iter().zip(names) {
        println!("{name:width$}  {}  {:10}  {}", module.id, module.size, module.format);
    }
    Ok(())
}
