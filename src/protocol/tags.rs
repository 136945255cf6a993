//! Data item tags: the ordered `(name, value)` list, its Avro encoding, and its limits.
//!
//! Encoding (as arbundles writes it): no tags is zero bytes; otherwise one block — zigzag varint
//! count, then per tag a zigzag varint length + bytes for name and for value — and a 0 terminator.
//! Decoding also accepts several blocks and negative block counts (followed by a byte size), as
//! Avro allows.
use serde::{Deserialize, Serialize};

/// ANS-104 limits: tags per item, bytes per name, bytes per value.
pub const MAX_TAGS: usize = 128;
pub const MAX_NAME_BYTES: usize = 1024;
pub const MAX_VALUE_BYTES: usize = 3072;
/// The encoded tag section a messenger unit accepts (arbundles' `MAX_TAG_BYTES`).
pub const MAX_TAG_SECTION_BYTES: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    pub value: String,
}

impl Tag {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Tag { name: name.into(), value: value.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    #[error("the tag section ends in the middle of {0}")]
    Truncated(&'static str),
    #[error("the tag section has a malformed length at byte {0}")]
    BadLength(usize),
    #[error("the tag section has {0} bytes after its end")]
    TrailingBytes(usize),
    #[error("{count} tags; at most {MAX_TAGS} are allowed")]
    TooMany { count: usize },
    #[error("tag {index} has a {len}-byte name; at most {MAX_NAME_BYTES} are allowed")]
    NameTooLong { index: usize, len: usize },
    #[error("tag {index} ({name:?}) has a {len}-byte value; at most {MAX_VALUE_BYTES} are allowed")]
    ValueTooLong { index: usize, name: String, len: usize },
    #[error("tag {index} has an empty name")]
    EmptyName { index: usize },
    #[error("tag {index} ({name:?}) has an empty value")]
    EmptyValue { index: usize, name: String },
    #[error("the tags encode to {bytes} bytes; a messenger unit accepts at most {MAX_TAG_SECTION_BYTES}")]
    SectionTooLarge { bytes: usize },
}

/// Checks the ANS-104 limits every item must meet (checked when parsing).
pub fn check_limits(tags: &[Tag]) -> Result<(), TagError> {
    if tags.len() > MAX_TAGS {
        return Err(TagError::TooMany { count: tags.len() });
    }
    for (index, tag) in tags.iter().enumerate() {
        if tag.name.len() > MAX_NAME_BYTES {
            return Err(TagError::NameTooLong { index, len: tag.name.len() });
        }
        if tag.value.len() > MAX_VALUE_BYTES {
            return Err(TagError::ValueTooLong { index, name: tag.name.clone(), len: tag.value.len() });
        }
    }
    Ok(())
}

/// Checks what an item `ao` builds must meet: the ANS-104 limits, no empty names or values, and a
/// tag section small enough for a messenger unit.
pub fn check_for_build(tags: &[Tag]) -> Result<(), TagError> {
    check_limits(tags)?;
    for (index, tag) in tags.iter().enumerate() {
        if tag.name.is_empty() {
            return Err(TagError::EmptyName { index });
        }
        if tag.value.is_empty() {
            return Err(TagError::EmptyValue { index, name: tag.name.clone() });
        }
    }
    let bytes = encode(tags).len();
    if bytes > MAX_TAG_SECTION_BYTES {
        return Err(TagError::SectionTooLarge { bytes });
    }
    Ok(())
}

pub fn encode(tags: &[Tag]) -> Vec<u8> {
    if tags.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(tags.iter().map(|t| t.name.len() + t.value.len() + 4).sum::<usize>() + 2);
    write_long(&mut out, tags.len() as i64);
    for tag in tags {
        for text in [&tag.name, &tag.value] {
            write_long(&mut out, text.len() as i64);
            out.extend_from_slice(text.as_bytes());
        }
    }
    out.push(0);
    out
}

/// Decodes a tag section. Names and values that are not UTF-8 are decoded lossily (the raw bytes
/// stay in the item, so signatures still verify).
pub fn decode(bytes: &[u8]) -> Result<Vec<Tag>, TagError> {
    let mut tags = Vec::new();
    if bytes.is_empty() {
        return Ok(tags);
    }
    let mut at = 0;
    loop {
        let mut count = read_long(bytes, &mut at, "a block count")?;
        if count == 0 {
            break;
        }
        if count < 0 {
            count = count.checked_neg().ok_or(TagError::BadLength(at))?;
            read_long(bytes, &mut at, "a block size")?;
        }
        for _ in 0..count {
            if tags.len() >= MAX_TAGS {
                return Err(TagError::TooMany { count: tags.len() + 1 });
            }
            let name = read_string(bytes, &mut at, "a tag name")?;
            let value = read_string(bytes, &mut at, "a tag value")?;
            tags.push(Tag { name, value });
        }
    }
    if at != bytes.len() {
        return Err(TagError::TrailingBytes(bytes.len() - at));
    }
    Ok(tags)
}

fn write_long(out: &mut Vec<u8>, value: i64) {
    crate::varint::write(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn read_long(bytes: &[u8], at: &mut usize, what: &'static str) -> Result<i64, TagError> {
    let rest = bytes.get(*at..).unwrap_or_default();
    // A varint `read` refuses is either cut off (under ten bytes left) or over ten bytes long.
    let (zigzag, used) = crate::varint::read(rest).ok_or(if rest.len() < 10 {
        TagError::Truncated(what)
    } else {
        TagError::BadLength(*at)
    })?;
    *at += used;
    Ok((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
}

fn read_string(bytes: &[u8], at: &mut usize, what: &'static str) -> Result<String, TagError> {
    let start = *at;
    let len = usize::try_from(read_long(bytes, at, what)?).map_err(|_| TagError::BadLength(start))?;
    let end = at.checked_add(len).filter(|&end| end <= bytes.len()).ok_or(TagError::Truncated(what))?;
    let text = String::from_utf8_lossy(&bytes[*at..end]).into_owned();
    *at = end;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_arbundles_does() {
        assert_eq!(encode(&[]), Vec::<u8>::new());
        // count 1 (zigzag 2), "a" (len 1 → 2), "bc" (len 2 → 4), terminator
        assert_eq!(encode(&[Tag::new("a", "bc")]), vec![2, 2, b'a', 4, b'b', b'c', 0]);
    }

    #[test]
    fn decodes_several_blocks_and_negative_counts() {
        // block of -1 (zigzag 1) with a byte size, then a block of 1, then the terminator
        let bytes = [1, 8, 2, b'a', 2, b'b', 2, 2, b'c', 2, b'd', 0];
        assert_eq!(decode(&bytes).unwrap(), vec![Tag::new("a", "b"), Tag::new("c", "d")]);
    }

    #[test]
    fn malformed_sections_are_typed_errors() {
        assert_eq!(decode(&[2, 2, b'a']), Err(TagError::Truncated("a tag value")));
        assert_eq!(decode(&[2, 20, b'a']), Err(TagError::Truncated("a tag name")));
        assert_eq!(decode(&[2, 2, b'a', 2, b'b', 0, 9]), Err(TagError::TrailingBytes(1)));
        assert_eq!(decode(&[0xff; 11]), Err(TagError::BadLength(0)));
        assert_eq!(decode(&[2, 1, b'a']), Err(TagError::BadLength(1)), "negative length");
    }

    #[test]
    fn build_limits() {
        let long = |n| "x".repeat(n);
        assert_eq!(check_for_build(&[Tag::new("", "v")]), Err(TagError::EmptyName { index: 0 }));
        assert!(matches!(check_for_build(&[Tag::new("n", "")]), Err(TagError::EmptyValue { .. })));
        assert!(matches!(check_for_build(&[Tag::new(long(1025), "v")]), Err(TagError::NameTooLong { .. })));
        assert!(matches!(check_for_build(&[Tag::new("n", long(3073))]), Err(TagError::ValueTooLong { .. })));
        let many: Vec<_> = (0..129).map(|i| Tag::new(format!("t{i}"), "v")).collect();
        assert_eq!(check_for_build(&many), Err(TagError::TooMany { count: 129 }));
        let big = [Tag::new("a", long(3000)), Tag::new("b", long(1500))];
        assert!(matches!(check_for_build(&big), Err(TagError::SectionTooLarge { .. })));
        assert_eq!(check_limits(&big), Ok(()), "a parsed item may have a large tag section");
    }
}
