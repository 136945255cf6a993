//! `ao serve`: the embedded node as an AO devnet on HTTP — the messenger, scheduler and compute
//! unit APIs and a gateway, on loopback unless asked otherwise — until Ctrl-C or SIGTERM (requests
//! in flight get a grace period to finish; the store closes cleanly; a second signal stops at once). With `--scheduler-url`, another scheduler unit
//! orders its messages; with `--scheduler-only`, it is a scheduler unit and nothing else.
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use clap::Args;
use serde_json::json;

use super::node_access::{home, node_error, open_with};
use super::{CliError, GlobalArgs, print_json};
use crate::net::remote::SchedulerUnit;
use crate::net::serve::Limits;
use crate::node::{Checkpoints, NodeConfig};

/// The port when none is given (HyperBEAM's, which aos and aoconnect try for a local node).
const DEFAULT_PORT: u16 = 8734;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port; the one taken is printed)
    #[arg(long, short = 'p', default_value_t = DEFAULT_PORT)]
    port: u16,
    /// Address to listen on; anything but loopback lets other machines use this node
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_name = "ADDR")]
    bind: IpAddr,
    /// Have the scheduler unit at URL (another `ao serve --scheduler-only`, a legacy SU) order
    /// this devnet's messages; this one evaluates and delivers them
    #[arg(long, value_name = "URL", conflicts_with = "scheduler_only")]
    scheduler_url: Option<String>,
    /// Serve only the scheduler unit (`/su`): messages get their slots, nothing is evaluated or
    /// delivered (for devnets that compute with `--scheduler-url`)
    #[arg(long)]
    scheduler_only: bool,
}

impl ServeArgs {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        let home = home(global)?;
        let scheduler = match &self.scheduler_url {
            Some(url) => {
                super::named_networks::check_url(url)?;
                Some(SchedulerUnit::connect(url, global.unit_timeout()).map_err(super::network::remote_error)?)
            }
            None => None,
        };
        let scheduling_only = self.scheduler_only;
        let node = open_with(global, |config| {
            // The server keeps its processes in memory: checkpoints only bound a restart's work.
            let config = config.with_checkpoints(Checkpoints::ForRestarts);
            let config = match scheduler {
                Some(unit) => config.with_scheduler(Arc::new(unit)),
                None => config,
            };
            // A scheduler alone evaluates nothing, not even what an earlier run left.
            NodeConfig { catch_up: !scheduling_only, ..config }
        })?;
        if scheduling_only && !node.only_schedules() && !node.processes().map_err(node_error)?.is_empty() {
            let detail = format!("a scheduler unit needs a home of its own: {} has processes", home.display());
            return Err(CliError::input(detail).hint("name another with --home"));
        }
        if !scheduling_only && node.only_schedules() {
            let detail = format!("{} is a scheduler unit's home", home.display());
            return Err(CliError::input(detail).hint("serve it with --scheduler-only"));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| CliError::failed(format!("cannot start the server's runtime: {e}")))?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind(SocketAddr::new(self.bind, self.port))
                .await
                .map_err(|e| CliError::failed(format!("cannot listen on {}:{}: {e}", self.bind, self.port)))?;
            let address = listener.local_addr().map_err(|e| CliError::failed(e.to_string()))?;
            if !self.bind.is_loopback() {
                global.notice(format!(
                    "warning: listening on {address}: anyone who can reach it can spawn processes and send messages on this node"
                ));
            }
            let base = format!("http://{address}");
            let scheduler = node.scheduler().address();
            if scheduling_only && global.json {
                print_json(&json!({ "url": base, "su": format!("{base}/su"), "scheduler": scheduler, "home": home }));
            } else if scheduling_only {
                println!("ao scheduler unit on {base}/su (home {})", home.display());
                println!("  scheduler  {scheduler}");
                global.notice("Ctrl-C stops it");
            } else if global.json {
                print_json(&json!({
                    "url": base,
                    "mu": format!("{base}/mu"),
                    "su": format!("{base}/su"),
                    "cu": format!("{base}/cu"),
                    "gateway": base,
                    "graphql": format!("{base}/graphql"),
                    "scheduler": scheduler,
                    "home": home,
                }));
            } else {
                println!("ao devnet on {base} (home {})", home.display());
                println!("  MU         {base}/mu");
                println!("  SU         {base}/su");
                println!("  CU         {base}/cu");
                println!("  gateway    {base}  (GraphQL {base}/graphql)");
                match &self.scheduler_url {
                    Some(url) => println!("  scheduler  {scheduler} (the scheduler unit at {url})"),
                    None => println!("  scheduler  {scheduler}"),
                }
                global.notice("Ctrl-C stops it");
            }
            use std::io::Write;
            let _ = std::io::stdout().flush();
            let limits = Limits { log_requests: !global.quiet, ..Limits::default() };
            let limits = match scheduling_only {
                true => limits,
                false => Limits { evaluation_time: global.timeout, ..limits },
            };
            let stop = stop_signals(limits.stop_grace, global.quiet);
            let served = match scheduling_only {
                true => crate::net::serve::serve_scheduler(node, listener, limits, stop).await,
                false => crate::net::serve::serve(node, listener, limits, stop).await,
            };
            served.map_err(|e| CliError::failed(format!("the server failed: {e}")))
        })?;
        Ok(())
    }
}

/// Completes on the first Ctrl-C or SIGTERM, saying what stopping does; a second one ends the
/// program at once (exit 130): a request not answered yet may not have been kept (what was
/// committed was: the log is durable).
async fn stop_signals(grace: std::time::Duration, quiet: bool) {
    stop_signal().await;
    if !quiet {
        let grace = crate::text::duration(grace);
        eprintln!("stopping: requests in flight get {grace} to finish (Ctrl-C again stops at once)");
    }
    tokio::spawn(async {
        stop_signal().await;
        eprintln!("stopped at once: a request not answered yet may not have been kept");
        std::process::exit(130);
    });
}

/// Completes on Ctrl-C or SIGTERM.
async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(_) => return interrupt.await.unwrap_or(()),
        };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
