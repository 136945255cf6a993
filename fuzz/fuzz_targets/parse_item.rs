//! Fuzz target: arbitrary bytes through the data item and tag parsers, and verification of
//! whatever parses. None of it may panic; whatever parses must re-encode to the same bytes.
#![no_main]

use ao::protocol::{DataItem, tags};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = tags::decode(bytes);
    if let Ok(item) = DataItem::parse(bytes) {
        assert_eq!(item.to_bytes(), bytes, "a parsed item re-encodes to its bytes");
        let _ = item.verify();
    }
});
