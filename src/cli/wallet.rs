//! `ao wallet new` and `ao wallet address`.
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::input::{signing_wallet, wallet_error, wallet_path};
use super::{CliError, GlobalArgs, print_json};
use crate::wallet_file;

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)
    New(NewArgs),
    /// Print the wallet's 43-character address
    Address,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write it [default: the --wallet file, or ~/.aos.json]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace an existing file (the key in it is lost)
    #[arg(long)]
    force: bool,
}

impl WalletCommand {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self {
            WalletCommand::New(args) => {
                let path = match args.out {
                    Some(path) => path,
                    None => wallet_path(global)?,
                };
                let wallet = wallet_file::create(&path, args.force).map_err(|e| wallet_error(e, &path))?;
                if global.json {
                    print_json(&json!({"address": wallet.address(), "path": path}));
                } else {
                    println!("{}", wallet.address());
                    global.notice(format_args!("wrote a new wallet to {}", path.display()));
                }
            }
            WalletCommand::Address => {
                let wallet = signing_wallet(global)?;
                if global.json {
                    print_json(&json!({"address": wallet.address()}));
                } else {
                    println!("{}", wallet.address());
                }
            }
        }
        Ok(())
    }
}
