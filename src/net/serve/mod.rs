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
}

impl Api {
    /// Runs `work` on the node on a blocking thread; what it evaluates is abandoned (nothing of
    /// it kept) once it takes longer than the server's `evaluation_time`.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Node) -> Result<T, NodeError> + Send + 'static,
    ) -> ApiResult<T> {
        let Some(limit) = self.limits.evaluation_time else { return on_node(self.node.clone(), work).await };
        let interrupt = Interrupt::new();
        let timer = {
            let interrupt = interrupt.clone();
            tokio::spawn(async move {
                tokio::time::sleep(limit).await;
                interrupt.fire();
            })
        };
        let done = on_node(self.node.with_interrupt(interrupt.clone()), move |node| Ok(work(node))).await;
        timer.abort();
        match done? {
            Err(NodeError::Interrupted) if interrupt.is_fired() => Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the evaluation took longer than this server's --timeout of {} and was abandoned; nothing was kept",
                    crate::text::duration(limit)
                ),
            )),
            done => done.map_err(ApiError::from),
        }
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

/// The routes of a node's server.
pub fn router(node: Node, limits: Limits) -> Router {
    let routes = Router::new()
        .nest("/mu", mu::router())
        .nest("/su", su::router())
        .nest("/cu", cu::router())
        .merge(gateway::router(node.clone()))
        .merge(hyperbeam::router());
    with_fallbacks(routes, Api { node, limits, scheduling_only: false })
}

/// The routes of a node that only schedules: the scheduler unit's, under `/su`.
pub fn scheduler_router(node: Node, limits: Limits) -> Router {
    with_fallbacks(Router::new().nest("/su", su::router()), Api { node, limits, scheduling_only: true })
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
/// lets requests in flight finish and checkpoints the live processes. Runs the node's cron ticks
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
    let served = serve_routes(router(node, limits), listener, shutdown).await;
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
    serve_routes(scheduler_router(node, limits), listener, shutdown).await
}

async fn serve_routes(
    routes: Router,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // `/mu/` is `/mu`: clients differ in whether their unit URLs end with a slash.
    let app = NormalizePathLayer::trim_trailing_slash().layer(routes);
    let app = axum::ServiceExt::<axum::extract::Request>::into_make_service(app);
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}
