//! Ed25519 signing keys (ANS-104 signature type 2): what ao's own units sign assignments and
//! pushed messages with — ~11 µs per signature (aws-lc-rs; ed25519-dalek took 27 µs on the same
//! machine for the same, deterministic, signature) where an RSA-4096 wallet takes ~1.5-4 ms.
//! Verifying Ed25519 items is `signature::verify`'s (strict, with ed25519-dalek).
use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair as _};

use super::data_item::Signer;
use super::signature::SignatureType;

/// An Ed25519 key pair; its owner (public key) is 32 bytes.
pub struct Ed25519Key {
    key: Ed25519KeyPair,
    seed: [u8; 32],
    owner: [u8; 32],
}

impl Ed25519Key {
    /// A new random key.
    pub fn generate() -> Self {
        let mut seed = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut seed);
        Self::from_seed(seed)
    }

    /// The key with this 32-byte secret seed.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let key = Ed25519KeyPair::from_seed_unchecked(&seed).expect("every 32-byte seed is an Ed25519 key");
        let owner = key.public_key().as_ref().try_into().expect("Ed25519 public keys are 32 bytes");
        Ed25519Key { key, seed, owner }
    }

    /// The secret seed, to store the key.
    pub fn seed(&self) -> [u8; 32] {
        self.seed
    }
}

impl Signer for Ed25519Key {
    fn signature_type(&self) -> SignatureType {
        SignatureType::Ed25519
    }

    fn owner(&self) -> &[u8] {
        &self.owner
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.key.sign(message).as_ref().to_vec()
    }
}

impl std::fmt::Debug for Ed25519Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ed25519Key").field("address", &super::address_of(&self.owner)).finish_non_exhaustive()
    }
}
