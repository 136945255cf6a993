//! Interop with the real ecosystem packages (tools/npm): items ao signs verify in arbundles with the
//! same fields; items arbundles (Arweave, Ethereum, Solana) and aoconnect's Node signer (salt 478)
//! sign verify in ao; ao's builders write exactly the tags aoconnect writes; wallets ao makes have
//! the address arweave-js computes.
use std::ffi::OsStr;

use ao::protocol::ao::{message, spawn};
use ao::protocol::{DataItem, Id, ItemBuilder, Signer, Tag, Wallet, b64};
use base64::Engine as _;
use serde_json::Value;

use crate::support::{node, npm_peers, wallet};

/// Checks that `item` has the fields a peer reported for it (arbundles' `DataItem` getters: ids,
/// owner and anchor in base64url, "" when absent).
fn assert_same_fields(item: &DataItem, peer: &Value) {
    let context = &peer["file"];
    assert_eq!(peer["id"], item.id().to_string(), "{context}");
    assert_eq!(peer["signatureType"], item.signature_type().code(), "{context}");
    assert_eq!(peer["owner"], b64::encode(item.owner()), "{context}");
    assert_eq!(peer["target"], item.target().map(|t| t.to_string()).unwrap_or_default(), "{context}");
    assert_eq!(peer["anchor"], item.anchor().map(b64::encode).unwrap_or_default(), "{context}");
    assert_eq!(peer["tags"], serde_json::to_value(item.tags()).unwrap(), "{context}");
    let data = base64::engine::general_purpose::STANDARD.decode(peer["data"].as_str().unwrap()).unwrap();
    assert_eq!(data, item.data(), "{context}");
}

fn entries(value: Value) -> Vec<Value> {
    value.as_array().expect("a JSON array").clone()
}

fn file_of(entry: &Value) -> Vec<u8> {
    std::fs::read(entry["file"].as_str().unwrap()).unwrap()
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn items_ao_signs_verify_in_arbundles_with_the_same_fields() {
    let npm = npm_peers();
    let dir = tempfile::tempdir().unwrap();
    let signer = &wallet().wallet;
    let cases = [
        ItemBuilder {
            target: Some(Id([3; 32])),
            anchor: Some(b"00000000000000000000000000000001".to_vec()),
            tags: vec![Tag::new("Action", "Eval"), Tag::new("Data-Protocol", "ao"), Tag::new("Émoji", "🦀")],
            data: b"return 1 + 1".to_vec(),
        },
        ItemBuilder::new(),
        ItemBuilder { data: (0..=255).collect(), ..ItemBuilder::new() },
        ItemBuilder { tags: (0..128).map(|i| Tag::new(format!("T{i}"), "v")).collect(), ..ItemBuilder::new() },
        ItemBuilder { data: vec![b'x'; 300_000], ..ItemBuilder::new() },
    ];
    let mut items = Vec::new();
    let mut files = Vec::new();
    for (i, case) in cases.into_iter().enumerate() {
        let item = case.sign(signer).unwrap();
        let file = dir.path().join(format!("ao-{i}.bin"));
        std::fs::write(&file, item.to_bytes()).unwrap();
        items.push(item);
        files.push(file);
    }
    let args: Vec<&OsStr> = std::iter::once(OsStr::new("inspect")).chain(files.iter().map(|f| f.as_os_str())).collect();
    let seen = entries(node(&npm, "arbundles.cjs", &args));
    assert_eq!(seen.len(), items.len());
    for (item, peer) in items.iter().zip(&seen) {
        assert_eq!(peer["valid"], true, "arbundles rejects {}", peer["file"]);
        assert_same_fields(item, peer);
    }
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn items_arbundles_signs_verify_in_ao() {
    let npm = npm_peers();
    let dir = tempfile::tempdir().unwrap();
    let signed =
        entries(node(&npm, "arbundles.cjs", &[OsStr::new("sign"), dir.path().as_os_str(), wallet().path.as_os_str()]));
    let signers: Vec<_> = signed.iter().map(|e| e["signer"].as_str().unwrap()).collect();
    assert!(["arweave", "ethereum", "solana"].iter().all(|s| signers.contains(s)), "{signers:?}");
    for entry in &signed {
        assert_eq!(entry["valid"], true, "arbundles accepts its own {}", entry["file"]);
        let bytes = file_of(entry);
        let item = DataItem::parse(&bytes).unwrap();
        item.verify().unwrap_or_else(|e| panic!("{}: {e}", entry["file"]));
        assert_same_fields(&item, entry);

        // The same item with one signature bit flipped is refused.
        let mut tampered = bytes.clone();
        tampered[2] ^= 0x01;
        assert!(DataItem::parse(&tampered).unwrap().verify().is_err(), "{}", entry["file"]);
    }
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn what_aoconnect_sends_verifies_in_ao_and_matches_aos_own_builders() {
    let npm = npm_peers();
    let dir = tempfile::tempdir().unwrap();
    let process = Id([5; 32]);
    let module = Id([6; 32]);
    let scheduler = wallet().wallet.address();
    let sent = entries(node(
        &npm,
        "aoconnect.cjs",
        &[
            OsStr::new("build"),
            dir.path().as_os_str(),
            wallet().path.as_os_str(),
            OsStr::new(&process.to_string()),
            OsStr::new(&module.to_string()),
            OsStr::new(&scheduler),
        ],
    ));
    assert_eq!(sent.len(), 5);
    for entry in &sent {
        let item = DataItem::parse(&file_of(entry)).unwrap();
        item.verify().unwrap_or_else(|e| panic!("aoconnect's {}: {e}", entry["file"]));
        assert_same_fields(&item, entry);

        let input = &entry["input"];
        let tags: Vec<Tag> = serde_json::from_value(input["tags"].clone()).unwrap();
        let data = input["data"].as_str().unwrap_or("").as_bytes().to_vec();
        let ours = match entry["kind"].as_str().unwrap() {
            "message" => {
                let anchor = input["anchor"].as_str().map(|a| a.as_bytes().to_vec());
                message(process, tags, data, anchor)
            }
            _ => {
                let timestamp = item.tag("Timestamp").unwrap().parse().unwrap();
                spawn(module, &scheduler, tags, data, timestamp)
            }
        };
        assert_eq!(ours.tags, item.tags(), "tags of {}", entry["file"]);
        assert_eq!(ours.data, item.data(), "data of {}", entry["file"]);
        assert_eq!(ours.target, item.target(), "target of {}", entry["file"]);
        assert_eq!(ours.anchor.as_deref(), item.anchor().map(|a| &a[..]), "anchor of {}", entry["file"]);
    }
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn wallets_ao_makes_have_the_address_arweave_js_computes() {
    let npm = npm_peers();
    let dir = tempfile::tempdir().unwrap();
    for (i, wallet) in [Wallet::generate().unwrap(), Wallet::from_jwk(wallet().wallet.to_jwk().as_bytes()).unwrap()]
        .into_iter()
        .enumerate()
    {
        let path = dir.path().join(format!("w{i}.json"));
        std::fs::write(&path, wallet.to_jwk()).unwrap();
        let seen = node(&npm, "arweave.cjs", &[OsStr::new("address"), path.as_os_str()]);
        assert_eq!(seen["address"], wallet.address());
        assert_eq!(wallet.address(), ao::protocol::address_of(Signer::owner(&wallet)));
    }
}
