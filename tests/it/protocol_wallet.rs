//! Wallets through the library: generation, JWK round trips, and every kind of bad wallet file as
//! a typed error.
use ao::protocol::{Signer, Wallet, WalletError, address_of};
use serde_json::Value;

use crate::support::wallet;

fn jwk_with(change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Vec<u8> {
    let mut jwk: Value = serde_json::from_str(&wallet().wallet.to_jwk()).unwrap();
    change(jwk.as_object_mut().unwrap());
    serde_json::to_vec(&jwk).unwrap()
}

#[test]
fn a_wallet_round_trips_through_jwk() {
    let original = &wallet().wallet;
    let again = Wallet::from_jwk(original.to_jwk().as_bytes()).unwrap();
    assert_eq!(again.address(), original.address());
    assert_eq!(original.address().len(), 43);
    assert_eq!(original.address(), address_of(Signer::owner(original)));
    assert_eq!(Signer::owner(original).len(), 512);
    let jwk: Value = serde_json::from_str(&original.to_jwk()).unwrap();
    assert_eq!(jwk["kty"], "RSA");
    assert_eq!(jwk["e"], "AQAB");
}

#[test]
fn generated_wallets_are_distinct() {
    assert_ne!(Wallet::generate().unwrap().address(), wallet().wallet.address());
}

#[test]
fn bad_wallets_are_typed_errors() {
    assert!(matches!(Wallet::from_jwk(b"not json"), Err(WalletError::NotJson(_))));
    assert!(matches!(Wallet::from_jwk(b"[1, 2]"), Err(WalletError::NotJson(_))));
    assert_eq!(Wallet::from_jwk(br#"{"kty":"EC","crv":"P-256"}"#).unwrap_err(), WalletError::NotRsa("EC".into()));
    assert_eq!(Wallet::from_jwk(br#"{"n":"AQAB"}"#).unwrap_err(), WalletError::MissingField("kty"));
    let public_only = jwk_with(|jwk| {
        jwk.remove("d");
    });
    assert_eq!(Wallet::from_jwk(&public_only).unwrap_err(), WalletError::MissingField("d"));
    let bad_base64 = jwk_with(|jwk| {
        jwk.insert("p".into(), "***".into());
    });
    assert_eq!(Wallet::from_jwk(&bad_base64).unwrap_err(), WalletError::BadField("p"));
    let small = jwk_with(|jwk| {
        let mut n = ao::protocol::b64::decode(jwk["n"].as_str().unwrap()).unwrap().split_off(256);
        n[0] |= 0x80; // exactly 2048 bits
        jwk.insert("n".into(), ao::protocol::b64::encode(&n).into());
    });
    assert_eq!(Wallet::from_jwk(&small).unwrap_err(), WalletError::KeySize(2048));
    let exponent = jwk_with(|jwk| {
        jwk.insert("e".into(), "Aw".into());
    });
    assert_eq!(Wallet::from_jwk(&exponent).unwrap_err(), WalletError::Exponent);
    let inconsistent = jwk_with(|jwk| {
        let other = Wallet::generate().unwrap();
        let other: Value = serde_json::from_str(&other.to_jwk()).unwrap();
        jwk.insert("p".into(), other["p"].clone());
    });
    assert!(matches!(Wallet::from_jwk(&inconsistent), Err(WalletError::InvalidKey)));
}
