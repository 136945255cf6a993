//! Ed25519 signing keys (ANS-104 signature type 2): what ao's own units sign assignments and
//! pushed messages with — ~20 µs per signature where an RSA-4096 wallet takes ~4 ms.
use ed25519_dalek::Signer as _;

use super::data_item::Signer;
use super::signature::SignatureType;

/// An Ed25519 key pair; its owner (public key) is 32 bytes.
pub struct Ed25519Key {
    key: ed25519_dalek::SigningKey,
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
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        let owner = key.verifying_key().to_bytes();
        Ed25519Key { key, owner }
    }

    /// The secret seed, to store the key.
    pub fn seed(&self) -> [u8; 32] {
        self.key.to_bytes()
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
        self.key.sign(message).to_bytes().to_vec()
    }
}

impl std::fmt::Debug for Ed25519Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ed25519Key").field("address", &super::address_of(&self.owner)).finish_non_exhaustive()
    }
}
