//! How a node is set up: where its store lives (a home directory, or memory), the clock its
//! scheduler reads, its unit key, which scheduler orders its processes' messages, and how far a
//! push may go. [`NodeConfig::home`] is what the CLI
//! uses; tests use [`NodeConfig::in_memory`] with a [`ManualClock`].
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::Scheduler;
use crate::runtime::Interrupt;

pub use super::store::StoreLocation;

/// What the scheduler reads the time from (ms since the Unix epoch): message timestamps, block
/// heights, cron ticks falling due.
pub trait Clock: Send + Sync {
    fn now_ms(&self) -> u64;
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
    }
}

/// A clock that moves only when told: cron and timestamps in tests without sleeping.
#[derive(Debug, Default)]
pub struct ManualClock(AtomicU64);

impl ManualClock {
    pub fn new(start_ms: u64) -> Arc<Self> {
        Arc::new(ManualClock(AtomicU64::new(start_ms)))
    }

    pub fn advance(&self, ms: u64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }

    pub fn set(&self, ms: u64) {
        self.0.store(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// How far the messenger follows what one message (or cron tick) causes before it cuts the
/// chain: two processes replying to each other forever, or a handler that sends to itself, end
/// there; what was evaluated is kept and the rest is recorded as not delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushLimits {
    /// Hops from the first message: its outbox is hop 1, what those deliveries send hop 2, ...
    pub max_hops: u32,
    /// Messages evaluated in all (deliveries, spawns, assignments).
    pub max_messages: u32,
}

impl PushLimits {
    /// 100 hops and 10,000 messages: a ping-pong pair stops after 100 exchanges (a few ms), a
    /// fan-out of 10,000 messages still arrives whole.
    pub const DEFAULT: PushLimits = PushLimits { max_hops: 100, max_messages: 10_000 };
}

impl Default for PushLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// When the node writes a process's checkpoint (its memory, so that the process need not be
/// recomputed from its spawn): a checkpoint costs copying, hashing, compressing and storing the
/// memory; not having one costs replaying what followed the last one when the process is not
/// in memory (see `compute/mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Checkpoints {
    /// For nodes that each command opens anew (the CLI), where every command finds its processes
    /// cold: once replaying would cost half of writing one (~every 10 trivial commands).
    #[default]
    WhenTheyPay,
    /// For a node that keeps its processes in memory (a server), where checkpoints only bound the
    /// work after a restart: once replaying would cost 16 times writing one; the rest are written
    /// when it stops ([`Node::checkpoint`](super::Node::checkpoint)).
    ForRestarts,
}

impl Checkpoints {
    /// Replay cost (ns) past which a checkpoint of `memory` bytes costing `write_ns` is written.
    pub(crate) fn replay_limit(self, write_ns: u64) -> u64 {
        match self {
            Checkpoints::WhenTheyPay => write_ns / 2,
            Checkpoints::ForRestarts => write_ns * 16,
        }
    }
}

/// A node's settings.
#[derive(Clone)]
pub struct NodeConfig {
    pub store: StoreLocation,
    /// Where compiled modules are kept between runs (`None`: compiled in memory each time);
    /// `NodeConfig::home` puts them in the home's `cache/`.
    pub module_cache: Option<PathBuf>,
    pub clock: Arc<dyn Clock>,
    /// The seed of the Ed25519 key the scheduler signs assignments with and the messenger signs
    /// pushed messages with; `None`: the store's own (made when the store is created).
    pub unit_key: Option<[u8; 32]>,
    /// The scheduler that gives messages their slots; `None`: the node's own, over its store
    /// (the log's writes then durable with the rest of each push). Another unit (such as
    /// `net::remote::SchedulerUnit`) makes this node its processes' compute and messenger unit:
    /// a push first evaluates the slots that scheduler gave other writers, a process it has
    /// that this node does not is taken in from its spawn, and what that scheduler assigned
    /// stays assigned even when the push here then fails (the next push evaluates it).
    pub scheduler: Option<Arc<dyn Scheduler>>,
    pub push: PushLimits,
    pub checkpoints: Checkpoints,
    /// Finish, at start, what a previous run scheduled but did not evaluate, and the cron ticks
    /// due by now.
    pub catch_up: bool,
    /// What abandons the evaluations of the handle `Node::start` returns (and of its catching up):
    /// see [`Node::with_interrupt`](super::Node::with_interrupt).
    pub interrupt: Option<Interrupt>,
}

impl NodeConfig {
    /// A node whose state lives in `home` (created if needed), on the system clock.
    pub fn home(home: impl Into<PathBuf>) -> Self {
        let home = home.into();
        NodeConfig {
            module_cache: Some(home.join("cache")),
            store: StoreLocation::Home(home),
            clock: Arc::new(SystemClock),
            unit_key: None,
            scheduler: None,
            push: PushLimits::DEFAULT,
            checkpoints: Checkpoints::WhenTheyPay,
            catch_up: true,
            interrupt: None,
        }
    }

    /// A node in memory, on the system clock (`with_clock` for a controlled one).
    pub fn in_memory() -> Self {
        NodeConfig { store: StoreLocation::Memory, module_cache: None, ..Self::home(PathBuf::new()) }
    }

    /// Keeps compiled modules in `dir` (an in-memory node then starts without compiling ao's
    /// module again).
    pub fn with_module_cache(mut self, dir: impl Into<PathBuf>) -> Self {
        self.module_cache = Some(dir.into());
        self
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn with_push_limits(mut self, push: PushLimits) -> Self {
        self.push = push;
        self
    }

    pub fn with_checkpoints(mut self, checkpoints: Checkpoints) -> Self {
        self.checkpoints = checkpoints;
        self
    }

    pub fn with_interrupt(mut self, interrupt: Interrupt) -> Self {
        self.interrupt = Some(interrupt);
        self
    }

    pub fn with_unit_key(mut self, seed: [u8; 32]) -> Self {
        self.unit_key = Some(seed);
        self
    }

    /// Has `scheduler` give messages their slots instead of the node's own.
    pub fn with_scheduler(mut self, scheduler: Arc<dyn Scheduler>) -> Self {
        self.scheduler = Some(scheduler);
        self
    }
}

impl std::fmt::Debug for NodeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NodeConfig")
            .field("store", &self.store)
            .field("module_cache", &self.module_cache)
            .field("unit_key", &self.unit_key.map(|_| "(set)"))
            .field("scheduler", &self.scheduler.as_ref().map(|s| s.address()))
            .field("push", &self.push)
            .field("catch_up", &self.catch_up)
            .finish_non_exhaustive()
    }
}
