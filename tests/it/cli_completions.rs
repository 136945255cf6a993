//! The completion scripts in `completions/` are what `ao completions SHELL` prints now.
use crate::support::{ao, stdout};

#[test]
fn the_completion_files_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let home = tempfile::tempdir().unwrap();
    for (shell, file) in
        [("bash", "ao.bash"), ("zsh", "_ao"), ("fish", "ao.fish"), ("powershell", "_ao.ps1"), ("elvish", "ao.elv")]
    {
        let out = ao(home.path(), &["completions", shell]);
        assert!(out.status.success(), "ao completions {shell} failed");
        let script = stdout(&out);
        for command in ["spawn", "send", "eval", "dryrun", "inbox", "tail", "list", "result"] {
            assert!(script.contains(command), "the {shell} script does not complete `{command}`");
        }
        let committed = std::fs::read_to_string(root.join("completions").join(file)).unwrap_or_default();
        assert!(
            committed == script,
            "completions/{file} is not what `ao completions {shell}` prints; run tools/completions.sh"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = ao(home.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}
