//! Projects: a folder of Lua sources that become processes, described by its manifest (`ao.toml`),
//! scaffolded from the templates (`ao init`), tested against fresh local processes (`ao test`) and
//! deployed to a network with a lock file recording what went where (`ao deploy`).
pub mod deploy;
pub mod lock;
pub mod manifest;
pub mod templates;
pub mod testing;

pub use manifest::{Manifest, ManifestError, ProcessSpec};
