//! The `ao` command line: argument parsing, dispatch to one file per subcommand, and the single
//! place where errors become an `error:` line and an exit code (0 ok, 1 failed, 2 bad usage/input).
mod completions;
mod deploy;
mod drive;
mod dryrun;
mod eval;
mod fork;
mod inbox;
mod init;
mod input;
mod interrupt;
mod item;
mod list;
mod module;
mod named_networks;
mod network;
mod network_command;
mod node_access;
mod repl;
mod result;
mod send;
mod serve;
mod spawn;
mod spinner;
mod tail;
mod test;
mod verify;
mod version;
mod wallet;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// ao: a developer toolkit for AO, the hyper-parallel computer on Arweave.
#[derive(Debug, Parser)]
#[command(name = "ao", version, about, propagate_version = true, allow_external_subcommands = true)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    /// Without a command: the REPL on the process named `default`
    #[command(subcommand)]
    command: Option<Command>,
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
    /// Print only the essentials: no notices, no progress, no list of sent messages
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print details: slots, message ids, timings (on stderr)
    #[arg(short = 'v', long, global = true)]
    verbose: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// A remote network to work on instead of the embedded node: a HyperBEAM-style node's or an
    /// `ao serve`'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)
    #[arg(long, global = true, env = "AO_NETWORK", value_name = "URL|NAME")]
    network: Option<String>,
    /// The legacy units to work on instead (all three): the messenger unit's URL
    #[arg(long, global = true, env = "AO_MU_URL", value_name = "URL", requires_all = ["cu_url", "su_url"], conflicts_with = "network")]
    mu_url: Option<String>,
    /// The legacy compute unit's URL (with --mu-url)
    #[arg(long, global = true, env = "AO_CU_URL", value_name = "URL", requires = "mu_url")]
    cu_url: Option<String>,
    /// The legacy scheduler unit's URL (with --mu-url)
    #[arg(long, global = true, env = "AO_SU_URL", value_name = "URL", requires = "mu_url")]
    su_url: Option<String>,
    /// The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)
    #[arg(long, global = true, env = "AO_GATEWAY_URL", value_name = "URL")]
    gateway_url: Option<String>,
    /// Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1
    /// (`ao serve`: each request's evaluation, answered 503; `ao test`: each test [default: 60s]).
    /// On a remote network: how long to wait for each answer of its units [default: 2m]
    #[arg(long, global = true, value_name = "DURATION", value_parser = interrupt::parse_duration)]
    timeout: Option<std::time::Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl GlobalArgs {
    /// The remote network the command is asked to work on (`--network`, or the legacy units'
    /// messenger URL), if any.
    pub fn remote(&self) -> Option<&str> {
        self.network.as_deref().or(self.mu_url.as_deref())
    }

    /// How long to wait for each answer of a remote unit: `--timeout`, else the clients' default.
    pub fn unit_timeout(&self) -> std::time::Duration {
        self.timeout.unwrap_or(crate::net::remote::DEFAULT_TIMEOUT)
    }

    /// Whether to colour what goes to stdout (`stderr == false`) or stderr.
    pub fn color(&self, stderr: bool) -> bool {
        use std::io::IsTerminal;
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let terminal = if stderr { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
                terminal && !no_color && !self.json
            }
        }
    }

    /// A notice on stderr (not with `-q`).
    pub fn notice(&self, text: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// A detail on stderr (only with `-v`).
    pub fn detail(&self, text: impl std::fmt::Display) {
        if self.verbose {
            eprintln!("{text}");
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a process on the embedded node; prints its id
    Spawn(spawn::SpawnArgs),
    /// Send a signed message to a process; prints its id and result
    Send(send::SendArgs),
    /// Evaluate Lua inside a process; prints its output
    #[command(
        override_usage = "ao eval [OPTIONS] <PROCESS> <CODE>\n       ao eval [OPTIONS] <PROCESS> -f <FILE>\n       ao eval [OPTIONS] <PROCESS> --blueprint <NAME>"
    )]
    Eval(eval::EvalArgs),
    /// Evaluate a message without keeping it; prints the result, the process is untouched
    Dryrun(dryrun::DryrunArgs),
    /// Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`
    Repl(repl::ReplArgs),
    /// Print the stored result of a message
    Result(result::ResultArgs),
    /// Recompute a process from its log and compare with every stored (or remote) result
    Verify(verify::VerifyArgs),
    /// Bring a process of a remote network into the embedded node, to go on locally (--network)
    Fork(fork::ForkArgs),
    /// List the messages in a process's Inbox
    Inbox(inbox::InboxArgs),
    /// List the processes of the embedded node (on a remote network: the wallet's)
    List(list::ListArgs),
    /// Print what a process's messages print and send, from any sender; -f follows
    Tail(tail::TailArgs),
    /// Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)
    Init(init::InitArgs),
    /// Run the project's Lua tests against fresh local processes built from its ao.toml
    Test(test::TestArgs),
    /// Spawn and load the project's processes on the embedded node or a network (ao.lock records them)
    Deploy(deploy::DeployArgs),
    /// Create a wallet or show its address
    #[command(subcommand)]
    Wallet(wallet::WalletCommand),
    /// Sign, inspect and verify ANS-104 data items
    #[command(subcommand)]
    Item(item::ItemCommand),
    /// Register and list the wasm modules processes can run (`ao spawn --module ID`)
    #[command(subcommand)]
    Module(module::ModuleCommand),
    /// The local WeaveDrive store: data items, attestations and blocks processes read
    #[command(subcommand)]
    Drive(drive::DriveCommand),
    /// Show the network commands use and whether it answers; name networks (list, add, remove)
    Network(network_command::NetworkArgs),
    /// Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C
    Serve(serve::ServeArgs),
    /// Print the versions of ao, its process module and its wasm engine
    Version(version::VersionArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::CompletionsArgs),
    /// `ao NAME [ARGS]`: the REPL on the process NAME, as `aos NAME` (ARGS as `ao repl` takes them)
    #[command(external_subcommand)]
    Bare(Vec<OsString>),
}

impl Command {
    /// What the command is called in "does not work on a remote network" errors, for the commands
    /// that need the embedded node; `None` for those that work on any network (or need none).
    fn embedded_only(&self) -> Option<&'static str> {
        match self {
            Command::Module(_) => Some("`ao module`"),
            Command::Drive(_) => Some("`ao drive`"),
            Command::Serve(_) => Some("`ao serve`"),
            _ => None,
        }
    }

    fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self {
            Command::Repl(args) => args.run(global),
            Command::Spawn(args) => args.run(global),
            Command::Send(args) => args.run(global),
            Command::Eval(args) => args.run(global),
            Command::Dryrun(args) => args.run(global),
            Command::Result(args) => args.run(global),
            Command::Verify(args) => args.run(global),
            Command::Fork(args) => args.run(global),
            Command::Inbox(args) => args.run(global),
            Command::List(args) => args.run(global),
            Command::Tail(args) => args.run(global),
            Command::Init(args) => args.run(global),
            Command::Test(args) => args.run(global),
            Command::Deploy(args) => args.run(global),
            Command::Wallet(command) => command.run(global),
            Command::Item(command) => command.run(global),
            Command::Module(command) => command.run(global),
            Command::Drive(command) => command.run(global),
            Command::Serve(args) => args.run(global),
            Command::Network(args) => args.run(global),
            Command::Version(args) => args.run(global),
            Command::Completions(args) => args.run(global),
            Command::Bare(_) => unreachable!("`ao NAME` is parsed again as `ao repl NAME` (parse)"),
        }
    }
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

    /// Stopped by the user (Ctrl-C) or a `--timeout` (exit 130, as a shell reports SIGINT).
    pub fn interrupted(message: impl Into<String>) -> Self {
        CliError { message: message.into(), hint: None, code: 130 }
    }

    /// The same error, as one the user stopped (exit 130).
    pub fn as_interrupted(self) -> Self {
        CliError { code: 130, ..self }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The command line. `ao NAME ARGS...` is parsed again as `ao repl NAME ARGS...`, so that what
/// every command takes (`--wallet`, `-q`...) works after NAME too, as with `aos NAME --wallet`.
fn parse() -> Cli {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let cli = Cli::parse_from(&argv);
    let Some(Command::Bare(rest)) = &cli.command else { return cli };
    let at = argv.len() - rest.len();
    let again: Vec<OsString> =
        argv[..at].iter().cloned().chain(std::iter::once("repl".into())).chain(argv[at..].iter().cloned()).collect();
    let mut cli = Cli::parse_from(again);
    if let Some(Command::Repl(args)) = &mut cli.command {
        args.mark_bare();
    }
    cli
}

/// The environment variables that stand for flags.
const FLAG_VARIABLES: [&str; 7] =
    ["AO_HOME", "AO_WALLET", "AO_NETWORK", "AO_MU_URL", "AO_CU_URL", "AO_SU_URL", "AO_GATEWAY_URL"];

pub fn main() -> ExitCode {
    // An empty variable is one not set (`AO_HOME= ao …` in a script): clap would take it as an
    // empty value, refused even where the flag itself is given.
    for name in FLAG_VARIABLES {
        if std::env::var_os(name).is_some_and(|value| value.is_empty()) {
            // SAFETY: nothing else runs yet; no other thread reads the environment.
            unsafe { std::env::remove_var(name) };
        }
    }
    let cli = parse();
    let color_errors = cli.global.color(true);
    let command = cli.command.unwrap_or_else(|| Command::Repl(repl::ReplArgs::default()));
    let result = match command.embedded_only() {
        Some(what) => network::embedded_only(&cli.global, what).and_then(|()| command.run(&cli.global)),
        None => command.run(&cli.global),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let (red, dim, reset) = if color_errors { ("\x1b[1;31m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
            eprintln!("{red}error:{reset} {}", error.message);
            if let Some(hint) = &error.hint {
                eprintln!("{dim}hint:{reset} {hint}");
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

    /// `FLAG_VARIABLES` is every variable a flag reads (a list, so that start-up need not build
    /// clap's command to find them).
    #[test]
    fn the_flag_variables_are_those_the_flags_read() {
        use clap::CommandFactory;
        let command = super::Cli::command();
        let mut read: Vec<String> =
            command.get_arguments().filter_map(|arg| arg.get_env()).map(|name| name.to_string_lossy().into()).collect();
        let mut listed: Vec<String> = super::FLAG_VARIABLES.iter().map(|name| name.to_string()).collect();
        read.sort();
        listed.sort();
        assert_eq!(listed, read);
    }
}
