//! The `ao` command line: argument parsing, dispatch to one file per subcommand, and the single
//! place where errors become an `error:` line and an exit code (0 ok, 1 failed, 2 bad usage/input).
mod eval;
mod input;
mod item;
mod node_access;
mod send;
mod spawn;
mod version;
mod wallet;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// ao: a developer toolkit for AO, the hyper-parallel computer on Arweave.
#[derive(Debug, Parser)]
#[command(name = "ao", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]
    #[arg(long, global = true, env = "AO_WALLET", value_name = "FILE")]
    wallet: Option<PathBuf>,
    /// Print one JSON document instead of text
    #[arg(long, global = true)]
    json: bool,
    /// Where the embedded node keeps its state [default: the platform's data directory]
    #[arg(long, global = true, env = "AO_HOME", value_name = "DIR")]
    home: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a process on the embedded node; prints its id
    Spawn(spawn::SpawnArgs),
    /// Send a signed message to a process; prints its id and result
    Send(send::SendArgs),
    /// Evaluate Lua inside a process; prints its output
    Eval(eval::EvalArgs),
    /// Create a wallet or show its address
    #[command(subcommand)]
    Wallet(wallet::WalletCommand),
    /// Sign, inspect and verify ANS-104 data items
    #[command(subcommand)]
    Item(item::ItemCommand),
    /// Print the versions of ao, its process module and its wasm engine
    Version(version::VersionArgs),
}

/// A failure the user sees: one line, maybe a hint, and how the process exits.
#[derive(Debug)]
pub struct CliError {
    message: String,
    hint: Option<String>,
    code: u8,
}

impl CliError {
    /// The operation failed (exit 1).
    pub fn failed(message: impl Into<String>) -> Self {
        CliError { message: message.into(), hint: None, code: 1 }
    }

    /// Bad usage or bad input (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        CliError { message: message.into(), hint: None, code: 2 }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Spawn(args) => args.run(&cli.global),
        Command::Send(args) => args.run(&cli.global),
        Command::Eval(args) => args.run(&cli.global),
        Command::Wallet(command) => command.run(&cli.global),
        Command::Item(command) => command.run(&cli.global),
        Command::Version(args) => args.run(&cli.global),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", error.message);
            if let Some(hint) = &error.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(error.code)
        }
    }
}

/// Prints `value` as the command's one JSON document.
fn print_json(value: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(value).expect("JSON values serialize"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
