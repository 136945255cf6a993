//! Arweave wallets: RSA-4096 keys as JWK (what `~/.aos.json` holds), their owner and address, and
//! RSA-PSS signing with a 32-byte salt (aws-lc-rs: ~1.5 ms per signature on a CPU with AVX-512
//! IFMA, ~4 ms without; ring, which has no such code path, took 4.2 ms on the same machine).
use aws_lc_rs::rand::SystemRandom;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use serde::{Deserialize, Serialize};

use super::data_item::Signer;
use super::signature::SignatureType;
use super::{Id, b64, der};

/// The modulus size Arweave wallets use; data item owners are exactly this long.
pub const KEY_BITS: usize = 4096;

/// An Arweave wallet: an RSA-4096 private key.
pub struct Wallet {
    jwk: Jwk,
    owner: Vec<u8>,
    key_pair: aws_lc_rs::rsa::KeyPair,
}

/// The JSON Web Key fields of an RSA private key, all base64url.
#[derive(Clone, Serialize, Deserialize)]
struct Jwk {
    kty: String,
    e: String,
    n: String,
    d: String,
    p: String,
    q: String,
    dp: String,
    dq: String,
    qi: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WalletError {
    #[error("not a JSON wallet: {0}")]
    NotJson(String),
    #[error("not an RSA wallet (kty is {0:?}); ao signs with Arweave RSA keys")]
    NotRsa(String),
    #[error("the wallet has no `{0}` (a public key or an incomplete JWK?)")]
    MissingField(&'static str),
    #[error("the wallet's `{0}` is not base64url")]
    BadField(&'static str),
    #[error("the wallet's key has {0} bits; Arweave wallets have 4096")]
    KeySize(usize),
    #[error("the wallet's public exponent is not 65537")]
    Exponent,
    #[error("the wallet's key is inconsistent: its private numbers do not make one RSA key (a damaged wallet?)")]
    InvalidKey,
    #[error("generating a key failed: {0}")]
    Generate(String),
}

impl Wallet {
    /// A new random RSA-4096 wallet (e = 65537). Takes a second or so.
    pub fn generate() -> Result<Self, WalletError> {
        let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, KEY_BITS)
            .map_err(|e| WalletError::Generate(e.to_string()))?;
        let [p, q] = key.primes() else { return Err(WalletError::Generate("expected two primes".into())) };
        let crt = |v: Option<&rsa::BigUint>| {
            v.map(|v| b64::encode(v.to_bytes_be())).ok_or_else(|| WalletError::Generate("missing CRT values".into()))
        };
        let qi = key.crt_coefficient().map(|v| b64::encode(v.to_bytes_be()));
        let jwk = Jwk {
            kty: "RSA".into(),
            e: b64::encode(key.e().to_bytes_be()),
            n: b64::encode(key.n().to_bytes_be()),
            d: b64::encode(key.d().to_bytes_be()),
            p: b64::encode(p.to_bytes_be()),
            q: b64::encode(q.to_bytes_be()),
            dp: crt(key.dp())?,
            dq: crt(key.dq())?,
            qi: qi.ok_or_else(|| WalletError::Generate("missing CRT values".into()))?,
        };
        Self::from_parsed_jwk(jwk)
    }

    /// Reads a JWK (JSON) wallet, as written by `ao`, `aos` or arweave-js.
    pub fn from_jwk(json: &[u8]) -> Result<Self, WalletError> {
        let value: serde_json::Value = serde_json::from_slice(json).map_err(|e| WalletError::NotJson(e.to_string()))?;
        let Some(object) = value.as_object() else { return Err(WalletError::NotJson("expected a JSON object".into())) };
        match object.get("kty").and_then(|k| k.as_str()) {
            Some("RSA") => {}
            Some(other) => return Err(WalletError::NotRsa(other.to_string())),
            None => return Err(WalletError::MissingField("kty")),
        }
        let field = |name: &'static str| {
            object.get(name).and_then(|v| v.as_str()).map(str::to_owned).ok_or(WalletError::MissingField(name))
        };
        let jwk = Jwk {
            kty: "RSA".into(),
            e: field("e")?,
            n: field("n")?,
            d: field("d")?,
            p: field("p")?,
            q: field("q")?,
            dp: field("dp")?,
            dq: field("dq")?,
            qi: field("qi")?,
        };
        Self::from_parsed_jwk(jwk)
    }

    fn from_parsed_jwk(jwk: Jwk) -> Result<Self, WalletError> {
        let decode = |name: &'static str, text: &str| b64::decode(text).map_err(|_| WalletError::BadField(name));
        let n = decode("n", &jwk.n)?;
        let bits = n.iter().position(|&b| b != 0).map_or(0, |i| (n.len() - i) * 8 - n[i].leading_zeros() as usize);
        if bits != KEY_BITS {
            return Err(WalletError::KeySize(bits));
        }
        let owner = n[n.len() - KEY_BITS / 8..].to_vec();
        let e = decode("e", &jwk.e)?;
        if e.iter().skip_while(|&&b| b == 0).copied().collect::<Vec<_>>() != [1, 0, 1] {
            return Err(WalletError::Exponent);
        }
        let parts = [
            decode("d", &jwk.d)?,
            decode("p", &jwk.p)?,
            decode("q", &jwk.q)?,
            decode("dp", &jwk.dp)?,
            decode("dq", &jwk.dq)?,
            decode("qi", &jwk.qi)?,
        ];
        let der = der::rsa_private_key([&n, &e, &parts[0], &parts[1], &parts[2], &parts[3], &parts[4], &parts[5]]);
        let key_pair = aws_lc_rs::rsa::KeyPair::from_der(&der).map_err(|_| WalletError::InvalidKey)?;
        Ok(Wallet { jwk, owner, key_pair })
    }

    /// The wallet as JWK JSON.
    pub fn to_jwk(&self) -> String {
        serde_json::to_string(&self.jwk).expect("a JWK serializes")
    }

    /// The public modulus, as data items carry it.
    pub fn owner(&self) -> &[u8] {
        &self.owner
    }

    /// The wallet's address: sha256 of the modulus, 43 base64url characters.
    pub fn address(&self) -> String {
        address_of(&self.owner)
    }
}

impl Signer for Wallet {
    fn signature_type(&self) -> SignatureType {
        SignatureType::Arweave
    }

    fn owner(&self) -> &[u8] {
        &self.owner
    }

    /// RSA-PSS, SHA-256, MGF1-SHA256, 32-byte salt.
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        let mut signature = vec![0; self.key_pair.public_modulus_len()];
        self.key_pair
            .sign(&aws_lc_rs::signature::RSA_PSS_SHA256, &SystemRandom::new(), message, &mut signature)
            .expect("signing with a validated key");
        signature
    }
}

/// The address of a data item owner: base64url(sha256(owner)).
pub fn address_of(owner: &[u8]) -> String {
    Id::sha256(owner).to_string()
}

impl std::fmt::Debug for Wallet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wallet").field("address", &self.address()).finish_non_exhaustive()
    }
}
