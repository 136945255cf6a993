//! The `ao` command line: argument parsing, dispatch to one file per subcommand, and the single
//! place where errors become an `error:` line and an exit code (0 ok, 1 failed, 2 bad usage/input).
mod version;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// ao: a developer toolkit for AO, the hyper-parallel computer on Arweave.
#[derive(Debug, Parser)]
#[command(name = "ao", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the versions of ao, its process module and its wasm engine.
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
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Version(args) => args.run(),
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
