//! `ao version`: what a bug report needs — ao's version, its process module's id, the engine.
use clap::Args;
use serde_json::json;

use super::{CliError, GlobalArgs, print_json};
use crate::runtime::aos_module_id;

#[derive(Debug, Args)]
pub struct VersionArgs {}

impl VersionArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let ao = env!("CARGO_PKG_VERSION");
        let module = aos_module_id().to_string();
        let wasmtime = env!("AO_WASMTIME_VERSION");
        if global.json {
            print_json(&json!({"ao": ao, "module": module, "lua": "5.3.6", "wasmtime": wasmtime}));
        } else {
            println!("ao {ao}");
            println!("process module {module} (Lua 5.3.6)");
            println!("wasmtime {wasmtime}");
        }
        Ok(())
    }
}
