//! Where a command's processes live: the embedded node (the default), or a remote network — a
//! HyperBEAM-style node or another home's `ao serve` named by `--network URL` (`AO_NETWORK`), or
//! legacy units named by `--mu-url`, `--cu-url`, `--su-url` (and `--gateway-url` for names), or
//! a named network (`--network NAME`, `named_networks.rs`).
//! Every command that reads or writes processes works on both (`module`, `drive`, `serve` and
//! `--slot` need the embedded node and say so).
use super::input::signing_wallet;
use super::interrupt::Armed;
use super::named_networks::{self, Units};
use super::node_access::{find_process, node_error, open, open_armed, resolve};
use super::{CliError, GlobalArgs};
use std::sync::Arc;
use std::time::Duration;

use crate::net::remote::{self, Gateway, HyperBeam, Legacy, ProcessSource, RemoteError, ReplayError};
use crate::node::{ErrorKind, Inbox, LogEntry, LogPosition, MessageResult, Node, Outcome, SpawnRequest};
use crate::protocol::{Id, Tag, Wallet};

/// The module aos 2.0.4 spawns processes with (its `package.json`), where a network has no ao
/// module of its own.
pub const AOS_PUBLISHED: &str = "ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s";

/// The embedded node, or a remote one.
pub enum Network {
    Embedded(Node, Armed),
    Remote(Arc<HyperBeam>),
    Legacy(Arc<Legacy>),
}

/// How often a command that follows a log (`ao tail -f`, the REPL's live feed) looks again: the
/// embedded node's store is cheap to ask; a remote network is asked every second.
pub const EMBEDDED_POLL: Duration = Duration::from_millis(100);
pub const REMOTE_POLL: Duration = Duration::from_secs(1);

/// A remote unit's failure as the CLI reports it: what it refused as asked wrongly (`4xx` but a
/// timeout or too many requests, exit 2), anything else as failed (exit 1).
pub fn remote_error(error: RemoteError) -> CliError {
    match &error {
        RemoteError::Status { status: 408 | 429, .. } => CliError::failed(error.to_string()),
        RemoteError::Status { status: 400..=499, .. } | RemoteError::NoGateway { .. } => {
            CliError::input(error.to_string())
        }
        RemoteError::TimedOut { .. } => {
            CliError::failed(error.to_string()).hint("--timeout sets how long ao waits for an answer")
        }
        _ => CliError::failed(error.to_string()),
    }
}

/// A failure to recompute a remote process as the CLI reports it (`armed`: the evaluation's
/// Ctrl-C and timeout).
pub fn replay_error(error: ReplayError, armed: &Armed) -> CliError {
    match error {
        ReplayError::Remote(error) => remote_error(error),
        ReplayError::Node(error) => armed.error(error),
        unknown @ ReplayError::UnknownSlot { .. } => CliError::input(unknown.to_string()),
        none @ ReplayError::NoState { .. } => {
            CliError::failed(none.to_string()).hint("without --from-state, ao fork recomputes it from its schedule")
        }
    }
}

/// `what` needs the embedded node.
pub fn embedded_only(global: &GlobalArgs, what: &str) -> Result<(), CliError> {
    match global.remote() {
        Some(url) => Err(CliError::input(format!("{what} does not work on a remote network yet ({url})"))
            .hint("without --network / --mu-url (AO_NETWORK, AO_MU_URL) commands use the embedded node")),
        None => Ok(()),
    }
}

/// The process a remote `result` must be told (a remote network is not searched for a message).
fn named(process: Option<Id>) -> Result<Id, CliError> {
    process.ok_or_else(|| CliError::input("on a remote network, say which process the message is in (--process)"))
}

impl Network {
    /// The network `global` names; the embedded node (armed for Ctrl-C and `--timeout`) when none.
    pub fn open(global: &GlobalArgs) -> Result<Network, CliError> {
        match Self::units(global)? {
            Some(units) => Self::remote(&units, global.unit_timeout()),
            None => {
                let (node, armed) = open_armed(global)?;
                Ok(Network::Embedded(node, armed))
            }
        }
    }

    /// The same for a command that only reads (and may wait long, as `ao tail -f`): on the
    /// embedded node Ctrl-C ends it at once, and `--timeout` does not apply.
    pub fn open_to_read(global: &GlobalArgs) -> Result<Network, CliError> {
        match Self::units(global)? {
            Some(units) => Self::remote(&units, global.unit_timeout()),
            None => Ok(Network::Embedded(open(global)?, Armed::unarmed())),
        }
    }

    /// The units `global` names: the legacy units' flags, `--network URL` or a named network's;
    /// `None` for the embedded node.
    pub fn units(global: &GlobalArgs) -> Result<Option<Units>, CliError> {
        if let (Some(mu), Some(cu), Some(su)) = (&global.mu_url, &global.cu_url, &global.su_url) {
            let (mu, cu, su, gateway) = (mu.clone(), cu.clone(), su.clone(), global.gateway_url.clone());
            let units = Units::Legacy { mu, cu, su, gateway };
            units.check()?;
            return Ok(Some(units));
        }
        match &global.network {
            Some(url) if url.contains("://") => {
                let units = Units::Node { url: url.clone() };
                units.check()?;
                Ok(Some(units))
            }
            Some(name) => named_networks::find(name).map(Some),
            None => Ok(None),
        }
    }

    /// The network whose units are `units`, each answer awaited `timeout`.
    pub fn remote(units: &Units, timeout: Duration) -> Result<Network, CliError> {
        Ok(match units {
            Units::Node { url } => Network::Remote(Arc::new(HyperBeam::new(url, timeout).map_err(remote_error)?)),
            Units::Legacy { mu, cu, su, gateway } => {
                Network::Legacy(Arc::new(Legacy::new(mu, cu, su, gateway.as_deref(), timeout)))
            }
        })
    }

    /// The process `text` names for `owner`: its id, or the name of a process it spawned.
    pub fn process(&self, owner: &str, text: &str) -> Result<Id, CliError> {
        match self {
            Network::Embedded(node, _) => Ok(resolve(node, owner, text)?.id),
            _ if text.parse::<Id>().is_ok() => Ok(text.parse().expect("just parsed")),
            _ => match self.gateway() {
                Some(gateway) => Self::named_on(gateway, owner, text),
                None => Err(CliError::input(format!(
                    "{text:?} is not a process id, and names need a gateway (--gateway-url)"
                ))),
            },
        }
    }

    /// The process `text` names, for commands that only read: an id needs no wallet; a name is
    /// the wallet's (on the embedded node, the wallet is not created if missing).
    pub fn find(&self, global: &GlobalArgs, text: &str) -> Result<Id, CliError> {
        match self {
            Network::Embedded(node, _) => Ok(find_process(global, node, text)?.id),
            _ => match text.parse::<Id>() {
                Ok(id) => Ok(id),
                Err(_) => self.process(&signing_wallet(global)?.address(), text),
            },
        }
    }

    /// Evaluates `code` in `process` by dry run (`Action = Eval`): as the process's owner on the
    /// embedded node; on a remote network as `wallet` (aos evaluates only its owner's).
    pub fn read_lua(&self, wallet: &Wallet, process: Id, code: &str) -> Result<MessageResult, CliError> {
        match self {
            Network::Embedded(node, armed) => node.read_lua(process, code).map_err(|e| armed.error(e)),
            _ => self.dry_run(wallet, process, (&[Tag::new("Action", "Eval")], code.as_bytes()), None),
        }
    }

    /// The newest `last` messages of `process`'s Inbox (all when `None`), read by a dry run of
    /// Lua (on a remote network, as the wallet: aos evaluates only its owner's).
    pub fn inbox(&self, global: &GlobalArgs, process: Id, last: Option<u64>) -> Result<Inbox, CliError> {
        match self {
            Network::Embedded(node, armed) => node.inbox(process, last).map_err(|e| armed.error(e)),
            _ => {
                let result = self.read_lua(&signing_wallet(global)?, process, &Inbox::lua(last))?;
                Inbox::read(&result).map_err(|e| CliError::failed(format!("{process}: {e}")))
            }
        }
    }

    /// The newest `count` entries of `process`'s log (on a remote network, its messages: cron
    /// ticks' results are the compute unit's own).
    pub fn log_last(&self, process: Id, count: u64) -> Result<Vec<LogEntry>, CliError> {
        match self {
            Network::Embedded(node, _) => node.log_last(process, count).map_err(node_error),
            _ => remote::log_last(self.source().expect("remote"), process, count).map_err(remote_error),
        }
    }

    /// Up to `limit` entries of `process`'s log after `after`.
    pub fn log_after(&self, process: Id, after: Option<LogPosition>, limit: u64) -> Result<Vec<LogEntry>, CliError> {
        match self {
            Network::Embedded(node, _) => node.log(process, after, limit).map_err(node_error),
            _ => remote::log_after(self.source().expect("remote"), process, after, limit).map_err(remote_error),
        }
    }

    /// How long to wait before looking for new log entries again.
    pub fn poll_interval(&self) -> Duration {
        match self {
            Network::Embedded(..) => EMBEDDED_POLL,
            _ => REMOTE_POLL,
        }
    }

    /// On the embedded node, evaluates the cron ticks due by now (as a compute unit does when
    /// someone looks); a remote network's units do that themselves.
    pub fn run_crons(&self) -> Result<(), CliError> {
        match self {
            Network::Embedded(node, _) => match node.run_crons() {
                // Another `ao` is writing; it runs them.
                Err(error) if error.kind() == ErrorKind::Unavailable => Ok(()),
                other => other.map(drop).map_err(node_error),
            },
            _ => Ok(()),
        }
    }

    /// The process named `text` that `owner` spawned, as `gateway` finds it.
    fn named_on(gateway: &Gateway, owner: &str, text: &str) -> Result<Id, CliError> {
        let found = gateway.process_named(owner, text).map_err(remote_error)?;
        found.ok_or_else(|| {
            CliError::input(format!("no process named {text:?} for this wallet on the network"))
                .hint("give the process id")
        })
    }

    /// The remote network's gateway (`None`: embedded, or legacy units without `--gateway-url`).
    pub fn gateway(&self) -> Option<&Gateway> {
        match self {
            Network::Embedded(..) => None,
            Network::Remote(node) => Some(node.gateway()),
            Network::Legacy(units) => units.gateway(),
        }
    }

    /// The remote network's processes as `ao verify` and `ao fork` read them (`None`: embedded).
    pub fn source(&self) -> Option<&dyn ProcessSource> {
        match self {
            Network::Embedded(..) => None,
            Network::Remote(node) => Some(node.as_ref()),
            Network::Legacy(units) => Some(units.as_ref()),
        }
    }

    /// The same, to share with another thread.
    pub fn shared_source(&self) -> Option<Arc<dyn ProcessSource + Send>> {
        match self {
            Network::Embedded(..) => None,
            Network::Remote(node) => Some(node.clone()),
            Network::Legacy(units) => Some(units.clone()),
        }
    }

    /// The module `text` names for a spawn: `aos` — ao's own module on the embedded node; on a
    /// remote network the `ao` module its scheduler signed, as an `ao serve`'s gateway describes
    /// it, else the aos module aos spawns with —, a module id, or the Name of a module
    /// (registered here, or the newest the network's gateway knows, as aos looks it up).
    pub fn module(&self, text: &str) -> Result<Option<Id>, CliError> {
        if let Ok(id) = text.parse::<Id>() {
            return Ok(Some(id));
        }
        let unknown = || CliError::input(format!("no module named {text:?}"));
        match self {
            Network::Embedded(..) if text == "aos" => Ok(None),
            Network::Embedded(node, _) => {
                let named = node.module_named(text).map_err(node_error)?;
                named.map(|module| Some(module.id)).ok_or_else(|| unknown().hint("`ao module list` shows them"))
            }
            _ => {
                let gateway = self.gateway().ok_or_else(|| {
                    CliError::input(format!("finding module {text:?} by name needs a gateway (--gateway-url)"))
                })?;
                // `aos`: an ao module the network's own scheduler signed (an `ao serve`'s), if any.
                let found = if text == "aos" {
                    let scheduler = match self {
                        Network::Remote(node) => node.address(),
                        Network::Legacy(units) => units.scheduler(),
                        Network::Embedded(..) => unreachable!("matched above"),
                    };
                    let own_format = crate::runtime::ModuleFormat::Ao.as_str();
                    gateway.module_named("ao", Some(own_format), Some(&scheduler.map_err(remote_error)?))
                } else {
                    gateway.module_named(text, None, None)
                };
                match found.map_err(remote_error)? {
                    Some(id) => Ok(Some(id)),
                    None if text == "aos" => Ok(Some(AOS_PUBLISHED.parse().expect("an id"))),
                    None => Err(unknown().hint("give the module's id")),
                }
            }
        }
    }

    /// Spawns a process; its boot outcome and the module it runs.
    pub fn spawn(&self, wallet: &Wallet, request: SpawnRequest) -> Result<(Outcome, Id), CliError> {
        match self {
            Network::Embedded(node, armed) => {
                let outcome = node.spawn(wallet, request).map_err(|e| armed.error(e))?;
                let module = node.process(outcome.process).map_err(node_error)?.module;
                Ok((outcome, module))
            }
            remote => {
                let module = request.module.unwrap_or_else(crate::runtime::aos_module_id);
                let mut tags = request.tags;
                if let Some(name) = &request.name {
                    crate::node::check_process_name(name).map_err(node_error)?;
                    // A name is the wallet's handle on one process, there as here (as far as
                    // the network's gateway tells: one that cannot be asked does not stop a spawn).
                    let owner = wallet.address();
                    if let Some(gateway) = self.gateway()
                        && let Ok(Some(existing)) = gateway.process_named(&owner, name)
                    {
                        let taken = crate::node::NodeError::NameTaken { name: name.clone(), id: existing };
                        return Err(node_error(taken));
                    }
                    tags.retain(|t| t.name != "Name");
                    tags.insert(0, Tag::new("Name", name));
                }
                let (process, result) = match remote {
                    Network::Remote(node) => {
                        let process = node.spawn(wallet, module, tags, request.data).map_err(remote_error)?;
                        (process, node.result(wallet, process, 0).map_err(remote_error)?)
                    }
                    Network::Legacy(units) => {
                        let process = units.spawn(wallet, module, tags, request.data).map_err(remote_error)?;
                        (process, units.result(process, process).map_err(remote_error)?)
                    }
                    Network::Embedded(..) => unreachable!("matched above"),
                };
                Ok((Outcome { id: process, process, slot: 0, result, undelivered: Vec::new() }, module))
            }
        }
    }

    /// Sends a message; its outcome once evaluated.
    pub fn send(&self, wallet: &Wallet, process: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Outcome, CliError> {
        match self {
            Network::Embedded(node, armed) => node.send(wallet, process, tags, data).map_err(|e| armed.error(e)),
            Network::Remote(node) => {
                let (id, slot) = node.send(wallet, process, tags, data).map_err(remote_error)?;
                let result = node.result(wallet, process, slot).map_err(remote_error)?;
                Ok(Outcome { id, process, slot, result, undelivered: Vec::new() })
            }
            Network::Legacy(units) => {
                let id = units.send(wallet, process, tags, data).map_err(remote_error)?;
                let result = units.result(process, id).map_err(remote_error)?;
                let slot = units.slot_of(process, id).map_err(remote_error)?;
                Ok(Outcome { id, process, slot, result, undelivered: Vec::new() })
            }
        }
    }

    /// The stored result of `message` (in `process`, or where it was first scheduled).
    pub fn result(&self, wallet: &Wallet, message: Id, process: Option<Id>) -> Result<Outcome, CliError> {
        match self {
            Network::Embedded(node, _) => node.result(message, process).map_err(node_error),
            Network::Remote(node) => {
                let process = named(process)?;
                let (result, slot) = node.message_result(wallet, process, message).map_err(remote_error)?;
                Ok(Outcome { id: message, process, slot: slot.unwrap_or(0), result, undelivered: Vec::new() })
            }
            Network::Legacy(units) => {
                let process = named(process)?;
                let result = units.result(process, message).map_err(remote_error)?;
                let slot = units.slot_of(process, message).map_err(remote_error)?;
                Ok(Outcome { id: message, process, slot, result, undelivered: Vec::new() })
            }
        }
    }

    /// A dry run, now or (embedded only) right after slot `slot`.
    pub fn dry_run(
        &self,
        wallet: &Wallet,
        process: Id,
        (tags, data): (&[Tag], &[u8]),
        slot: Option<u64>,
    ) -> Result<MessageResult, CliError> {
        let owner = wallet.address();
        match (self, slot) {
            (Network::Embedded(node, armed), Some(slot)) => {
                node.dry_run_at(&owner, process, slot, tags, data).map_err(|e| armed.error(e))
            }
            (Network::Embedded(node, armed), None) => {
                node.dry_run(&owner, process, tags, data).map_err(|e| armed.error(e))
            }
            (_, Some(_)) => {
                Err(CliError::input("--slot needs the embedded node (a remote network is not recomputed here yet)"))
            }
            (Network::Remote(node), None) => node.dry_run(wallet, process, tags, data.to_vec()).map_err(remote_error),
            (Network::Legacy(units), None) => units.dry_run(&owner, process, tags, data).map_err(remote_error),
        }
    }
}
