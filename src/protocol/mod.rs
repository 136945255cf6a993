//! The ao wire protocol, pure (no I/O): ids and base64url, ANS-104 data items (Avro tags, deep
//! hash, signatures of every type ao meets), Arweave JWK wallets, and the builders for the
//! items ao sends (messages, spawns, assignments) with the tags aoconnect and the SU write.
pub mod ao;
pub mod b64;
mod data_item;
pub mod deep_hash;
mod der;
mod ed25519;
mod id;
mod pss;
pub mod signature;
pub mod tags;
mod wallet;

pub use data_item::{DataItem, ItemBuilder, ItemError, ShownItem, Signer, VerifyError};
pub use ed25519::Ed25519Key;
pub use id::{Id, IdError};
pub use signature::{SignatureError, SignatureType};
pub use tags::{Tag, TagError};
pub use wallet::{Wallet, WalletError, address_of};
