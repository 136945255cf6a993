//! ANS-104 signature types: their sizes, and verification of the ones ao meets (Arweave RSA-PSS,
//! Ed25519 and Solana, Ethereum personal_sign).
use k256::ecdsa::signature::hazmat::PrehashVerifier;
use sha3::{Digest, Keccak256};

use super::pss;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureType {
    Arweave,
    Ed25519,
    Ethereum,
    Solana,
    InjectedAptos,
    MultiAptos,
    TypedEthereum,
}

impl SignatureType {
    pub const ALL: [SignatureType; 7] = [
        Self::Arweave,
        Self::Ed25519,
        Self::Ethereum,
        Self::Solana,
        Self::InjectedAptos,
        Self::MultiAptos,
        Self::TypedEthereum,
    ];

    pub fn from_code(code: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The number in the item's first two bytes.
    pub fn code(self) -> u16 {
        self as u16 + 1
    }

    /// arbundles' name for the type.
    pub fn name(self) -> &'static str {
        match self {
            Self::Arweave => "arweave",
            Self::Ed25519 => "ed25519",
            Self::Ethereum => "ethereum",
            Self::Solana => "solana",
            Self::InjectedAptos => "injectedAptos",
            Self::MultiAptos => "multiAptos",
            Self::TypedEthereum => "typedEthereum",
        }
    }

    pub fn signature_len(self) -> usize {
        match self {
            Self::Arweave => 512,
            Self::Ed25519 | Self::Solana | Self::InjectedAptos => 64,
            Self::Ethereum | Self::TypedEthereum => 65,
            Self::MultiAptos => 2052,
        }
    }

    pub fn owner_len(self) -> usize {
        match self {
            Self::Arweave => 512,
            Self::Ed25519 | Self::Solana | Self::InjectedAptos => 32,
            Self::Ethereum => 65,
            Self::TypedEthereum => 42,
            Self::MultiAptos => 1025,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the signature does not match the owner and the signed fields")]
    Mismatch,
    #[error("the owner is not a valid {0} public key")]
    BadOwner(&'static str),
    #[error("verifying {0} signatures is not supported")]
    Unsupported(&'static str),
}

/// Verifies `signature` by `owner` over `message` (a data item's 48-byte deep hash).
pub fn verify(kind: SignatureType, owner: &[u8], message: &[u8], signature: &[u8]) -> Result<(), SignatureError> {
    let valid = match kind {
        SignatureType::Arweave => pss::verify(owner, message, signature),
        SignatureType::Ed25519 | SignatureType::Solana => verify_ed25519(owner, message, signature)?,
        SignatureType::Ethereum => verify_ethereum(owner, message, signature)?,
        other => return Err(SignatureError::Unsupported(other.name())),
    };
    if valid { Ok(()) } else { Err(SignatureError::Mismatch) }
}

fn verify_ed25519(owner: &[u8], message: &[u8], signature: &[u8]) -> Result<bool, SignatureError> {
    let key = owner.try_into().ok().and_then(|bytes| ed25519_dalek::VerifyingKey::from_bytes(bytes).ok());
    let key = key.ok_or(SignatureError::BadOwner("ed25519"))?;
    let Ok(signature) = ed25519_dalek::Signature::from_slice(signature) else { return Ok(false) };
    Ok(key.verify_strict(message, &signature).is_ok())
}

/// EIP-191 `personal_sign`: keccak256("\x19Ethereum Signed Message:\n" + len + message), signature
/// r ‖ s ‖ v with a low s, as libsecp256k1 (arbundles' verifier) requires.
fn verify_ethereum(owner: &[u8], message: &[u8], signature: &[u8]) -> Result<bool, SignatureError> {
    let key = k256::ecdsa::VerifyingKey::from_sec1_bytes(owner).map_err(|_| SignatureError::BadOwner("secp256k1"))?;
    let Some(rs) = signature.get(..64) else { return Ok(false) };
    let Ok(signature) = k256::ecdsa::Signature::from_slice(rs) else { return Ok(false) };
    let mut hasher = Keccak256::new();
    hasher.update(format!("\x19Ethereum Signed Message:\n{}", message.len()));
    hasher.update(message);
    Ok(key.verify_prehash(&hasher.finalize(), &signature).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_sizes_match_arbundles_sig_config() {
        let expected =
            [(1, 512, 512), (2, 64, 32), (3, 65, 65), (4, 64, 32), (5, 64, 32), (6, 2052, 1025), (7, 65, 42)];
        for (code, sig, owner) in expected {
            let kind = SignatureType::from_code(code).unwrap();
            assert_eq!((kind.code(), kind.signature_len(), kind.owner_len()), (code, sig, owner));
        }
        assert_eq!(SignatureType::from_code(0), None);
        assert_eq!(SignatureType::from_code(8), None);
    }
}
