//! The exact text of `ao`'s errors: each bad input gives one `error:` line (and a `hint:` where
//! one helps) with the right exit code — 2 for what was asked wrongly or names nothing here, 1 for
//! what failed, 130 for Ctrl-C. The whole of stderr is compared, so a changed message shows up
//! here. `{P}` in an expected text is the process `p`'s id.
use crate::support::{node_ao as ao, node_home, node_ok as ok, stderr};

/// `(arguments, exit code, stderr)`.
type Case = (&'static [&'static str], i32, &'static str);

const CASES: &[Case] = &[
    (
        &["eval", "nobody", "return 1"],
        2,
        "error: no process \"nobody\"\nhint: `ao list` shows the processes; spawn one with `ao spawn NAME`\n",
    ),
    (
        &["verify", "nobody"],
        2,
        "error: no process \"nobody\"\nhint: `ao list` shows the processes; spawn one with `ao spawn NAME`\n",
    ),
    (
        &["spawn", "q", "--module", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
        2,
        "error: no module AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA here (`ao module list` shows the registered ones)\nhint: `ao module add FILE --format FORMAT` registers one\n",
    ),
    (
        &["result", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA"],
        2,
        "error: no message BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA here\n",
    ),
    (&["eval", "p", "--slot", "9", "return 1"], 2, "error: process {P} has no slot 9 (its newest is 0)\n"),
    (&["dryrun", "p", "--slot", "9", "-a", "Eval"], 2, "error: process {P} has no slot 9 (its newest is 0)\n"),
    (&["verify", "p", "--to", "9"], 2, "error: process {P} has no slot 9 (its newest is 0)\n"),
    (&["spawn", "p"], 2, "error: a process named \"p\" already exists for this wallet: {P}\n"),
    (
        &["spawn", "x", "--cron", "5-fortnights"],
        2,
        "error: Cron-Interval \"5-fortnights\": unknown unit (write it as N-unit, e.g. 10-seconds, 5-minutes, 1-hour, 3-blocks)\n",
    ),
    (&["spawn", "x", "-t", "Memory-Limit=2-gb"], 2, "error: invalid Memory-Limit \"2-gb\": over the cap of 1-gb\n"),
    (
        &["spawn", "x", "-t", "Compute-Limit=lots"],
        2,
        "error: invalid Compute-Limit \"lots\": expected a positive integer\n",
    ),
    (&["eval", "p", "x = = 1"], 1, "error: line 1: unexpected symbol near '='\n"),
    (&["eval", "p", "error('no')"], 1, "error: line 1: no\n"),
    (
        &["eval", "p", "while true do end"],
        1,
        "error: compute limit exceeded: the message needed more than 30000000000 instructions (Compute-Limit)\n",
    ),
    (
        &["--timeout", "200ms", "eval", "p", "while true do end"],
        1,
        "error: the evaluation took longer than --timeout 200ms and was abandoned; nothing was kept\n",
    ),
    (
        &["--timeout", "soon", "eval", "p", "return 1"],
        2,
        "error: invalid value 'soon' for '--timeout <DURATION>': expected a duration from 1ms to a day, like 500ms, 10s, 2m or 1h\n\nFor more information, try '--help'.\n",
    ),
    (
        &["--timeout", "1e30", "eval", "p", "return 1"],
        2,
        "error: invalid value '1e30' for '--timeout <DURATION>': expected a duration from 1ms to a day, like 500ms, 10s, 2m or 1h\n\nFor more information, try '--help'.\n",
    ),
    (
        &["module", "add", "text.wasm", "-f", "wasm32-unknown-emscripten4"],
        2,
        "error: not a usable wasm32-unknown-emscripten4 module: not WebAssembly (it does not begin with `\\0asm`)\n",
    ),
    (
        &["module", "add", "cut.wasm", "-f", "wasm32-unknown-emscripten4"],
        2,
        "error: not a usable wasm32-unknown-emscripten4 module: unexpected end-of-file (at offset 0x9)\n",
    ),
    (
        &["module", "add", "empty.wasm", "-f", "wasm32-unknown-emscripten4"],
        2,
        "error: not a usable wasm32-unknown-emscripten4 module: the module does not export its memory (`memory`)\n",
    ),
    (
        &["module", "add", "empty.wasm", "-f", "wasm64-unknown-emscripten-draft_2024_02_15"],
        2,
        "error: not a usable wasm64-unknown-emscripten-draft_2024_02_15 module: the module does not export its memory (`memory`)\n",
    ),
    (
        &["--network", "ftp://127.0.0.1:9", "list"],
        2,
        "error: \"ftp://127.0.0.1:9\" is not a unit's URL: it is not http or https\nhint: write a unit's URL as http://HOST:PORT or https://HOST\n",
    ),
    (
        &["network", "add", "x", "notaurl"],
        2,
        "error: \"notaurl\" is not a unit's URL: relative URL without a base\nhint: write a unit's URL as http://HOST:PORT or https://HOST\n",
    ),
    (
        &["send", "p", "-a", "Ping", "-t", "Action=Pong"],
        2,
        "error: two Action tags: -a Ping and -t Action=Pong; give one\n",
    ),
    (
        &[
            "module",
            "add",
            "empty.wasm",
            "-f",
            "wasm32-unknown-emscripten4",
            "-t",
            "Module-Format=wasm64-unknown-emscripten-draft_2024_02_15",
        ],
        2,
        "error: Module-Format cannot be given as a tag: ao sets Data-Protocol, Variant, Type and Module-Format (from the module's format) on every module\n",
    ),
    (
        &["eval", "p"],
        2,
        "error: the following required arguments were not provided:\n  <CODE>\n\nUsage: ao eval [OPTIONS] <PROCESS> <CODE>\n       ao eval [OPTIONS] <PROCESS> -f <FILE>\n       ao eval [OPTIONS] <PROCESS> --blueprint <NAME>\n\nFor more information, try '--help'.\n",
    ),
    (&["spawn", ""], 2, "error: \"\" cannot name a process: it is empty\n"),
    (&["spawn", "a\tb"], 2, "error: \"a\\tb\" cannot name a process: it has control characters (tabs, newlines)\n"),
    (
        &["spawn", "NZXsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
        2,
        "error: \"NZXsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" cannot name a process: it reads as a process id (43 base64url characters)\n",
    ),
    (&["spawn", "q", "--load", "gone.lua"], 2, "error: cannot read gone.lua: No such file or directory (os error 2)\n"),
    (
        &["deploy", "-C", "noentry"],
        2,
        "error: cannot read {HOME}/noentry/src/gone.lua: No such file or directory (os error 2)\n",
    ),
    (
        &["send", "p", "-d", "@no-such-file"],
        2,
        "error: cannot read data file no-such-file: No such file or directory (os error 2)\n",
    ),
    (
        &["deploy", "-C", "lockdir"],
        2,
        "error: cannot write {HOME}/lockdir/.ao.lock.new: Is a directory (os error 21)\n",
    ),
    (&["test"], 2, "error: no ao.toml in {HOME} or any folder above it\n"),
    (&["--json", "test", "--tap"], 2, "error: --tap and --json each say how to report the tests: give one\n"),
    (&["test", "-C", "bad/typo"], 2, "error: {HOME}/bad/typo is not a folder\n"),
    (&["deploy", "-C", "bad/typo", "--plan"], 2, "error: {HOME}/bad/typo is not a folder\n"),
    (
        &["deploy", "-C", "bad"],
        2,
        "error: {HOME}/bad/ao.toml: [processes.main]: knows T = \"nope\", which is not a process here\n",
    ),
    (
        &["test", "-C", "bad"],
        2,
        "error: {HOME}/bad/ao.toml: [processes.main]: knows T = \"nope\", which is not a process here\n",
    ),
    (&["init", "halfway"], 2, "error: halfway/src is a file, where the project needs a folder\n"),
    (&["init", "text.wasm", "--name", "t"], 2, "error: text.wasm is a file, where the project needs a folder\n"),
    (
        &["init", "9lives"],
        2,
        "error: \"9lives\" cannot name a project: use letters, digits, - and _, starting with a letter\nhint: name it with --name NAME\n",
    ),
    (
        &["test", "-C", "typo"],
        2,
        "error: {HOME}/typo/ao.toml: line 4, column 1: unknown field `entri`, expected one of `entry`, `module`, `cron`, `tags`, `knows`\n",
    ),
];

#[test]
fn each_bad_input_gives_its_one_error_text_and_exit_code() {
    let home = node_home();
    let home = home.path();
    let p = ok(home, &["spawn", "p"]);
    std::fs::create_dir(home.join("bad")).unwrap();
    let manifest = "[project]\nname = \"bad\"\n[processes.main]\nentry = \"main.lua\"\nknows = { T = \"nope\" }\n";
    std::fs::write(home.join("bad/ao.toml"), manifest).unwrap();
    std::fs::write(home.join("text.wasm"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    std::fs::write(home.join("empty.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(home.join("cut.wasm"), b"\0asm\x01\0\0\0\x01").unwrap();
    std::fs::create_dir(home.join("noentry")).unwrap();
    std::fs::write(
        home.join("noentry/ao.toml"),
        "[project]\nname = \"n\"\n[processes.main]\nentry = \"src/gone.lua\"\n",
    )
    .unwrap();
    // A project whose lock file cannot be written (where it is written first is taken; an
    // unwritable folder does the same, but not to root): refused before anything is spawned.
    std::fs::create_dir_all(home.join("lockdir/.ao.lock.new")).unwrap();
    std::fs::write(home.join("lockdir/ao.toml"), "[project]\nname = \"l\"\n[processes.main]\nentry = \"m.lua\"\n")
        .unwrap();
    std::fs::write(home.join("lockdir/m.lua"), "X = 1\n").unwrap();
    // A project whose folder has a file where the template puts a folder: nothing is written.
    std::fs::create_dir(home.join("halfway")).unwrap();
    std::fs::write(home.join("halfway/src"), "").unwrap();
    std::fs::create_dir(home.join("typo")).unwrap();
    std::fs::write(home.join("typo/ao.toml"), "[project]\nname = \"x\"\n[processes.main]\nentri = \"m.lua\"\n")
        .unwrap();
    let mut wrong = Vec::new();
    for (args, code, expected) in CASES {
        let out = ao(home, args);
        let expected = expected.replace("{P}", &p).replace("{HOME}", home.to_str().unwrap());
        if out.status.code() != Some(*code) || stderr(&out) != expected {
            wrong.push(format!(
                "ao {args:?}\n  expected exit {code}: {expected:?}\n  got exit {:?}: {:?}",
                out.status.code(),
                stderr(&out)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A home that is a file.
    let file = home.join("text.wasm");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ao"))
        .args(["--home", file.to_str().unwrap(), "list"])
        .env("HOME", home)
        .output()
        .unwrap();
    let expected = format!("error: {} is not a directory, so it cannot be a home\n", file.display());
    assert_eq!((out.status.code(), stderr(&out)), (Some(2), expected));
    // A home whose path is not UTF-8 (the store names its files by the path as text).
    use std::os::unix::ffi::OsStrExt;
    let odd = home.join(std::ffi::OsStr::from_bytes(b"a\xff\xfeb"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ao"))
        .arg("--home")
        .arg(&odd)
        .arg("list")
        .env("HOME", home)
        .output()
        .unwrap();
    let expected = format!("error: {} is not UTF-8: a home's path must be\n", odd.display());
    assert_eq!((out.status.code(), stderr(&out)), (Some(2), expected));
    assert!(!odd.exists(), "nothing was made");
    // Output that cannot be written is one error, exit 1, not a panic (and what it did stays).
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full (Linux)");
    let out =
        crate::support::node_command(home, &["eval", "p", "Written = 'yes' return 1"]).stdout(full).output().unwrap();
    let expected = "error: cannot write the output: No space left on device (os error 28)\n";
    assert_eq!((out.status.code(), stderr(&out).as_str()), (Some(1), expected));
    assert_eq!(ok(home, &["eval", "p", "return Written"]), "yes");
    // Empty variables are variables not set (they were refused, even beside the flag itself).
    let out = crate::support::node_command(home, &["list"]).env("AO_HOME", "").env("AO_MU_URL", "").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // What was refused is not in the log; evaluations that failed are (with their Error), and
    // the abandoned one is not: the spawn, three failed evals, the one written to a full disk, its
    // check, and this read.
    assert_eq!(ok(home, &["eval", "p", "return 1"]), "1");
    let listed: serde_json::Value = serde_json::from_str(&ok(home, &["--json", "list"])).unwrap();
    assert_eq!(listed[0]["messages"], 7);
    assert_eq!(std::fs::read_dir(home.join("halfway")).unwrap().count(), 1, "ao init wrote nothing");
    assert_eq!(listed.as_array().unwrap().len(), 1, "nothing else was spawned: {listed}");
}
