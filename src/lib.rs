//! `ao`: a developer toolkit for AO — the process runtime, the wire protocol, wallets and the CLI.
pub mod cli;
pub(crate) mod cores;
pub mod lua_bundle;
pub mod net;
pub mod node;
pub mod project;
pub mod protocol;
pub mod runtime;
pub mod text;
mod varint;
pub mod wallet_file;

/// mimalloc: the node allocates and frees many small JSON values, items and rows per message.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
