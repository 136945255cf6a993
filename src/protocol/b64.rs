//! base64url without padding, the encoding of every id, key and signature in Arweave and ao.
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false).with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    ENGINE.encode(bytes)
}

/// Decodes base64url, with or without padding.
pub fn decode(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    ENGINE.decode(text)
}
