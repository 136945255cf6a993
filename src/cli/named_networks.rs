//! Named networks: `--network NAME` (`AO_NETWORK=NAME`) instead of URLs. `local` (an `ao serve`
//! or a HyperBEAM node on this machine), `mainnet` (the HyperBEAM node aos uses) and `legacy`
//! (the legacy units aos's `--legacy` mode uses) are built in; the user's own — and overrides of
//! these — live in `networks.toml` in ao's configuration directory (`AO_CONFIG` names another):
//!
//! ```toml
//! [networks.devbox]
//! url = "http://10.0.0.5:8734"
//!
//! [networks.old]
//! mu = "https://mu.example"
//! cu = "https://cu.example"
//! su = "https://su.example"
//! gateway = "https://arweave.net"
//! ```
use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::CliError;

/// Where a named network's units are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Units {
    /// A HyperBEAM-style node (or an `ao serve`).
    Node { url: String },
    /// Legacy messenger, compute and scheduler units, and a gateway for names and modules.
    Legacy {
        mu: String,
        cu: String,
        su: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        gateway: Option<String>,
    },
}

impl Units {
    /// Whether every URL here can be a unit's: `http` or `https`, with a host.
    pub fn check(&self) -> Result<(), CliError> {
        self.problem().map_or(Ok(()), |problem| Err(CliError::input(problem).hint(URL_HINT)))
    }

    /// What makes one of the URLs here unusable, if anything does.
    fn problem(&self) -> Option<String> {
        let urls: Vec<&str> = match self {
            Units::Node { url } => vec![url],
            Units::Legacy { mu, cu, su, gateway } => {
                [mu, cu, su].into_iter().chain(gateway).map(String::as_str).collect()
            }
        };
        urls.into_iter().find_map(url_problem)
    }
}

const URL_HINT: &str = "write a unit's URL as http://HOST:PORT or https://HOST";

/// Whether `url` can be a unit's: `http` or `https`, with a host.
pub fn check_url(url: &str) -> Result<(), CliError> {
    url_problem(url).map_or(Ok(()), |problem| Err(CliError::input(problem).hint(URL_HINT)))
}

/// Why `url` cannot be a unit's URL, if it cannot.
fn url_problem(url: &str) -> Option<String> {
    let problem = match reqwest::Url::parse(url) {
        Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") => "it is not http or https".to_string(),
        Ok(parsed) if parsed.host().is_none() => "it has no host".to_string(),
        Ok(_) => return None,
        Err(error) => error.to_string(),
    };
    Some(format!("{url:?} is not a unit's URL: {problem}"))
}

/// The file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
struct NetworksFile {
    #[serde(default)]
    networks: BTreeMap<String, Units>,
}

/// The networks `ao` knows without a file.
pub fn built_in() -> BTreeMap<String, Units> {
    let node = |url: &str| Units::Node { url: url.to_string() };
    BTreeMap::from([
        ("local".to_string(), node("http://127.0.0.1:8734")),
        ("mainnet".to_string(), node("https://push.forward.computer")),
        (
            "legacy".to_string(),
            Units::Legacy {
                mu: "https://mu.ao-testnet.xyz".into(),
                cu: "https://cu.ao-testnet.xyz".into(),
                su: "https://su-router.ao-testnet.xyz".into(),
                gateway: Some("https://arweave.net".into()),
            },
        ),
    ])
}

/// The networks file: `AO_CONFIG`, else `networks.toml` in ao's configuration directory.
pub fn file() -> Result<PathBuf, CliError> {
    if let Some(path) = std::env::var_os("AO_CONFIG").filter(|path| !path.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "ao")
        .map(|dirs| dirs.config_dir().join("networks.toml"))
        .ok_or_else(|| CliError::input("no configuration directory for named networks; set AO_CONFIG"))
}

/// The user's networks as the file has them (none if it does not exist).
fn user_networks() -> Result<BTreeMap<String, Units>, CliError> {
    let path = file()?;
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(error) => return Err(CliError::failed(format!("cannot read {}: {error}", path.display()))),
    };
    let parsed: NetworksFile = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|span| text[..span.start].matches('\n').count() + 1);
        let at = line.map(|line| format!("line {line}: ")).unwrap_or_default();
        // (An entry of neither shape: serde's own words name its enum.)
        let detail = match e.message().contains("untagged enum Units") {
            true => "a network needs `url = \"…\"` (a node), or `mu`, `cu` and `su` (legacy units; `gateway` optional)",
            false => e.message(),
        };
        CliError::input(format!("{} is not a networks file: {at}{detail}", path.display()))
    })?;
    Ok(parsed.networks)
}

/// Every named network: the built-in ones, then the file's (which may override them); each
/// with whether it comes from the file.
pub fn all() -> Result<BTreeMap<String, (Units, bool)>, CliError> {
    let mut all: BTreeMap<String, (Units, bool)> =
        built_in().into_iter().map(|(name, units)| (name, (units, false))).collect();
    all.extend(user_networks()?.into_iter().map(|(name, units)| (name, (units, true))));
    Ok(all)
}

/// The network named `name` (its URLs checked: an entry written by hand may hold anything).
pub fn find(name: &str) -> Result<Units, CliError> {
    let units = all()?.remove(name).map(|(units, _)| units).ok_or_else(|| {
        CliError::input(format!("no network named {name:?} (a network is a URL or a name)"))
            .hint("`ao network list` shows the names; `ao network add NAME URL` adds one")
    })?;
    match units.problem() {
        Some(problem) => Err(CliError::input(format!("network {name:?}: {problem}"))
            .hint(format!("`ao network add {name} URL` replaces it"))),
        None => Ok(units),
    }
}

/// Keeps `units` under `name` in the file (replacing one of that name).
pub fn add(name: &str, units: Units) -> Result<PathBuf, CliError> {
    if name.is_empty() || name.contains("://") || name.chars().any(char::is_whitespace) {
        return Err(CliError::input(format!("{name:?} cannot name a network (no spaces, not a URL)")));
    }
    units.check()?;
    let mut networks = user_networks()?;
    networks.insert(name.to_string(), units);
    save(networks)
}

/// Removes the network `name` from the file; `false` if the file did not have it.
pub fn remove(name: &str) -> Result<bool, CliError> {
    let mut networks = user_networks()?;
    let had = networks.remove(name).is_some();
    if had {
        save(networks)?;
    }
    Ok(had)
}

fn save(networks: BTreeMap<String, Units>) -> Result<PathBuf, CliError> {
    let path = file()?;
    let text = toml::to_string(&NetworksFile { networks }).expect("networks serialize");
    let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, text));
    written.map_err(|e| CliError::failed(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}
