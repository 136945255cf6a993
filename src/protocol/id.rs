//! `Id`: 32 bytes shown as 43 base64url characters — data item ids, process ids, module ids,
//! addresses of RSA wallets (all sha256 digests).
use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use super::b64;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub [u8; 32]);

/// Text that is not a 43-character base64url id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid id {text:?}: expected 43 base64url characters (32 bytes)")]
pub struct IdError {
    pub text: String,
}

impl Id {
    /// The sha256 of `bytes`, as an id (how data item ids, module ids and addresses are made).
    pub fn sha256(bytes: &[u8]) -> Self {
        Id(Sha256::digest(bytes).into())
    }
}

impl FromStr for Id {
    type Err = IdError;
    fn from_str(text: &str) -> Result<Self, IdError> {
        let error = || IdError { text: text.to_string() };
        if text.len() != 43 {
            return Err(error());
        }
        let bytes = b64::decode(text).map_err(|_| error())?;
        Ok(Id(bytes.try_into().map_err(|_| error())?))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&b64::encode(self.0))
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({self})")
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_other_text() {
        let id = Id::sha256(b"ao");
        assert_eq!(id.to_string().parse::<Id>(), Ok(id));
        assert!("short".parse::<Id>().is_err());
        assert!("!".repeat(43).parse::<Id>().is_err());
        // The last character carries 4 bits of the id and 2 spare bits, which must be zero.
        assert!(format!("{}E", "A".repeat(42)).parse::<Id>().is_ok());
        assert!(format!("{}B", "A".repeat(42)).parse::<Id>().is_err());
    }
}
