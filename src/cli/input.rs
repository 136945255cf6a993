//! Command-line inputs shared by commands: `-t NAME=VALUE` tags, `-d TEXT|@FILE` data, ids, and
//! the wallet to sign with.
use std::path::{Path, PathBuf};

use super::{CliError, GlobalArgs};
use crate::protocol::{Id, Tag, Wallet};
use crate::wallet_file::{self, WalletFileError};

/// clap parser for `-t NAME=VALUE`.
pub fn parse_tag(text: &str) -> Result<Tag, String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok(Tag::new(name, value)),
        _ => Err("expected NAME=VALUE".into()),
    }
}

/// clap parser for ids (process ids, message ids, targets).
pub fn parse_id(text: &str) -> Result<Id, String> {
    text.parse::<Id>().map_err(|_| "expected a 43-character base64url id".into())
}

/// `-d TEXT` is the text itself; `-d @FILE` is the file's bytes.
pub fn read_data(arg: Option<&str>) -> Result<Vec<u8>, CliError> {
    match arg {
        None => Ok(Vec::new()),
        Some(text) => match text.strip_prefix('@') {
            Some(path) => {
                std::fs::read(path).map_err(|e| CliError::input(format!("cannot read data file {path}: {e}")))
            }
            None => Ok(text.as_bytes().to_vec()),
        },
    }
}

/// Reads `path`, for commands whose input is a file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::input(format!("cannot read {}: {e}", path.display())))
}

/// The wallet commands sign with: `--wallet`/`AO_WALLET` must exist; the default `~/.aos.json` is
/// created (and announced on stderr) when missing, as aos does.
pub fn signing_wallet(global: &GlobalArgs) -> Result<Wallet, CliError> {
    match &global.wallet {
        Some(path) => wallet_file::load(path).map_err(|e| wallet_error(e, path)),
        None => {
            let path = wallet_file::default_path().map_err(|e| CliError::input(e.to_string()))?;
            match wallet_file::load(&path) {
                Err(WalletFileError::NotFound(_)) => {
                    let wallet = wallet_file::create(&path, false).map_err(|e| wallet_error(e, &path))?;
                    global.notice(format_args!(
                        "created a new wallet at {} (address {})",
                        path.display(),
                        wallet.address()
                    ));
                    Ok(wallet)
                }
                other => other.map_err(|e| wallet_error(e, &path)),
            }
        }
    }
}

/// The path `ao wallet new` writes to when not given `--out`.
pub fn wallet_path(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    match &global.wallet {
        Some(path) => Ok(path.clone()),
        None => wallet_file::default_path().map_err(|e| CliError::input(e.to_string())),
    }
}

pub fn wallet_error(error: WalletFileError, path: &Path) -> CliError {
    match error {
        WalletFileError::NotFound(_) => {
            CliError::input(error.to_string()).hint(format!("create one with `ao wallet new --out {}`", path.display()))
        }
        WalletFileError::Exists(_) => {
            CliError::input(error.to_string()).hint("pass --force to replace it (the key in it is lost)")
        }
        WalletFileError::Invalid { .. } | WalletFileError::NoHome => CliError::input(error.to_string()),
        WalletFileError::Read { .. } | WalletFileError::Write { .. } | WalletFileError::Generate(_) => {
            CliError::failed(error.to_string())
        }
    }
}

/// `-t NAME=VALUE`... and `-d TEXT|@FILE`, for commands that build a message or a spawn.
#[derive(Debug, Clone, clap::Args)]
pub struct TagsAndData {
    /// A tag, NAME=VALUE (repeatable)
    #[arg(short = 't', long = "tag", value_name = "NAME=VALUE", value_parser = parse_tag)]
    pub tags: Vec<Tag>,
    /// The data: TEXT, or @FILE
    #[arg(short = 'd', long = "data", value_name = "TEXT|@FILE")]
    pub data: Option<String>,
}

/// `PROCESS [-a ACTION] [-t NAME=VALUE]... [-d TEXT|@FILE]`: a message to a process.
#[derive(Debug, clap::Args)]
pub struct MessageArgs {
    /// Process id, or the name of a process the wallet spawned
    #[arg(allow_hyphen_values = true)]
    pub process: String,
    /// The message's `Action` tag
    #[arg(short = 'a', long = "action")]
    pub action: Option<String>,
    #[command(flatten)]
    pub input: TagsAndData,
}

impl MessageArgs {
    /// The message's tags (`Action` first) and data.
    pub fn tags_and_data(&self) -> Result<(Vec<Tag>, Vec<u8>), CliError> {
        let data = read_data(self.input.data.as_deref())?;
        let mut tags = self.input.tags.clone();
        if let Some(action) = &self.action {
            if let Some(tag) = tags.iter().find(|t| t.name == "Action") {
                return Err(CliError::input(format!(
                    "two Action tags: -a {action} and -t Action={}; give one",
                    tag.value
                )));
            }
            tags.insert(0, Tag::new("Action", action));
        }
        Ok((tags, data))
    }
}
