//! `ao serve`: the embedded node as an AO devnet on HTTP. One port answers the legacy units'
//! APIs under `/mu`, `/su` and `/cu` (`ao-protocol.md` §3: what aoconnect and `aos --legacy`
//! call), the gateway routes clients use to find modules and processes (`/graphql`, `/raw`), and
//! the HyperBEAM routes of aoconnect's mainnet mode (`/push`, `/{pid}~process@1.0/…`).
//! Requests run the node's blocking calls on tokio's blocking threads, so evaluations of
//! different processes use every core; the node's cron ticks are run every second. Or the
//! scheduler unit alone ([`serve_scheduler`]): messages get slots and nothing is evaluated.
mod cu;
mod error;
mod gateway;
mod hyperbeam;
mod log;
mod mu;
mod request;
mod su;
mod wire;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use tokio::net::TcpListener;
use tower::Layer;
use tower_http::normalize_path::NormalizePathLayer;

pub use error::{ApiError, ApiResult};
pub use request::Limits;

use crate::node::{Node, NodeError};
use crate::runtime::Interrupt;

/// How often the server evaluates the cron ticks that have come due.
const CRON_EVERY: Duration = Duration::from_secs(1);

/// What every route handler shares: the node.
#[derive(Clone)]
pub(crate) struct Api {
    pub node: Node,
    pub limits: Limits,
    /// The scheduler unit alone: `POST /su` schedules without evaluating.
    pub scheduling_only: bool,
    /// Turns `true` when the server stops waiting for requests in flight.
    abandoning: tokio::sync::watch::Receiver<bool>,
}

/// Why a request's evaluation was abandoned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Abandoned {
    TimedOut,
    Stopping,
}

impl Api {
    /// Runs `work` on the node on a blocking thread. What it evaluates is abandoned (nothing of it
    /// kept) once it takes longer than the server's `evaluation_time`, when the server stops
    /// waiting for it, or when the request is dropped (its client went away).
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Node) -> Result<T, NodeError> + Send + 'static,
    ) -> ApiResult<T> {
        let interrupt = Interrupt::new();
        let watcher = {
            let (interrupt, limit, mut abandoning) =
                (interrupt.clone(), self.limits.evaluation_time, self.abandoning.clone());
            tokio::spawn(async move {
                let timed_out = async {
                    match limit {
                        Some(limit) => tokio::time::sleep(limit).await,
                        None => std::future::pending().await,
                    }
                };
                // (A server without a stop of its own never abandons: its sender is gone.)
                let stopping = async {
                    if abandoning.wait_for(|abandon| *abandon).await.is_err() {
                        std::future::pending::<()>().await;
                    }
                };
                let why = tokio::select! {
                    _ = timed_out => Abandoned::TimedOut,
                    _ = stopping => Abandoned::Stopping,
                };
                interrupt.fire();
                why
            })
        };
        let mut dropped = FireOnDrop { interrupt: Some(interrupt.clone()), watcher: watcher.abort_handle() };
        let done = on_node(self.node.with_interrupt(interrupt.clone()), move |node| Ok(work(node))).await;
        dropped.interrupt = None;
        let why = match interrupt.is_fired() {
            true => watcher.await.ok(),
            false => None,
        };
        drop(dropped);
        match (done?, why) {
            (Err(NodeError::Interrupted), Some(why)) => Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                match why {
                    Abandoned::TimedOut => format!(
                        "the evaluation took longer than this server's --timeout of {} and was abandoned; nothing was kept",
                        crate::text::duration(self.limits.evaluation_time.unwrap_or_default())
                    ),
                    Abandoned::Stopping => {
                        "the server is stopping and abandoned the evaluation; nothing was kept".into()
                    }
                },
            )),
            (done, _) => done.map_err(ApiError::from),
        }
    }
}

/// Stops a request's watcher when dropped, and fires its interrupt if still armed: a request's
/// future dropped before its evaluation returned (the client went away) abandons that
/// evaluation instead of leaving it running.
struct FireOnDrop {
    interrupt: Option<Interrupt>,
    watcher: tokio::task::AbortHandle,
}

impl Drop for FireOnDrop {
    fn drop(&mut self) {
        if let Some(interrupt) = self.interrupt.take() {
            interrupt.fire();
        }
        self.watcher.abort();
    }
}

/// Runs `work` on `node` on a blocking thread (the node's calls block: SQLite, wasm).
async fn on_node<T: Send + 'static>(
    node: Node,
    work: impl FnOnce(&Node) -> Result<T, NodeError> + Send + 'static,
) -> ApiResult<T> {
    match tokio::task::spawn_blocking(move || work(&node)).await {
        Ok(done) => done.map_err(ApiError::from),
        Err(_) => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the request failed inside the node")),
    }
}

/// The routes of a node's server (whose evaluations are abandoned when `abandoning` turns true).
fn router(node: Node, limits: Limits, abandoning: tokio::sync::watch::Receiver<bool>) -> Router {
    let routes = Router::new()
        .nest("/mu", mu::router())
        .nest("/su", su::router())
        .nest("/cu", cu::router())
        .merge(gateway::router(node.clone()))
        .merge(hyperbeam::router());
    with_fallbacks(routes, Api { node, limits, scheduling_only: false, abandoning })
}

/// The routes of a node that only schedules: the scheduler unit's, under `/su`.
fn scheduler_router(node: Node, limits: Limits, abandoning: tokio::sync::watch::Receiver<bool>) -> Router {
    with_fallbacks(Router::new().nest("/su", su::router()), Api { node, limits, scheduling_only: true, abandoning })
}

fn with_fallbacks(routes: Router<Api>, api: Api) -> Router {
    routes
        .fallback(|| async { ApiError::not_found("no such route here") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "this route does not take that method")
        })
        .with_state(api)
}

/// Serves `node` on `listener`, taking requests within `limits`, until `shutdown` completes; then
/// lets requests in flight finish (abandoning what they still evaluate after `limits.stop_grace`)
/// and checkpoints the live processes. Runs the node's cron ticks
/// as they come due meanwhile. (A node that serves wants [`Checkpoints::ForRestarts`].)
///
/// [`Checkpoints::ForRestarts`]: crate::node::Checkpoints::ForRestarts
pub async fn serve(
    node: Node,
    listener: TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let keeper = node.clone();
    let (stop_crons, mut stopped) = tokio::sync::watch::channel(false);
    let cron_node = node.clone();
    let crons = tokio::spawn(async move {
        let mut every = tokio::time::interval(CRON_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = every.tick() => {}
                _ = stopped.changed() => break,
            }
            let node = cron_node.clone();
            // A failing tick is the process's own affair (its result records it); a store busy
            // with other writers is tried again on the next round.
            let _ = tokio::task::spawn_blocking(move || node.run_crons()).await;
        }
    });
    let served = serve_routes(|abandoning| router(node, limits, abandoning), listener, limits, shutdown).await;
    let _ = stop_crons.send(true);
    let _ = crons.await;
    // Checkpoints of what the processes did since their last one, so that the next start does
    // not replay it. (Nothing is lost without them: the log is durable.)
    let _ = tokio::task::spawn_blocking(move || keeper.checkpoint()).await;
    served
}

/// Serves the scheduler unit of `node` alone on `listener` (`/su`): a message posted gets its
/// slot, durably, and nothing is evaluated or delivered — for nodes that compute and deliver
/// with this one as their scheduler (`net::remote::SchedulerUnit`). No cron ticks run here.
pub async fn serve_scheduler(
    node: Node,
    listener: TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_routes(|abandoning| scheduler_router(node, limits, abandoning), listener, limits, shutdown).await
}

/// Serves the routes `routes` makes until `shutdown` completes; then gives the requests in flight
/// `limits.stop_grace` to finish, abandons what they still evaluate, and closes what connections
/// are still open [`ANSWER_ABANDONED`] later. Each connection is HTTP/1
/// with `limits.header_time` to send each request's headers (axum's own `serve` sets none).
async fn serve_routes(
    routes: impl FnOnce(tokio::sync::watch::Receiver<bool>) -> Router,
    listener: TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let (abandon, abandoning) = tokio::sync::watch::channel(false);
    let routes = routes(abandoning).layer(axum::middleware::map_response(error::as_json_error));
    let routes = match limits.log_requests {
        true => routes.layer(axum::middleware::from_fn(log::log_request)),
        false => routes,
    };
    // `/mu/` is `/mu`: clients differ in whether their unit URLs end with a slash.
    let app = NormalizePathLayer::trim_trailing_slash().layer(routes);
    let connections = hyper_util::server::graceful::GracefulShutdown::new();
    let mut tasks = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // A connection that failed as it was taken (reset by its client) is its own
                // affair; running out of descriptors passes as connections close.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(tower::ServiceExt::map_request(
            app.clone(),
            |request: axum::extract::Request<hyper::body::Incoming>| request.map(axum::body::Body::new),
        ));
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_time)
            .serve_connection(TokioIo::new(stream), service);
        let connection = connections.watch(connection);
        tasks.spawn(async move {
            // A connection that ends badly (its client went away) ends only itself.
            let _ = connection.await;
        });
        while tasks.try_join_next().is_some() {}
    }
    drop(listener);
    // After the grace, what still evaluates is abandoned and has a moment to answer so; then
    // the connections still open (a client still sending its headers or body) are closed.
    let grace = async move {
        tokio::time::sleep(limits.stop_grace).await;
        let _ = abandon.send(true);
        tokio::time::sleep(ANSWER_ABANDONED).await;
    };
    tokio::select! {
        () = connections.shutdown() => {}
        () = grace => tasks.abort_all(),
    }
    Ok(())
}

/// How long requests abandoned at a stop have to send their `503`.
const ANSWER_ABANDONED: Duration = Duration::from_secs(2);
