//! AO over HTTP: [`serve`] answers the ao units' HTTP APIs (messenger, scheduler, compute unit,
//! and the gateway routes clients use to find modules and processes) from an embedded node;
//! [`remote`] calls remote units.
pub mod remote;
pub mod serve;
