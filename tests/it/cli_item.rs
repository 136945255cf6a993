//! `ao item sign|inspect|verify` through the binary, and their answers to bad input.
use crate::support::{ao, stderr, stdout};

const TARGET: &str = "kbsjkeFXHEAC2SQlu-MkNu-y_-e1nOEDRTQ9wlbbGOk";

fn signed(home: &std::path::Path) -> String {
    std::fs::write(home.join("payload.txt"), "from a file").unwrap();
    let out = ao(
        home,
        &[
            "item",
            "sign",
            "--target",
            TARGET,
            "--anchor",
            "00000000000000000000000000000001",
            "-t",
            "Action=Eval",
            "-t",
            "Note=a=b",
            "-d",
            "@payload.txt",
            "--out",
            "item.bin",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_string()
}

#[test]
fn sign_inspect_verify() {
    let home = tempfile::tempdir().unwrap();
    let id = signed(home.path());
    assert_eq!(id.len(), 43);

    let inspected = ao(home.path(), &["item", "inspect", "item.bin"]);
    assert!(inspected.status.success());
    let item: serde_json::Value = serde_json::from_slice(&inspected.stdout).unwrap();
    let address = stdout(&ao(home.path(), &["wallet", "address"])).trim().to_string();
    assert_eq!(item["id"], id);
    assert_eq!(item["address"], address);
    assert_eq!(item["target"], TARGET);
    assert_eq!(item["anchor"], "00000000000000000000000000000001");
    assert_eq!(
        item["tags"],
        serde_json::json!([{"name": "Action", "value": "Eval"}, {"name": "Note", "value": "a=b"}])
    );
    assert_eq!(item["data"], "from a file");
    assert_eq!(item["signature_type"], 1);
    assert_eq!(item["valid"], true);

    let verified = ao(home.path(), &["item", "verify", "item.bin"]);
    assert_eq!(verified.status.code(), Some(0));
    assert_eq!(stdout(&verified), format!("valid {id}\n"));
}

#[test]
fn verify_names_what_is_wrong_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    signed(home.path());
    let mut bytes = std::fs::read(home.path().join("item.bin")).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    std::fs::write(home.path().join("tampered.bin"), &bytes).unwrap();
    std::fs::write(home.path().join("truncated.bin"), &bytes[..600]).unwrap();

    let tampered = ao(home.path(), &["item", "verify", "tampered.bin"]);
    assert_eq!(tampered.status.code(), Some(1));
    assert_eq!(
        stderr(&tampered),
        "error: invalid data item tampered.bin: the signature does not match the owner and the signed fields\n"
    );
    let inspected = ao(home.path(), &["item", "inspect", "tampered.bin"]);
    let item: serde_json::Value = serde_json::from_slice(&inspected.stdout).unwrap();
    assert_eq!(item["valid"], false);

    let truncated = ao(home.path(), &["item", "verify", "truncated.bin", "--json"]);
    assert_eq!(truncated.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&truncated.stdout).unwrap();
    assert_eq!(report, serde_json::json!({"valid": false, "reason": "600 bytes is too short for a data item"}));

    let not_an_item = ao(home.path(), &["item", "inspect", "truncated.bin"]);
    assert_eq!(not_an_item.status.code(), Some(2));
    assert_eq!(
        stderr(&not_an_item),
        "error: truncated.bin is not a data item: 600 bytes is too short for a data item\n"
    );
}

#[test]
fn bad_sign_input_is_refused_before_anything_is_written() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["-t", "novalue"], "error: invalid value 'novalue' for '--tag <NAME=VALUE>': expected NAME=VALUE"),
        (&["-d", "@nowhere.txt"], "error: cannot read data file nowhere.txt:"),
        (
            &["--target", "short"],
            "error: invalid value 'short' for '--target <ID>': expected a 43-character base64url id",
        ),
        (&["--anchor", "abc"], "error: invalid anchor \"abc\": expected 32 characters or 32 bytes in base64url"),
        (&["-t", "=v"], "error: invalid value '=v' for '--tag <NAME=VALUE>': expected NAME=VALUE"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["item", "sign", "--out", "never.bin"];
        all.extend_from_slice(args);
        let out = ao(home.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with(expected), "{args:?}: {}", stderr(&out));
        assert!(!home.path().join("never.bin").exists(), "{args:?}");
    }
    let too_long = format!("Big={}", "v".repeat(3073));
    let out = ao(home.path(), &["item", "sign", "--out", "never.bin", "-t", &too_long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has a 3073-byte value; at most 3072 are allowed"), "{}", stderr(&out));
    assert!(!home.path().join("never.bin").exists());
}
