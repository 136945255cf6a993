//! aos's habits through the `ao` binary: `ao NAME` opens the REPL on NAME; `ao repl` and `ao
//! spawn` take aos's flags (`--load`, `--run`, `--cron`, `--tag-name`/`--tag-value`, `--data`,
//! `--module`, `--watch`, `--list`); the REPL's `.pad` and `.monitor`; and text output a person
//! can read: what a result sends with its tags and data, what a chunk printed before its error, a
//! `.receive()` continuation's output.
use std::io::BufRead;
use std::path::Path;
use std::process::Stdio;

use crate::support::{node_ao as ao, node_command, node_home, node_ok as ok, piped, stderr, stdout, wallet};

fn repl(home: &Path, args: &[&str], input: &str) -> std::process::Output {
    piped(node_command(home, args), input)
}

#[test]
fn ao_name_opens_the_repl_and_aos_spawn_flags_shape_a_new_process() {
    let home = node_home();
    let home = home.path();
    std::fs::write(home.join("lib.lua"), "Color = 'green'\nreturn 'loaded'\n").unwrap();
    let args = [
        "n1",
        "--tag-name",
        "Flavor",
        "--tag-value",
        "mint",
        "--cron",
        "1-minute",
        "--data",
        "hello",
        "--load",
        "lib.lua",
    ];
    let out = repl(home, &args, "return Color .. ' ' .. ao.env.Process.Tags.Flavor\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "loaded\ngreen mint\n");
    assert!(stderr(&out).contains("spawned a new process \"n1\""), "{}", stderr(&out));
    assert!(stderr(&out).contains("(not a command: `ao --help` lists them)"), "{}", stderr(&out));
    assert_eq!(ok(home, &["eval", "n1", "return ao.env.Process.Tags['Cron-Interval']"]), "1-minute");
    assert_eq!(ok(home, &["eval", "n1", "return Inbox[1].Data"]), "hello");

    // --run evaluates and exits; an existing process is not spawned again, and says the spawn
    // options are for new ones.
    let out = ao(home, &["repl", "n1", "--run", "return 6 * 7", "--cron", "5-minutes"]);
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), "42\n".to_string()), "{}", stderr(&out));
    assert!(stderr(&out).contains("the process exists: --module, --cron, --tag, --data are for new processes"));
    let out = ao(home, &["n1", "--run", "print('before') error('boom')"]);
    assert_eq!(
        (out.status.code(), stdout(&out), stderr(&out)),
        (Some(1), "before\n".into(), "error: line 1: boom\n".into())
    );

    // --list is `ao list`; tag names and values come in pairs.
    let listed = stdout(&ao(home, &["repl", "--list"]));
    assert!(listed.contains("n1") && listed.starts_with("NAME"), "{listed}");
    let out = ao(home, &["repl", "n2", "--tag-name", "X", "--run", "return 1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: --tag-name and --tag-value come in pairs (each name, then its value)\n");
    let out = ao(home, &["n3", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: unexpected argument '--no-such-flag' found"), "{}", stderr(&out));
    // What every command takes may come after NAME, as `aos NAME --wallet W`.
    let mut command = node_command(home, &[]);
    command.args(["n1", "-q", "--wallet", wallet().path.to_str().unwrap(), "--run", "return 'after'"]);
    let out = command.output().unwrap();
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), "after\n".to_string()), "{}", stderr(&out));

    // A name like a command is not spawned by `ao NAME`, but a process of that name opens.
    let out = ao(home, &["sned", "--run", "return 1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: \"sned\" is not a command, nor a process here; did you mean `ao send`?"));
    ok(home, &["spawn", "sned"]);
    assert_eq!(ok(home, &["sned", "--run", "return 7"]), "7");

    // ao spawn takes the same flags, and evaluates after spawning.
    let out = ao(
        home,
        &["spawn", "s1", "--tag-name", "Flavor", "--tag-value", "lime", "--load", "lib.lua", "--run", "return Color"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!((lines.len(), lines[0].len()), (3, 43), "{lines:?}");
    assert_eq!(&lines[1..], ["loaded", "green"]);
    assert_eq!(ok(home, &["eval", "s1", "return ao.env.Process.Tags.Flavor"]), "lime");
    let out = ao(home, &["--json", "spawn", "s2", "--run", "return 1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: --json prints one document"), "{}", stderr(&out));
}

/// The loader decodes a process's `env` once and hands every message the same table (README,
/// "Differences from aos"): its tags stay readable both ways over many messages and across
/// commands (each restores the process), and a change to it stays, as documented.
#[test]
fn ao_env_is_decoded_once_and_stays_right_across_messages_and_commands() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "e", "--tag-name", "Flavor", "--tag-value", "mint"]);
    let describe = "local listed for _, t in ipairs(ao.env.Process.TagArray) do if t.name == 'Flavor' then listed = t.value end end \
        return ao.env.Process.Tags.Flavor .. ' ' .. listed .. ' ' .. tostring(ao.env.Process.Id == ao.id) .. ' ' \
        .. tostring(ao.env.Module.Id == ao._module) .. ' ' .. tostring(ao.env.Marker)";
    assert_eq!(ok(home, &["eval", "e", describe]), "mint mint true true nil");
    ok(home, &["eval", "e", "Ticks = 0 Handlers.add('tick', 'Tick', function() Ticks = Ticks + 1 end)"]);
    ok(home, &["eval", "e", "for i = 1, 20 do Send({Target = ao.id, Action = 'Tick'}) end ao.env.Marker = 'kept'"]);
    assert_eq!(ok(home, &["eval", "e", "return Ticks"]), "20");
    assert_eq!(ok(home, &["eval", "e", describe]), "mint mint true true kept");
    // A dry run's change is thrown away with the rest of it.
    assert_eq!(ok(home, &["eval", "e", "--slot", "1", "ao.env.Marker = 'dry' return ao.env.Marker"]), "dry");
    assert_eq!(ok(home, &["eval", "e", "return ao.env.Marker"]), "kept");
}

#[test]
fn watch_follows_what_another_process_prints() {
    let home = node_home();
    let home = home.path();
    ok(home, &["spawn", "w"]);
    ok(home, &["eval", "w", "print('first words')"]);
    let mut child =
        node_command(home, &["repl", "--watch", "w"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let seen = lines.by_ref().map_while(Result::ok).find(|line| line.contains("first words"));
    ok(home, &["eval", "w", "print('later words')"]);
    let later = lines.by_ref().map_while(Result::ok).find(|line| line.contains("later words"));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(seen.is_some() && later.is_some(), "--watch printed what w printed, as it happened");
}

#[test]
fn pad_evaluates_what_the_editor_wrote_and_monitor_explains_itself() {
    let home = node_home();
    let home = home.path();
    let editor = home.join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'local n = 6\\nreturn n * 7\\n' > \"$1\"\n").unwrap();
    let mut permissions = std::fs::metadata(&editor).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&editor, permissions).unwrap();
    let mut command = node_command(home, &["repl", "p"]);
    command.env("EDITOR", &editor).env_remove("VISUAL");
    let out = piped(command, ".pad\n.monitor\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("42\ncron ticks of processes here are evaluated by ao itself"), "{text}");

    let mut command = node_command(home, &["repl", "p"]);
    command.env("EDITOR", "false").env_remove("VISUAL");
    let out = piped(command, ".pad\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error: the editor \"false\" failed"), "{}", stderr(&out));
}

#[test]
fn text_output_shows_what_a_result_sends_and_what_came_before_an_error() {
    let home = node_home();
    let home = home.path();
    let me = wallet().wallet.address();
    ok(home, &["spawn", "t"]);
    let handler = "Handlers.add('Balance', 'Balance', function(m) m.reply({ Action = 'Balance-Notice', Balance = '100', \
                   Ticker = 'TOKEN', Note = 'two words', Data = '100' }) end)";
    ok(home, &["eval", "t", handler]);
    let out = ao(home, &["send", "t", "-a", "Balance"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (id, rest) = text.split_once('\n').unwrap();
    assert_eq!(id.len(), 43, "the message's id first: {text}");
    assert_eq!(
        rest,
        format!("→ sent Balance-Notice to {me}\n    Balance=100 Ticker=TOKEN Note=\"two words\"\n    Data: 100\n")
    );

    // What the chunk printed before failing comes first, on stdout.
    let out = ao(home, &["eval", "t", "print('before') error('boom')"]);
    assert_eq!(
        (out.status.code(), stdout(&out), stderr(&out)),
        (Some(1), "before\n".into(), "error: line 1: boom\n".into())
    );

    // A `.receive()` continuation whose reply comes in the same command shows its output.
    ok(home, &["spawn", "echo"]);
    ok(home, &["eval", "echo", "Handlers.add('Ask', 'Ask', function(m) m.reply({ Data = 'pong' }) end)"]);
    let echo = ok(home, &["eval", "echo", "return ao.id"]);
    let ask =
        format!("local reply = Send({{ Target = '{echo}', Action = 'Ask' }}).receive() print('got ' .. reply.Data)");
    let out = ao(home, &["eval", "t", &ask]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("got pong\n"), "{}", stdout(&out));
    let out = repl(home, &["repl", "t"], &format!("{ask}\n"));
    assert!(stdout(&out).ends_with("got pong\n"), "{}", stdout(&out));
}
