//! Integration tests, one binary: each module tests one part of `ao` through its public interface.
mod support;

mod cli_version;

mod runtime_cache;
mod runtime_determinism;
mod runtime_limits;
mod runtime_process;
