//! `ao`: a developer toolkit for AO — the process runtime, and (soon) the protocol, node and CLI.
pub mod cli;
pub mod runtime;
