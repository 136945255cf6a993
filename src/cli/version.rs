//! `ao version`: what a bug report needs — ao's version, its process module's id, the engine.
use clap::Args;
use serde_json::json;

use super::CliError;
use crate::runtime::aos_module_id;

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

impl VersionArgs {
    pub fn run(self) -> Result<(), CliError> {
        let ao = env!("CARGO_PKG_VERSION");
        let module = aos_module_id().to_string();
        let wasmtime = env!("AO_WASMTIME_VERSION");
        if self.json {
            println!("{}", json!({"ao": ao, "module": module, "lua": "5.3.6", "wasmtime": wasmtime}));
        } else {
            println!("ao {ao}");
            println!("process module {module} (Lua 5.3.6)");
            println!("wasmtime {wasmtime}");
        }
        Ok(())
    }
}
