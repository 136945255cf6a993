//! `ao version` and the command line's handling of bad usage, through the built binary.
use ao::runtime::aos_module_id;

fn ao(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    crate::support::ao(home.path(), args)
}

#[test]
fn version_names_the_process_module_and_the_engine() {
    let out = ao(&["version", "--json"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ao"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["module"], aos_module_id().to_string());
    assert_eq!(report["wasmtime"], "48.0.8");

    let text = String::from_utf8(ao(&["version"]).stdout).unwrap();
    assert_eq!(text.lines().nth(1).unwrap(), format!("process module {} (Lua 5.3.6)", aos_module_id()));
}

#[test]
fn a_mistyped_command_is_a_usage_error_not_a_new_process() {
    // `ao NAME` is the REPL on NAME (as `aos NAME`), but a NAME that looks like a command is not
    // spawned.
    let home = tempfile::tempdir().unwrap();
    let out = crate::support::ao(home.path(), &["sned"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: \"sned\" is not a command, nor a process here; did you mean `ao send`?\nhint: `ao repl sned` spawns a process named \"sned\"\n"
    );
    assert!(out.stdout.is_empty());
    let out = ao(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("error: unexpected argument '--frobnicate' found"));
}
