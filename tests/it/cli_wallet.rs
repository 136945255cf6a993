//! `ao wallet new|address` and wallet selection (`--wallet`, `AO_WALLET`, `~/.aos.json`).
use std::os::unix::fs::PermissionsExt;

use crate::support::{ao, stderr, stdout};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_default_wallet_is_created_once_and_announced() {
    let home = tempfile::tempdir().unwrap();
    let first = ao(home.path(), &["wallet", "address"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let address = stdout(&first).trim().to_string();
    assert_eq!(address.len(), 43);
    let default = home.path().join(".aos.json");
    assert_eq!(stderr(&first), format!("created a new wallet at {} (address {address})\n", default.display()));
    assert_eq!(mode(&default), 0o600);

    let second = ao(home.path(), &["wallet", "address"]);
    assert_eq!(stdout(&second).trim(), address);
    assert_eq!(stderr(&second), "", "no second announcement");
}

#[test]
fn wallet_new_never_replaces_a_wallet_without_force() {
    let home = tempfile::tempdir().unwrap();
    let made = ao(home.path(), &["wallet", "new", "--out", "w.json", "--json"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let report: serde_json::Value = serde_json::from_slice(&made.stdout).unwrap();
    let address = report["address"].as_str().unwrap().to_string();
    assert_eq!(report["path"], "w.json");
    let path = home.path().join("w.json");
    let before = std::fs::read(&path).unwrap();
    assert_eq!(mode(&path), 0o600);

    let again = ao(home.path(), &["wallet", "new", "--out", "w.json"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        stderr(&again),
        "error: w.json already exists\nhint: pass --force to replace it (the key in it is lost)\n"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "untouched");

    let forced = ao(home.path(), &["wallet", "new", "--out", "w.json", "--force"]);
    assert!(forced.status.success());
    assert_ne!(stdout(&forced).trim(), address);
    assert_eq!(mode(&path), 0o600);
    let listed: Vec<_> = std::fs::read_dir(home.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(listed, ["w.json"], "no temporary files left behind");
}

#[test]
fn a_chosen_wallet_must_exist_and_be_a_wallet() {
    let home = tempfile::tempdir().unwrap();
    let missing = ao(home.path(), &["--wallet", "missing.json", "wallet", "address"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "error: wallet file missing.json not found\nhint: create one with `ao wallet new --out missing.json`\n"
    );

    std::fs::write(home.path().join("broken.json"), "{").unwrap();
    let broken = ao(home.path(), &["--wallet", "broken.json", "wallet", "address"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(stderr(&broken).starts_with("error: broken.json: not a JSON wallet:"), "{}", stderr(&broken));
    assert_eq!(stderr(&broken).lines().count(), 1);
    assert!(!home.path().join(".aos.json").exists(), "no default wallet was created instead");
}

#[test]
fn ao_wallet_picks_the_wallet_from_the_environment() {
    let home = tempfile::tempdir().unwrap();
    let made = ao(home.path(), &["wallet", "new", "--out", "env.json"]);
    let address = stdout(&made).trim().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(["wallet", "address"])
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("AO_WALLET", "env.json")
        .output()
        .unwrap();
    assert_eq!(stdout(&output).trim(), address);
}
