//! Data items through the library: sign → bytes → parse → verify round trips, and every kind of
//! malformed or tampered input as a typed error (never a panic).
use ao::protocol::tags::{self, TagError};
use ao::protocol::{DataItem, Id, ItemBuilder, ItemError, SignatureError, SignatureType, Signer, Tag, VerifyError};
use proptest::prelude::*;

use crate::support::wallet;

fn full_item() -> DataItem {
    ItemBuilder {
        target: Some(Id([9; 32])),
        anchor: Some(b"00000000000000000000000000000001".to_vec()),
        tags: vec![Tag::new("Action", "Eval"), Tag::new("Data-Protocol", "ao")],
        data: b"return 1".to_vec(),
    }
    .sign(&wallet().wallet)
    .unwrap()
}

/// Byte offsets in a type-1 item: after signature type, signature and owner.
const TARGET_PRESENCE: usize = 2 + 512 + 512;

#[test]
fn signed_items_round_trip_and_verify() {
    let item = full_item();
    let bytes = item.to_bytes();
    let parsed = DataItem::parse(&bytes).unwrap();
    assert_eq!(parsed, item);
    assert_eq!(parsed.to_bytes(), bytes);
    parsed.verify().unwrap();
    assert_eq!(parsed.id(), Id::sha256(parsed.signature()));
    assert_eq!(parsed.owner_address(), wallet().wallet.address());
    assert_eq!(parsed.tag("Action"), Some("Eval"));
    assert_eq!(parsed.target(), Some(Id([9; 32])));

    let bare = ItemBuilder::new().sign(&wallet().wallet).unwrap();
    assert_eq!(bare.to_bytes().len(), 1044, "the smallest type-1 item");
    DataItem::parse(&bare.to_bytes()).unwrap().verify().unwrap();
}

#[test]
fn ed25519_keys_sign_items_that_verify() {
    use ao::protocol::Ed25519Key;
    let key = Ed25519Key::generate();
    let item = ItemBuilder { tags: vec![Tag::new("Type", "Assignment")], ..ItemBuilder::new() }.sign(&key).unwrap();
    let parsed = DataItem::parse(&item.to_bytes()).unwrap();
    assert_eq!(parsed.signature_type(), SignatureType::Ed25519);
    assert_eq!(parsed.owner(), key.owner());
    parsed.verify().unwrap();
    // The stored seed gives back the same key; another key's signature does not verify.
    assert_eq!(Ed25519Key::from_seed(key.seed()).owner(), key.owner());
    let mut forged = item.to_bytes();
    forged[2..66].copy_from_slice(&Ed25519Key::generate().sign(&item.signature_data()));
    assert!(DataItem::parse(&forged).unwrap().verify().is_err());
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let bytes = full_item().to_bytes();
    let data_start = bytes.len() - b"return 1".len();
    for len in 0..data_start {
        assert!(DataItem::parse(&bytes[..len]).is_err(), "a {len}-byte prefix parsed");
    }
    assert_eq!(DataItem::parse(&bytes[..1]), Err(ItemError::TooShort { len: 1 }));
    assert_eq!(DataItem::parse(&bytes[..1100]), Err(ItemError::Truncated("tag byte count")));
    assert_eq!(DataItem::parse(&bytes[..1110]), Err(ItemError::Truncated("tags")));
    // Cutting into the data leaves a well-formed item whose signature no longer matches.
    let shorter = DataItem::parse(&bytes[..bytes.len() - 1]).unwrap();
    assert_eq!(shorter.verify(), Err(VerifyError::Signature(SignatureError::Mismatch)));
}

#[test]
fn structural_damage_is_reported_precisely() {
    let bytes = full_item().to_bytes();

    let mut presence = bytes.clone();
    presence[TARGET_PRESENCE] = 2;
    assert_eq!(DataItem::parse(&presence), Err(ItemError::BadPresenceByte { field: "target", byte: 2 }));

    let mut anchor_presence = bytes.clone();
    anchor_presence[TARGET_PRESENCE + 33] = 7;
    assert_eq!(DataItem::parse(&anchor_presence), Err(ItemError::BadPresenceByte { field: "anchor", byte: 7 }));

    let count_at = TARGET_PRESENCE + 33 + 33;
    let mut count = bytes.clone();
    count[count_at] = 3;
    assert_eq!(DataItem::parse(&count), Err(ItemError::TagCountMismatch { declared: 3, found: 2 }));

    let mut kind = bytes.clone();
    kind[0] = 42;
    assert_eq!(DataItem::parse(&kind), Err(ItemError::UnknownSignatureType(42)));

    let mut tag_byte = bytes.clone();
    tag_byte[count_at + 16] = 0x7f; // the tag block count becomes a huge negative number
    assert!(matches!(DataItem::parse(&tag_byte), Err(ItemError::Tags(_))));
}

#[test]
fn any_flipped_bit_in_a_signed_field_fails_verification() {
    let bytes = full_item().to_bytes();
    let owner_bit = 2 + 512 + 100;
    let target_bit = TARGET_PRESENCE + 5;
    let data_bit = bytes.len() - 1;
    for (what, at) in [("signature", 10), ("owner", owner_bit), ("target", target_bit), ("data", data_bit)] {
        let mut tampered = bytes.clone();
        tampered[at] ^= 0x04;
        let item = DataItem::parse(&tampered).unwrap();
        assert!(item.verify().is_err(), "a flipped {what} bit still verifies");
    }
}

#[test]
fn oversized_or_empty_tags_cannot_be_built() {
    let sign = |tags: Vec<Tag>| ItemBuilder { tags, ..ItemBuilder::new() }.sign(&wallet().wallet);
    assert!(matches!(sign(vec![Tag::new("n", "v".repeat(3073))]), Err(ItemError::Tags(TagError::ValueTooLong { .. }))));
    assert!(matches!(sign(vec![Tag::new("n".repeat(1025), "v")]), Err(ItemError::Tags(TagError::NameTooLong { .. }))));
    assert!(matches!(sign(vec![Tag::new("", "v")]), Err(ItemError::Tags(TagError::EmptyName { index: 0 }))));
    let too_many = (0..129).map(|i| Tag::new(format!("t{i}"), "v")).collect();
    assert!(matches!(sign(too_many), Err(ItemError::Tags(TagError::TooMany { count: 129 }))));
    let err = ItemBuilder { anchor: Some(b"short".to_vec()), ..ItemBuilder::new() }.sign(&wallet().wallet).unwrap_err();
    assert_eq!(err, ItemError::AnchorLength(5));
}

#[test]
fn parsed_items_over_the_ans104_tag_limits_are_refused() {
    // Hand-built: a valid structure whose one tag value is 4000 bytes.
    let big = tags::encode(&[Tag::new("n", "v".repeat(4000))]);
    let mut bytes = vec![1, 0];
    bytes.extend_from_slice(&[0; 1024]);
    bytes.extend_from_slice(&[0, 0]);
    bytes.extend_from_slice(&1u64.to_le_bytes());
    bytes.extend_from_slice(&(big.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&big);
    assert!(matches!(DataItem::parse(&bytes), Err(ItemError::Tags(TagError::ValueTooLong { len: 4000, .. }))));
}

/// An Ed25519 signer, as a test double for the other signature types ao verifies.
struct Ed25519(ed25519_dalek::SigningKey, [u8; 32]);

impl Signer for Ed25519 {
    fn signature_type(&self) -> SignatureType {
        SignatureType::Ed25519
    }
    fn owner(&self) -> &[u8] {
        &self.1
    }
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        use ed25519_dalek::Signer as _;
        self.0.sign(message).to_bytes().to_vec()
    }
}

#[test]
fn ed25519_items_verify_and_tampering_is_caught() {
    let key = ed25519_dalek::SigningKey::from_bytes(&[4; 32]);
    let signer = Ed25519(key.clone(), key.verifying_key().to_bytes());
    let item = ItemBuilder { data: b"hi".to_vec(), ..ItemBuilder::new() }.sign(&signer).unwrap();
    let bytes = item.to_bytes();
    DataItem::parse(&bytes).unwrap().verify().unwrap();
    let mut tampered = bytes;
    *tampered.last_mut().unwrap() ^= 1;
    assert_eq!(DataItem::parse(&tampered).unwrap().verify(), Err(VerifyError::Signature(SignatureError::Mismatch)));
}

#[test]
fn unsupported_signature_types_parse_but_do_not_verify() {
    let mut bytes = vec![5, 0]; // injectedAptos: 64-byte signature, 32-byte owner
    bytes.extend_from_slice(&[0; 96 + 2 + 16]);
    let item = DataItem::parse(&bytes).unwrap();
    assert_eq!(item.signature_type(), SignatureType::InjectedAptos);
    assert_eq!(item.verify(), Err(VerifyError::Signature(SignatureError::Unsupported("injectedAptos"))));
}

fn tag_strategy() -> impl Strategy<Value = Tag> {
    ("[A-Za-z][A-Za-z0-9-]{0,30}", "\\PC{1,60}").prop_map(|(name, value)| Tag::new(name, value))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_item_round_trips(
        target in proptest::option::of(any::<[u8; 32]>()),
        anchor in proptest::option::of(any::<[u8; 32]>()),
        tags in proptest::collection::vec(tag_strategy(), 0..20),
        data in proptest::collection::vec(any::<u8>(), 0..2000),
    ) {
        let builder = ItemBuilder { target: target.map(Id), anchor: anchor.map(|a| a.to_vec()), tags, data };
        let item = builder.sign(&wallet().wallet).unwrap();
        let parsed = DataItem::parse(&item.to_bytes()).unwrap();
        prop_assert_eq!(&parsed, &item);
        prop_assert!(parsed.verify().is_ok());
    }

    #[test]
    fn tags_round_trip(tags in proptest::collection::vec(tag_strategy(), 0..40)) {
        prop_assert_eq!(tags::decode(&tags::encode(&tags)).unwrap(), tags);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(bytes in proptest::collection::vec(any::<u8>(), 0..1200)) {
        let _ = DataItem::parse(&bytes);
        let _ = tags::decode(&bytes);
    }

    #[test]
    fn damaged_items_never_panic(at in 0usize..1200, byte in any::<u8>()) {
        let mut bytes = full_item().to_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(item) = DataItem::parse(&bytes) {
            let _ = item.verify();
        }
    }
}
