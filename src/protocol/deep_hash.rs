//! Arweave's deep hash (SHA-384), the digest a data item's signature covers.
use sha2::{Digest, Sha384};

/// A deep-hash input: a byte string, or a list of inputs.
pub enum Chunk<'a> {
    Blob(&'a [u8]),
    List(Vec<Chunk<'a>>),
}

pub fn deep_hash(chunk: &Chunk<'_>) -> [u8; 48] {
    match chunk {
        Chunk::Blob(bytes) => {
            let tag = Sha384::digest(format!("blob{}", bytes.len()));
            let mut hasher = Sha384::new();
            hasher.update(tag);
            hasher.update(Sha384::digest(bytes));
            hasher.finalize().into()
        }
        Chunk::List(items) => {
            let mut acc: [u8; 48] = Sha384::digest(format!("list{}", items.len())).into();
            for item in items {
                let mut hasher = Sha384::new();
                hasher.update(acc);
                hasher.update(deep_hash(item));
                acc = hasher.finalize().into();
            }
            acc
        }
    }
}
