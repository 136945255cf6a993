//! `ao spawn [NAME]`: starts a process on the embedded node (or a remote network) and prints its
//! id; `--load FILE` and `--run CODE` then evaluate in it, as aos's flags do. The spawn options
//! (module, cron, tags — also as aos's `--tag-name`/`--tag-value` pairs —, data) are shared with
//! `ao repl`, which spawns a name that is new.
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::eval::load_file;
use super::input::{TagsAndData, read_data, signing_wallet};
use super::network::Network;
use super::node_access::warn_undelivered;
use super::spinner::Spinner;
use super::{CliError, GlobalArgs, print_json};
use crate::lua_bundle::LuaBundle;
use crate::node::SpawnRequest;
use crate::protocol::{Id, Tag, Wallet};

#[derive(Debug, Args)]
pub struct SpawnArgs {
    /// The process's name (its `Name` tag), unique for the wallet
    name: Option<String>,
    #[command(flatten)]
    options: SpawnOptions,
    #[command(flatten)]
    then: ThenEvaluate,
}

/// How a new process is spawned.
#[derive(Debug, Clone, Args)]
pub struct SpawnOptions {
    /// The module to run: `aos` (ao's own; on a remote network the one aos uses there), a module
    /// id, or a module's Name (registered with `ao module add`, or on the network's gateway)
    #[arg(short = 'm', long = "module", value_name = "aos|ID|NAME", default_value = DEFAULT_MODULE, allow_hyphen_values = true)]
    pub module: String,
    /// Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes,
    /// 1-hour, 2-blocks), as `aos --cron` does
    #[arg(long, value_name = "INTERVAL")]
    pub cron: Option<String>,
    #[command(flatten)]
    pub input: TagsAndData,
    /// A tag's name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)
    #[arg(long = "tag-name", value_name = "NAME")]
    pub tag_names: Vec<String>,
    /// The value of the --tag-name before it
    #[arg(long = "tag-value", value_name = "VALUE")]
    pub tag_values: Vec<String>,
}

/// The module spawns use unless told.
const DEFAULT_MODULE: &str = "aos";

impl Default for SpawnOptions {
    fn default() -> Self {
        SpawnOptions {
            module: DEFAULT_MODULE.to_string(),
            cron: None,
            input: TagsAndData { tags: Vec::new(), data: None },
            tag_names: Vec::new(),
            tag_values: Vec::new(),
        }
    }
}

/// What to evaluate in the process once it is there, as aos's flags.
#[derive(Debug, Clone, Default, Args)]
pub struct ThenEvaluate {
    /// Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)
    #[arg(long = "load", value_name = "FILE")]
    pub load: Vec<PathBuf>,
    /// Evaluate CODE in the process (after --load), print what it gives, and exit
    #[arg(long = "run", value_name = "CODE", allow_hyphen_values = true)]
    pub run: Option<String>,
}

impl SpawnOptions {
    /// Whether any option differs from the default (they only matter for a new process).
    pub fn given(&self) -> bool {
        self.module != DEFAULT_MODULE
            || self.cron.is_some()
            || !self.input.tags.is_empty()
            || !self.tag_names.is_empty()
            || !self.tag_values.is_empty()
            || self.input.data.is_some()
    }

    /// The spawn of a process named `name` on `network`.
    pub fn request(&self, network: &Network, name: Option<String>) -> Result<SpawnRequest, CliError> {
        if self.tag_names.len() != self.tag_values.len() {
            return Err(CliError::input("--tag-name and --tag-value come in pairs (each name, then its value)"));
        }
        let data = read_data(self.input.data.as_deref())?;
        let module = network.module(&self.module)?;
        let mut tags = self.input.tags.clone();
        tags.extend(self.tag_names.iter().zip(&self.tag_values).map(|(name, value)| Tag::new(name, value)));
        if let Some(interval) = &self.cron {
            tags.extend(crate::node::cron_tags(interval));
        }
        Ok(SpawnRequest { name, module, tags, data, anchor: None })
    }
}

impl ThenEvaluate {
    /// Reads the `--load` files (with the local files they require): done before anything is
    /// spawned, so that a missing file is refused with nothing done.
    pub fn read(&self, global: &GlobalArgs) -> Result<Vec<LuaBundle>, CliError> {
        self.load.iter().map(|path| load_file(global, path)).collect()
    }

    /// Evaluates the `--load` files (`loaded`, as [`ThenEvaluate::read`] read them), then
    /// `--run`'s code, in `process`, printing each result as `ao eval` does; stops at the first
    /// that fails.
    pub fn evaluate(
        &self,
        global: &GlobalArgs,
        (network, wallet): (&Network, &Wallet),
        process: Id,
        loaded: &[LuaBundle],
    ) -> Result<(), CliError> {
        for bundle in loaded {
            super::eval::evaluate(global, network, wallet, process, bundle.code(), Some(bundle))?;
        }
        match &self.run {
            Some(code) => super::eval::evaluate(global, network, wallet, process, code, None),
            None => Ok(()),
        }
    }
}

impl SpawnArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        if global.json && (!self.then.load.is_empty() || self.then.run.is_some()) {
            return Err(CliError::input("--json prints one document: with --load or --run, leave --json out")
                .hint("spawn, then `ao --json eval PROCESS -f FILE`"));
        }
        let loaded = self.then.read(global)?;
        let wallet = signing_wallet(global)?;
        let network = Network::open(global)?;
        let request = self.options.request(&network, self.name.clone())?;
        let spinner = Spinner::start(global, "spawning");
        let (outcome, module) = network.spawn(&wallet, request)?;
        drop(spinner);
        if global.json {
            print_json(
                &json!({"process": outcome.process.to_string(), "name": self.name, "module": module.to_string()}),
            );
        } else {
            println!("{}", outcome.process);
        }
        warn_undelivered(global, &outcome.undelivered);
        if let Some(error) = &outcome.result.error {
            return Err(CliError::failed(format!("the process booted with an error: {error}")));
        }
        self.then.evaluate(global, (&network, &wallet), outcome.process, &loaded)
    }
}
