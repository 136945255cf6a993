//! Wallet files: `~/.aos.json` by default (the file aos uses, so users keep their identity),
//! written with mode 0600, whole or not at all, and never over an existing file unless forced.
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::protocol::{Wallet, WalletError};

#[derive(Debug, thiserror::Error)]
pub enum WalletFileError {
    #[error("wallet file {} not found", .0.display())]
    NotFound(PathBuf),
    #[error("cannot read wallet file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {source}", path.display())]
    Invalid { path: PathBuf, source: WalletError },
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    #[error("cannot write wallet file {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("no home directory to keep the default wallet in; pass --wallet FILE")]
    NoHome,
    #[error(transparent)]
    Generate(WalletError),
}

/// `~/.aos.json`.
pub fn default_path() -> Result<PathBuf, WalletFileError> {
    std::env::home_dir()
        .filter(|home| !home.as_os_str().is_empty())
        .map(|home| home.join(".aos.json"))
        .ok_or(WalletFileError::NoHome)
}

pub fn load(path: &Path) -> Result<Wallet, WalletFileError> {
    let bytes = fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => WalletFileError::NotFound(path.to_path_buf()),
        _ => WalletFileError::Read { path: path.to_path_buf(), source },
    })?;
    Wallet::from_jwk(&bytes).map_err(|source| WalletFileError::Invalid { path: path.to_path_buf(), source })
}

/// Generates a wallet and writes it to `path`; an existing file is replaced only when `force`.
pub fn create(path: &Path, force: bool) -> Result<Wallet, WalletFileError> {
    if !force && path.exists() {
        return Err(WalletFileError::Exists(path.to_path_buf()));
    }
    let wallet = Wallet::generate().map_err(WalletFileError::Generate)?;
    write(path, &wallet, force)?;
    Ok(wallet)
}

/// Writes to a private temporary file beside `path`, then links it into place (refusing to
/// replace an existing file) or, when `force`, renames it over.
fn write(path: &Path, wallet: &Wallet, force: bool) -> Result<(), WalletFileError> {
    let io_error = |source| WalletFileError::Write { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_error)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(wallet.to_jwk().as_bytes())?;
        file.sync_all()?;
        if force { fs::rename(&tmp, path) } else { fs::hard_link(&tmp, path) }
    })();
    let _ = fs::remove_file(&tmp);
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(WalletFileError::Exists(path.to_path_buf())),
        other => other.map_err(io_error),
    }
}
