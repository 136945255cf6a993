//! ANS-104 data items: parse, encode, sign, verify. Layout (integers little-endian): signature
//! type u16, signature, owner, target presence + 32 bytes, anchor presence + 32 bytes, tag count
//! u64, tag bytes u64, tags (Avro), data. The signature covers the deep hash of
//! `["dataitem", "1", type, owner, target, anchor, tag bytes, data]` (empty target/anchor when
//! absent); the id is sha256 of the signature.
use std::sync::OnceLock;

use super::deep_hash::ListHash;
use super::signature::{self, SignatureError, SignatureType};
use super::tags::{self, Tag, TagError};
use super::{Id, address_of};

/// What signs items: a signature type, its public key, and a signing function over the deep hash.
pub trait Signer {
    fn signature_type(&self) -> SignatureType;
    fn owner(&self) -> &[u8];
    fn sign(&self, message: &[u8]) -> Vec<u8>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataItem {
    signature_type: SignatureType,
    signature: Vec<u8>,
    owner: Vec<u8>,
    target: Option<Id>,
    anchor: Option<[u8; 32]>,
    tags: Vec<Tag>,
    /// The tag section exactly as signed (re-encoding parsed tags need not give these bytes).
    tag_bytes: Vec<u8>,
    data: Vec<u8>,
}

/// Why bytes are not a data item, or an item cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    #[error("{len} bytes is too short for a data item")]
    TooShort { len: usize },
    #[error("unknown signature type {0}")]
    UnknownSignatureType(u16),
    #[error("the item ends inside its {0}")]
    Truncated(&'static str),
    #[error("the {field} presence byte is {byte}; it must be 0 or 1")]
    BadPresenceByte { field: &'static str, byte: u8 },
    #[error("the item declares {declared} tags but its tag section holds {found}")]
    TagCountMismatch { declared: u64, found: usize },
    #[error("invalid tags: {0}")]
    Tags(#[from] TagError),
    #[error("no signature type has a {owner}-byte owner and a {signature}-byte signature")]
    UnknownSigner { owner: usize, signature: usize },
    #[error("an anchor is 32 bytes, not {0}")]
    AnchorLength(usize),
    #[error("the signer's owner is {found} bytes; a {kind} owner is {expected}")]
    OwnerLength { kind: &'static str, expected: usize, found: usize },
}

/// Why a well-formed item is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("{0}")]
    Signature(#[from] SignatureError),
    #[error("invalid tags: {0}")]
    Tags(TagError),
}

/// Fields of an item to sign.
#[derive(Debug, Clone, Default)]
pub struct ItemBuilder {
    pub target: Option<Id>,
    pub anchor: Option<Vec<u8>>,
    pub tags: Vec<Tag>,
    pub data: Vec<u8>,
}

impl ItemBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Signs the item. Tags must meet the limits of `tags::check_for_build`.
    pub fn sign(self, signer: &dyn Signer) -> Result<DataItem, ItemError> {
        tags::check_for_build(&self.tags)?;
        let anchor = match self.anchor {
            None => None,
            Some(bytes) => {
                Some(<[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| ItemError::AnchorLength(bytes.len()))?)
            }
        };
        let kind = signer.signature_type();
        let owner = signer.owner().to_vec();
        if owner.len() != kind.owner_len() {
            return Err(ItemError::OwnerLength { kind: kind.name(), expected: kind.owner_len(), found: owner.len() });
        }
        let mut item = DataItem {
            signature_type: kind,
            signature: Vec::new(),
            owner,
            target: self.target,
            anchor,
            tag_bytes: tags::encode(&self.tags),
            tags: self.tags,
            data: self.data,
        };
        item.signature = signer.sign(&item.signature_data());
        Ok(item)
    }
}

/// An item's fields as a scheduler or gateway shows them in JSON (not its bytes): enough to
/// evaluate it as a compute unit does. Its data may be what the JSON made of binary data, so
/// its signature need not verify; its id (the signature's hash) is the original's.
#[derive(Debug, Clone)]
pub struct ShownItem {
    pub signature: Vec<u8>,
    pub owner: Vec<u8>,
    pub target: Option<Id>,
    pub anchor: Option<Vec<u8>>,
    pub tags: Vec<Tag>,
    pub data: Vec<u8>,
}

/// The deep hash of an item's eight signed fields, taken through the three that every item of
/// signature type `kind` shares ("dataitem", "1", the type's number): hashed once per type.
fn signed_fields_prefix(kind: SignatureType) -> ListHash {
    static PREFIXES: [OnceLock<ListHash>; SignatureType::ALL.len()] =
        [const { OnceLock::new() }; SignatureType::ALL.len()];
    *PREFIXES[kind as usize].get_or_init(|| {
        let mut list = ListHash::new(8);
        for field in [&b"dataitem"[..], b"1", kind.code().to_string().as_bytes()] {
            list.push_blob(field);
        }
        list
    })
}

impl DataItem {
    /// The item `shown` describes; its signature type is the one whose owner and signature
    /// lengths match.
    pub fn from_shown(shown: ShownItem) -> Result<Self, ItemError> {
        let kind = SignatureType::ALL
            .into_iter()
            .find(|kind| kind.owner_len() == shown.owner.len() && kind.signature_len() == shown.signature.len())
            .ok_or(ItemError::UnknownSigner { owner: shown.owner.len(), signature: shown.signature.len() })?;
        let anchor = match shown.anchor {
            None => None,
            Some(anchor) if anchor.is_empty() => None,
            Some(anchor) => Some(anchor.as_slice().try_into().map_err(|_| ItemError::AnchorLength(anchor.len()))?),
        };
        tags::check_limits(&shown.tags)?;
        Ok(DataItem {
            signature_type: kind,
            signature: shown.signature,
            owner: shown.owner,
            target: shown.target,
            anchor,
            tag_bytes: tags::encode(&shown.tags),
            tags: shown.tags,
            data: shown.data,
        })
    }

    /// Parses an item's binary form. Checks the structure and the ANS-104 tag limits, not the
    /// signature (see [`DataItem::verify`]).
    pub fn parse(bytes: &[u8]) -> Result<Self, ItemError> {
        let mut reader = Reader { bytes, at: 0 };
        if bytes.len() < 2 {
            return Err(ItemError::TooShort { len: bytes.len() });
        }
        let code = u16::from_le_bytes(reader.take(2, "signature type")?.try_into().unwrap());
        let kind = SignatureType::from_code(code).ok_or(ItemError::UnknownSignatureType(code))?;
        let minimum = 2 + kind.signature_len() + kind.owner_len() + 2 + 16;
        if bytes.len() < minimum {
            return Err(ItemError::TooShort { len: bytes.len() });
        }
        let signature = reader.take(kind.signature_len(), "signature")?.to_vec();
        let owner = reader.take(kind.owner_len(), "owner")?.to_vec();
        let target = reader.optional_32("target")?.map(Id);
        let anchor = reader.optional_32("anchor")?;
        let declared = u64::from_le_bytes(reader.take(8, "tag count")?.try_into().unwrap());
        let tag_len = u64::from_le_bytes(reader.take(8, "tag byte count")?.try_into().unwrap());
        let tag_len = usize::try_from(tag_len).map_err(|_| ItemError::Truncated("tags"))?;
        let tag_bytes = reader.take(tag_len, "tags")?.to_vec();
        let tags = tags::decode(&tag_bytes)?;
        if declared != tags.len() as u64 {
            return Err(ItemError::TagCountMismatch { declared, found: tags.len() });
        }
        tags::check_limits(&tags)?;
        let data = bytes[reader.at..].to_vec();
        Ok(DataItem { signature_type: kind, signature, owner, target, anchor, tags, tag_bytes, data })
    }

    /// The item's binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            2 + self.signature.len() + self.owner.len() + 66 + 16 + self.tag_bytes.len() + self.data.len(),
        );
        out.extend_from_slice(&self.signature_type.code().to_le_bytes());
        out.extend_from_slice(&self.signature);
        out.extend_from_slice(&self.owner);
        for field in [self.target.as_ref().map(|id| &id.0), self.anchor.as_ref()] {
            match field {
                Some(bytes) => {
                    out.push(1);
                    out.extend_from_slice(bytes);
                }
                None => out.push(0),
            }
        }
        out.extend_from_slice(&(self.tags.len() as u64).to_le_bytes());
        out.extend_from_slice(&(self.tag_bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.tag_bytes);
        out.extend_from_slice(&self.data);
        out
    }

    /// The item id: sha256 of the signature.
    pub fn id(&self) -> Id {
        Id::sha256(&self.signature)
    }

    /// The 48-byte deep hash the signature covers.
    pub fn signature_data(&self) -> [u8; 48] {
        let target = self.target.as_ref().map_or(&[][..], |id| &id.0[..]);
        let anchor = self.anchor.as_ref().map_or(&[][..], |a| &a[..]);
        let mut list = signed_fields_prefix(self.signature_type);
        for field in [&self.owner[..], target, anchor, &self.tag_bytes, &self.data] {
            list.push_blob(field);
        }
        list.finish()
    }

    /// Checks the signature, and the tag section size a messenger unit accepts.
    pub fn verify(&self) -> Result<(), VerifyError> {
        if self.tag_bytes.len() > tags::MAX_TAG_SECTION_BYTES {
            return Err(VerifyError::Tags(TagError::SectionTooLarge { bytes: self.tag_bytes.len() }));
        }
        signature::verify(self.signature_type, &self.owner, &self.signature_data(), &self.signature)?;
        Ok(())
    }

    pub fn signature_type(&self) -> SignatureType {
        self.signature_type
    }
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }
    pub fn owner(&self) -> &[u8] {
        &self.owner
    }
    /// base64url(sha256(owner)), as the scheduler reports it for every signature type.
    pub fn owner_address(&self) -> String {
        address_of(&self.owner)
    }
    pub fn target(&self) -> Option<Id> {
        self.target
    }
    pub fn anchor(&self) -> Option<&[u8; 32]> {
        self.anchor.as_ref()
    }
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }
    /// The value of the first tag called `name`, as ao's units read tags.
    pub fn tag(&self, name: &str) -> Option<&str> {
        self.tags.iter().find(|t| t.name == name).map(|t| t.value.as_str())
    }
    pub fn data(&self) -> &[u8] {
        &self.data
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, field: &'static str) -> Result<&'a [u8], ItemError> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len()).ok_or(ItemError::Truncated(field))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn optional_32(&mut self, field: &'static str) -> Result<Option<[u8; 32]>, ItemError> {
        match self.take(1, field)?[0] {
            0 => Ok(None),
            1 => Ok(Some(self.take(32, field)?.try_into().unwrap())),
            byte => Err(ItemError::BadPresenceByte { field, byte }),
        }
    }
}
