//! Arweave's deep hash (SHA-384), the digest a data item's signature covers.
use sha2::{Digest, Sha384};

/// A deep-hash input: a byte string, or a list of inputs.
pub enum Chunk<'a> {
    Blob(&'a [u8]),
    List(Vec<Chunk<'a>>),
}

pub fn deep_hash(chunk: &Chunk<'_>) -> [u8; 48] {
    match chunk {
        Chunk::Blob(bytes) => blob_hash(bytes),
        Chunk::List(items) => {
            let mut list = ListHash::new(items.len());
            for item in items {
                list.push_hash(&deep_hash(item));
            }
            list.finish()
        }
    }
}

/// The deep hash of a list, taken one element at a time: a list whose first elements are always
/// the same can be hashed that far once and continued from a copy.
#[derive(Debug, Clone, Copy)]
pub struct ListHash {
    acc: [u8; 48],
}

impl ListHash {
    /// A list of `len` elements, none hashed yet.
    pub fn new(len: usize) -> Self {
        ListHash { acc: tagged("list", len) }
    }

    pub fn push_blob(&mut self, bytes: &[u8]) {
        self.push_hash(&blob_hash(bytes));
    }

    /// The next element, by its deep hash.
    fn push_hash(&mut self, hash: &[u8; 48]) {
        let mut hasher = Sha384::new();
        hasher.update(self.acc);
        hasher.update(hash);
        self.acc = hasher.finalize().into();
    }

    pub fn finish(self) -> [u8; 48] {
        self.acc
    }
}

fn blob_hash(bytes: &[u8]) -> [u8; 48] {
    let mut hasher = Sha384::new();
    hasher.update(tagged("blob", bytes.len()));
    hasher.update(Sha384::digest(bytes));
    hasher.finalize().into()
}

/// sha384 of `kind` followed by `len` in decimal ("blob42", "list8").
fn tagged(kind: &str, len: usize) -> [u8; 48] {
    let mut hasher = Sha384::new();
    hasher.update(kind.as_bytes());
    hasher.update(itoa::Buffer::new().format(len).as_bytes());
    hasher.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, written out: what the list hashing above must equal.
    fn by_definition(chunk: &Chunk<'_>) -> [u8; 48] {
        match chunk {
            Chunk::Blob(bytes) => {
                let tag = Sha384::digest(format!("blob{}", bytes.len()));
                Sha384::new().chain_update(tag).chain_update(Sha384::digest(bytes)).finalize().into()
            }
            Chunk::List(items) => {
                items.iter().fold(Sha384::digest(format!("list{}", items.len())).into(), |acc, item| {
                    Sha384::new().chain_update(acc).chain_update(by_definition(item)).finalize().into()
                })
            }
        }
    }

    #[test]
    fn equals_the_definition_for_nested_lists_and_lengths_of_every_width() {
        let long = vec![7u8; 1_234_567];
        let chunk = Chunk::List(vec![
            Chunk::Blob(b""),
            Chunk::Blob(b"dataitem"),
            Chunk::List(vec![Chunk::Blob(&long), Chunk::List(Vec::new())]),
            Chunk::Blob(&long[..10]),
        ]);
        assert_eq!(deep_hash(&chunk), by_definition(&chunk));
        let mut continued = ListHash::new(2);
        continued.push_blob(b"a");
        let copy = continued;
        continued.push_blob(b"b");
        assert_eq!(continued.finish(), by_definition(&Chunk::List(vec![Chunk::Blob(b"a"), Chunk::Blob(b"b")])));
        assert_ne!(copy.finish(), continued.finish());
    }
}
