//! Integration tests, one binary: each module tests one part of `ao` through its public interface.
mod support;

mod aos_compat;
mod cli_aos_habits;

mod cli_completions;
mod cli_drive;
mod cli_item;
mod cli_module;
mod cli_node;
mod cli_project;
mod cli_repl;
mod cli_version;
mod cli_views;
mod cli_wallet;
mod emscripten_compat;
mod emscripten_fixtures;
mod error_messages;
mod llama;
mod lua_bundle;
mod net_remote;
mod net_serve;
mod net_verify;
mod node_bad_input;
mod node_checkpoints;
mod node_crash;
mod node_cron;
mod node_delivery;
mod node_fanout;
mod node_library;
mod node_remote_scheduler;
mod node_wal;
mod protocol_interop;
mod protocol_items;
mod protocol_wallet;

mod runtime_cache;
mod runtime_determinism;
mod runtime_limits;
mod runtime_process;
mod weavedrive;
