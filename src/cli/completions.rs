//! `ao completions SHELL`: prints the shell completion script; the files in `completions/` are this
//! output, kept current by a test (`tools/completions.sh` rewrites them).
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, CliError, GlobalArgs};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    shell: Shell,
}

impl CompletionsArgs {
    pub fn run(self, _global: &GlobalArgs) -> Result<(), CliError> {
        print!("{}", script(self.shell));
        Ok(())
    }
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ao", &mut out);
    String::from_utf8(out).expect("completion scripts are text")
}
