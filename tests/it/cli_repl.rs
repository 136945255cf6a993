//! The REPL through the real `ao` binary in a pseudo-terminal, typed like a person (one key at a
//! time): multi-line entry decided by Lua's parser, calls, syntax errors, Ctrl-C, `.load` with a
//! local `require`, `.dryrun`, the live feed redrawing a half-typed line, history, Ctrl-D; and the
//! piped (non-terminal) mode.
use std::path::Path;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::support::{node_command, node_home, node_ok, stderr, stdout};

/// Generous: CI machines are slow, and the first command of a home boots the module.
const TIMEOUT: Duration = Duration::from_secs(90);

struct Repl {
    session: OsSession,
    /// How the prompt ends (the process's prompt is coloured or not).
    prompt_end: &'static str,
    /// What came before the first prompt (the banner).
    banner: String,
}

impl Repl {
    /// `ao [--color WHEN] repl ARGS...` in a terminal, once its prompt shows.
    fn start(home: &Path, color: &str, args: &[&str]) -> Repl {
        let mut command = node_command(home, &["--color", color]);
        command.args(args).env("TERM", "xterm").env_remove("NO_COLOR");
        let mut session = Session::spawn(command).expect("ao starts in a terminal");
        session.get_process_mut().set_window_size(160, 40).unwrap();
        session.set_expect_timeout(Some(TIMEOUT));
        let prompt_end = if color == "always" { "]\x1b[0m> " } else { "]> " };
        let mut repl = Repl { session, prompt_end, banner: String::new() };
        repl.banner = repl.prompt();
        repl
    }

    /// Types `text` one key at a time.
    fn type_keys(&mut self, text: &str) {
        for c in text.chars() {
            self.session.send(c.to_string()).unwrap();
            std::thread::sleep(Duration::from_millis(3));
        }
    }

    /// Types a line and presses Enter.
    fn line(&mut self, text: &str) {
        self.type_keys(text);
        self.session.send("\r").unwrap();
    }

    /// Waits for `text`; returns what came before it.
    fn expect(&mut self, text: &str) -> String {
        match self.session.expect(text) {
            Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
            Err(error) => {
                let seen = self.session.check(expectrl::Regex("(?s).+")).ok();
                let seen = seen.map(|found| String::from_utf8_lossy(found.as_bytes()).into_owned());
                panic!("waiting for {text:?}: {error}; the terminal shows after the last match: {seen:?}")
            }
        }
    }

    /// Waits for the prompt; returns what came before it.
    fn prompt(&mut self) -> String {
        self.expect(self.prompt_end)
    }

    /// Waits for a line of output that is exactly `text`, then the next prompt.
    fn expect_output(&mut self, text: &str) -> String {
        let before = self.expect(&format!("\r\n{text}\r\n"));
        self.prompt();
        before
    }

    fn ctrl(&mut self, key: char) {
        let code = (key.to_ascii_uppercase() as u8) - b'@';
        self.session.send([code]).unwrap();
    }

    /// Ctrl-C, then the fresh prompt it brings (like a terminal's interrupt, it drops what was
    /// typed after it, so a person waits for the prompt).
    fn interrupt(&mut self) {
        self.ctrl('c');
        self.prompt();
    }

    /// Waits for `ao` to exit; its exit code.
    fn exit_code(mut self) -> i32 {
        self.session.expect(Eof).expect("ao leaves");
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("ao ended with {other:?}"),
        }
    }
}

#[test]
fn a_multi_line_function_a_call_a_syntax_error_ctrl_c_and_ctrl_d() {
    let home = node_home();
    let home = home.path();
    let mut repl = Repl::start(home, "always", &["repl", "p"]);

    // Enter on an unfinished chunk continues it; the chunk is evaluated once it is whole.
    repl.line("function double(n)");
    repl.line("  local twice = n * 2");
    repl.line("  return twice");
    repl.line("end");
    repl.prompt();
    repl.line("double(21)");
    repl.expect_output("42");
    // Brackets, not keywords, left open: the same.
    repl.line("return double(");
    repl.line("  4)");
    repl.expect_output("8");

    // A syntax error: red, with the offending line; the session goes on.
    repl.line("x = = 1");
    repl.expect("\x1b[31merror:\x1b[0m line 1: unexpected symbol near '='");
    repl.expect("1 | x = = 1");
    repl.prompt();
    // A runtime error on the second line of a chunk names that line.
    repl.line("local t = {");
    repl.line("  nothing()");
    repl.line("}");
    repl.expect("error:\x1b[0m line 2: attempt to call a nil value (global 'nothing')");
    repl.expect("2 |   nothing()");
    repl.prompt();

    // Ctrl-C drops the half-typed line (it is never evaluated), and a second Ctrl-C on an empty
    // line does not leave.
    repl.type_keys("Dropped = true");
    repl.interrupt();
    repl.interrupt();
    repl.line("return tostring(Dropped)");
    repl.expect_output("nil");

    // Ctrl-D leaves, exit 0.
    repl.ctrl('d');
    assert_eq!(repl.exit_code(), 0);

    // What was typed is in the process's history, and Up brings it back in the next session.
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.session.send("\x1b[A").unwrap();
    repl.expect("return tostring(Dropped)");
    repl.session.send("\r").unwrap();
    repl.expect_output("nil");
    repl.line(".exit");
    assert_eq!(repl.exit_code(), 0);
}

#[test]
fn ctrl_c_abandons_a_long_evaluation_and_the_next_line_works() {
    let home = node_home();
    let home = home.path();
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line("x = 'before'");
    repl.prompt();
    // The default Compute-Limit would end it after some seconds; Ctrl-C ends it at once.
    repl.line("Loops = 0 while true do Loops = Loops + 1 end");
    std::thread::sleep(Duration::from_millis(700));
    repl.ctrl('c');
    repl.expect("error: interrupted: the evaluation was abandoned; nothing was kept");
    repl.prompt();
    repl.line("return x .. ' ' .. tostring(Loops)");
    repl.expect_output("before nil");
    repl.ctrl('d');
    assert_eq!(repl.exit_code(), 0);
    // Nothing of the abandoned line reached the log: the spawn, `x = 'before'` and the read.
    let listed: serde_json::Value = serde_json::from_str(&node_ok(home, &["--json", "list"])).unwrap();
    assert_eq!(listed[0]["messages"], 3);
}

#[test]
fn load_bundles_a_local_require_and_maps_errors_to_the_file() {
    let home = node_home();
    let home = home.path();
    std::fs::create_dir(home.join("lib")).unwrap();
    std::fs::write(
        home.join("lib/greet.lua"),
        "local M = {}\nfunction M.hello(name)\n  return 'hello ' .. name\nend\nreturn M\n",
    )
    .unwrap();
    std::fs::write(
        home.join("main.lua"),
        "local greet = require('lib.greet')\nGreeting = greet.hello('ao')\nreturn Greeting\n",
    )
    .unwrap();
    std::fs::write(home.join("broken.lua"), "local greet = require('lib.greet')\n\ngreet.nothing()\n").unwrap();

    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line(".load main.lua");
    repl.expect("main.lua (MAIN)");
    repl.expect("lib/greet.lua (require \"lib.greet\")");
    repl.expect_output("hello ao");
    repl.line("return Greeting");
    repl.expect_output("hello ao");

    repl.line(".load broken.lua");
    repl.expect("error: broken.lua:3: attempt to call a nil value (field 'nothing')");
    repl.expect("3 | greet.nothing()");
    repl.prompt();

    repl.line(".load-blueprint");
    repl.expect("token, chatroom, voting, staking, arena");
    repl.line(".load-blueprint token");
    repl.expect("loaded blueprint token");
    repl.line("return Ticker");
    repl.expect_output("PNTS");

    repl.line(".load nowhere.lua");
    repl.expect("error: cannot read nowhere.lua");
    repl.line(".exit");
    assert_eq!(repl.exit_code(), 0);
}

#[test]
fn dryrun_evaluates_without_keeping_anything_and_the_prompt_shows_it() {
    let home = node_home();
    let home = home.path();
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line("Kept = 1");
    repl.prompt();
    repl.line(".dryrun");
    repl.expect("dry-run mode on");
    repl.expect("*p@aos-");
    repl.line("Kept = 2 return Kept");
    repl.expect_output("2");
    repl.line(".dryrun");
    repl.expect("dry-run mode off");
    repl.line("return Kept");
    let before = repl.expect_output("1");
    assert!(before.contains("\x1b[Kp@aos-") && !before.contains("*p@aos-"), "the prompt has a *: {before:?}");
    repl.line(".exit");
    assert_eq!(repl.exit_code(), 0);
    // Dry runs left no trace in the log: the spawn and two Evals.
    let log = node_ok(home, &["tail", "p", "-n", "100"]);
    assert_eq!(log.lines().filter(|line| line.starts_with('#')).count(), 3, "{log}");
}

#[test]
fn the_live_feed_prints_another_process_message_above_a_half_typed_line() {
    let home = node_home();
    let home = home.path();
    let p = node_ok(home, &["spawn", "p"]);
    node_ok(home, &["spawn", "q"]);
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line("return 'ready'");
    repl.expect_output("ready");
    repl.type_keys("return 'half");

    // Another process sends p a message (through another `ao`): the feed shows what p printed,
    // and the line being typed is drawn again below it, unchanged.
    node_ok(home, &["eval", "q", &format!("Send({{Target = '{p}', Action = 'Hello', Data = 'hi'}})")]);
    repl.expect("New Message From");
    repl.expect("Action = Hello");
    repl.expect("> return 'half");
    repl.line("way'");
    repl.expect_output("halfway");

    // Paused, nothing shows; .live catches up with what came meanwhile.
    repl.line(".pause");
    repl.expect("live feed paused");
    repl.prompt();
    node_ok(home, &["eval", "q", &format!("Send({{Target = '{p}', Action = 'Later'}})")]);
    repl.line("return #Inbox");
    let before = repl.expect_output("3");
    assert!(!before.contains("Later"), "the paused feed printed: {before:?}");
    repl.line(".live");
    repl.expect("Action = Later");

    // The user's own evaluations are not repeated by the feed.
    repl.line("print('only once')");
    repl.expect_output("only once");
    repl.line(".inbox");
    let inbox = repl.prompt();
    assert!(inbox.contains("messages in the Inbox") && inbox.contains("Hello"), "{inbox:?}");
    repl.ctrl('d');
    let (code, rest) = {
        let found = repl.session.expect(Eof).expect("ao leaves");
        let rest = String::from_utf8_lossy(found.before()).into_owned();
        match repl.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => (code, rest),
            other => panic!("ao ended with {other:?}"),
        }
    };
    assert_eq!(code, 0);
    assert!(!rest.contains("only once"), "the feed printed the user's own evaluation: {rest:?}");
}

#[test]
fn the_repl_drives_a_process_on_a_remote_network_with_its_live_feed() {
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let served = crate::support::Served::start(a);
    node_ok(a, &["spawn", "q"]);
    // A new name is spawned on the network (A), as on the embedded node.
    let mut repl = Repl::start(b, "never", &["--network", &served.base, "repl", "far"]);
    assert!(repl.banner.contains(&format!("· on the node at {}", served.base)), "{:?}", repl.banner);
    repl.line("X = 6 * 7");
    repl.prompt();
    repl.line("return X");
    repl.expect_output("42");
    let listed = crate::support::node_json(a, &["list"]);
    let far = listed.as_array().unwrap().iter().find(|p| p["name"] == "far").expect("far lives in A");
    assert_eq!(far["messages"], 3, "spawn and two Eval messages: {listed}");
    let far = far["process"].as_str().unwrap().to_string();

    // What another process sends it shows in the live feed, polled from A's units.
    node_ok(a, &["eval", "q", &format!("Send({{Target = '{far}', Action = 'Hello', Data = 'hi'}})")]);
    repl.expect("New Message From");
    repl.expect("Action = Hello");
    // .load evaluates a file (with its local requires) in the remote process.
    std::fs::write(b.join("helper.lua"), "return { seven = function() return 7 end }").unwrap();
    std::fs::write(b.join("main.lua"), "local helper = require('helper')\nLoaded = helper.seven()").unwrap();
    repl.line(".load main.lua");
    repl.prompt();
    repl.line("return Loaded * 6");
    repl.expect_output("42");
    repl.line(".dryrun");
    repl.prompt();
    // (A spawn in HyperBEAM's form lands in aos's Inbox too.)
    repl.line("return #Inbox");
    repl.expect_output("2");
    repl.line(".inbox");
    let inbox = repl.prompt();
    assert!(inbox.contains("2 messages in the Inbox") && inbox.contains("Hello"), "{inbox:?}");
    repl.ctrl('d');
    assert_eq!(repl.exit_code(), 0);
    let messages = crate::support::node_json(a, &["list"]);
    let far = messages.as_array().unwrap().iter().find(|p| p["process"] == far.as_str()).unwrap();
    assert_eq!(far["messages"], 6, "the .load and the line after it are messages; the dry run kept nothing");
}

#[test]
fn completion_offers_globals_fields_and_dot_commands() {
    let home = node_home();
    let home = home.path();
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line("Zebra = { stripes = 40 }");
    repl.prompt();
    repl.type_keys("return Zeb\t");
    repl.expect("return Zebra");
    repl.type_keys(".str\t");
    repl.expect("return Zebra.stripes");
    repl.session.send("\r").unwrap();
    repl.expect_output("40");
    repl.type_keys(".dry\t");
    repl.expect(".dryrun");
    repl.interrupt();
    repl.ctrl('d');
    assert_eq!(repl.exit_code(), 0);
}

#[test]
fn the_editor_collects_lines_until_done() {
    let home = node_home();
    let home = home.path();
    let mut repl = Repl::start(home, "never", &["repl", "p"]);
    repl.line(".editor");
    repl.expect("... ");
    repl.line("local t = {}");
    repl.line("for i = 1, 3 do t[#t + 1] = i * i end");
    repl.line("oops");
    repl.line(".delete");
    repl.line("return table.concat(t, ',')");
    repl.line(".done");
    repl.expect_output("1,4,9");
    repl.line(".editor");
    repl.line("error('never sent')");
    repl.line(".cancel");
    repl.line("return 'after'");
    let before = repl.expect_output("after");
    assert!(!before.contains("error:"), "{before:?}");

    // Lines typed (or pasted) ahead, while the previous one is evaluated, are all kept.
    repl.session.send("Ahead = 1\rAhead = Ahead + 1\rreturn Ahead * 10\r").unwrap();
    repl.expect_output("20");
    repl.line(".exit");
    assert_eq!(repl.exit_code(), 0);
}

/// `ao repl` with standard input not a terminal.
fn piped(home: &Path, args: &[&str], input: &str) -> std::process::Output {
    crate::support::piped(node_command(home, args), input)
}

#[test]
fn piped_input_is_evaluated_chunk_by_chunk_without_prompts() {
    let home = node_home();
    let home = home.path();
    let out = piped(
        home,
        &["repl", "p"],
        "return 1\nfunction inc(n)\n  return n + 1\nend\n\nreturn inc(1)\nprint('x') print('y')\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "1\n2\nx\ny\n");

    // An error: on stderr with its line; the other chunks still run; exit 1.
    let out = piped(home, &["repl", "p"], "return inc(2)\nlocal a =\n  nothing()\nreturn 'went on'\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "3\nwent on\n");
    let err = stderr(&out);
    assert!(err.contains("error: line 2: attempt to call a nil value (global 'nothing')"), "{err}");
    assert!(err.contains("2 |   nothing()"), "{err}");

    // `ao` alone is the REPL on the process named `default`, spawned if new.
    let out = piped(home, &[], "return Name\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "default\n");
    assert!(stderr(&out).contains("spawned a new process \"default\""), "{}", stderr(&out));

    // Dot-commands work in a script too; an unfinished chunk at the end is an error.
    let script = "Count = 1\n.dryrun\nCount = 5 return Count\n.dryrun\nreturn Count\nreturn {\n";
    let out = piped(home, &["repl", "p"], script);
    assert_eq!(out.status.code(), Some(1));
    let on = "dry-run mode on: evaluations change nothing and are not kept (.dryrun again to leave)";
    assert_eq!(stdout(&out), format!("{on}\n5\ndry-run mode off\n1\n"));
    assert!(stderr(&out).contains("near <eof>"), "{}", stderr(&out));
    // A dot-command that cannot be done counts as a failure of the script, said as such.
    let out = piped(
        home,
        &["repl", "p"],
        ".live
return 2
",
    );
    assert_eq!((out.status.code(), stdout(&out)), (Some(1), "2\n".to_string()));
    assert_eq!(stderr(&out), "error: there is no live feed here\nerror: 1 of 2 evaluations and commands failed\n");
}

#[test]
fn bad_usage_is_one_error_line_and_exit_2() {
    let home = node_home();
    let home = home.path();
    let unknown = "A".repeat(43);
    let out = piped(home, &["repl", &unknown], "return 1\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).starts_with(&format!("error: no process \"{unknown}\"\n")), "{}", stderr(&out));
    let out = piped(home, &["--json", "repl", "p"], "return 1\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: the REPL prints text, not JSON\n"), "{}", stderr(&out));
    let out = piped(home, &["repl", "p", "extra"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error: unexpected argument"), "{}", stderr(&out));
}

#[test]
fn cron_ticks_print_in_the_live_feed_with_no_other_command_running() {
    let home = node_home();
    let home = home.path();
    node_ok(home, &["spawn", "clock", "--cron", "1-second"]);
    let mut repl = Repl::start(home, "never", &["repl", "clock"]);
    repl.line(r#"Handlers.add("tick", "Cron", function(msg) print("tick at " .. msg.Timestamp) end)"#);
    repl.prompt();
    repl.type_keys("return 'half");
    // The feed itself evaluates the ticks as they fall due, and draws the half-typed line again.
    repl.expect("tick at ");
    repl.expect("tick at ");
    repl.expect("> return 'half");
    repl.line("way'");
    repl.expect_output("halfway");
    repl.ctrl('d');
    repl.session.expect(Eof).expect("ao leaves");
}
