//! RSA-PSS (SHA-256, MGF1-SHA256) verification that recovers the salt length from the signature,
//! as verifiers of ANS-104 items must: browsers and `ao` sign with a 32-byte salt, Node's crypto
//! (aoconnect's signer) with the longest salt that fits (478 bytes for a 4096-bit key).
use num_bigint::BigUint;
use sha2::{Digest, Sha256};

const HASH_LEN: usize = 32;

/// Whether `signature` is a valid RSA-PSS signature of `message` by modulus `n` with the
/// public exponent Arweave fixes, 65537.
pub(crate) fn verify(n: &[u8], message: &[u8], signature: &[u8]) -> bool {
    verify_known_salt(n, message, signature) || verify_any_salt(n, message, signature)
}

/// aws-lc's verification (~10x faster than ours) for the two salt lengths signers use: the
/// digest's (browsers, `ao`) and the longest that fits (Node's crypto).
fn verify_known_salt(n: &[u8], message: &[u8], signature: &[u8]) -> bool {
    use aws_lc_rs::signature::{RSA_PSS_2048_8192_SHA256, RsaPssSaltLength, RsaPublicKeyComponents};
    let key = RsaPublicKeyComponents { n, e: &[0x01, 0x00, 0x01][..] };
    [RsaPssSaltLength::Digest, RsaPssSaltLength::Max]
        .into_iter()
        .any(|salt| key.verify(&RSA_PSS_2048_8192_SHA256.with_pss_salt_length(salt), message, signature).is_ok())
}

/// Verification that recovers the salt length from the signature (any length).
fn verify_any_salt(n: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let modulus = BigUint::from_bytes_be(n);
    let s = BigUint::from_bytes_be(signature);
    if modulus.bits() < 1024 || signature.len() != n.len() || s >= modulus {
        return false;
    }
    // s^65537 mod n: sixteen squarings and one multiplication.
    let mut m = s.clone();
    for _ in 0..16 {
        m = (&m * &m) % &modulus;
    }
    m = (m * &s) % &modulus;

    let em_bits = modulus.bits() as usize - 1;
    let em_len = em_bits.div_ceil(8);
    let m_bytes = m.to_bytes_be();
    if m_bytes.len() > em_len {
        return false;
    }
    let mut em = vec![0u8; em_len - m_bytes.len()];
    em.extend_from_slice(&m_bytes);
    emsa_pss_verify(&Sha256::digest(message), &em, em_bits)
}

/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with the salt length read from the encoded message.
fn emsa_pss_verify(m_hash: &[u8], em: &[u8], em_bits: usize) -> bool {
    let em_len = em.len();
    if em_len < HASH_LEN + 2 || em[em_len - 1] != 0xbc {
        return false;
    }
    let (masked_db, rest) = em.split_at(em_len - HASH_LEN - 1);
    let h = &rest[..HASH_LEN];
    let unused_bits = 8 * em_len - em_bits;
    let top_mask = 0xffu8 >> unused_bits;
    if masked_db[0] & !top_mask != 0 {
        return false;
    }
    let mut db = mgf1(h, masked_db.len());
    for (d, m) in db.iter_mut().zip(masked_db) {
        *d ^= m;
    }
    db[0] &= top_mask;
    let Some(separator) = db.iter().position(|&b| b != 0) else { return false };
    if db[separator] != 0x01 {
        return false;
    }
    let salt = &db[separator + 1..];
    let mut hasher = Sha256::new();
    hasher.update([0u8; 8]);
    hasher.update(m_hash);
    hasher.update(salt);
    hasher.finalize().as_slice() == h
}

fn mgf1(seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + HASH_LEN);
    let mut counter = 0u32;
    while out.len() < len {
        let mut hasher = Sha256::new();
        hasher.update(seed);
        hasher.update(counter.to_be_bytes());
        out.extend_from_slice(&hasher.finalize());
        counter += 1;
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use rsa::signature::{RandomizedSigner, SignatureEncoding};
    use rsa::traits::PublicKeyParts;

    #[test]
    fn any_salt_length_verifies_and_tampering_does_not() {
        let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 4096).unwrap();
        let n = key.n().to_bytes_be();
        let message = [42u8; 48];
        // 478 = 512 - 32 - 2: the longest salt, what Node's crypto (aoconnect) uses.
        for salt in [0, 32, 478] {
            let signer = rsa::pss::BlindedSigningKey::<sha2::Sha256>::new_with_salt_len(key.clone(), salt);
            let signature = signer.sign_with_rng(&mut rand::rngs::OsRng, &message).to_vec();
            assert!(super::verify(&n, &message, &signature), "salt {salt}");
            assert!(super::verify_any_salt(&n, &message, &signature), "salt {salt}, recovered");
            assert_eq!(super::verify_known_salt(&n, &message, &signature), salt != 0, "salt {salt}, aws-lc");
            assert!(!super::verify(&n, &[43u8; 48], &signature), "salt {salt}, other message");
            let mut tampered = signature.clone();
            tampered[100] ^= 1;
            assert!(!super::verify(&n, &message, &tampered), "salt {salt}, tampered");
        }
        assert!(!super::verify(&n, &message, &[0xff; 512]), "a signature above the modulus");
        assert!(!super::verify(&n, &message, &[1; 100]), "a short signature");
    }
}
