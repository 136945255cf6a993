//! A bundled Lua file runs in a real process, and the process's errors map back to file and line.
use ao::lua_bundle::{LuaBundle, Origin};
use ao::runtime::{EvalError, Limits};

use crate::support::{boot, eval, eval_ok};

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn a_bundle_runs_with_its_modules_loaded() {
    let dir = project(&[
        (
            "main.lua",
            "local greet = require('lib.greet')\r\nlocal json = require(\"json\")\r\nreturn greet.hello('ao') .. json.encode({n = greet.count})",
        ),
        (
            "lib/greet.lua",
            "local words = require 'lib.words'\nlocal M = { count = 0 }\nfunction M.hello(name)\n  M.count = M.count + 1\n  return words.hi .. ', ' .. name\nend\nreturn M -- no newline",
        ),
        ("lib/words.lua", "return { hi = 'hello' }\n"),
    ]);
    let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
    let mut process = boot(Limits::default());
    assert_eq!(eval_ok(&mut process, bundle.code()), "hello, ao{\"n\":1}");
    assert_eq!(
        eval_ok(&mut process, "return package.loaded['lib.greet'].count .. package.loaded['lib.words'].hi"),
        "1hello"
    );
}

#[test]
fn errors_map_back_to_the_file_and_line() {
    let dir = project(&[
        ("main.lua", "local m = require('m')\nreturn m.fail()\n"),
        ("m.lua", "local M = {}\n\nfunction M.fail()\n  error('boom')\nend\nreturn M\n"),
        ("bad.lua", "local m = require('m')\nlocal b = require('broken')\n"),
        ("broken.lua", "local x = 1\nlocal y = x * * 2\nreturn y\n"),
    ]);
    let mut process = boot(Limits::default());
    let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
    let Err(EvalError::Process { error, .. }) = eval(&mut process, bundle.code()).outcome else {
        panic!("the eval fails")
    };
    let error = error.as_str().unwrap();
    let m = Origin { path: dir.path().join("m.lua"), line: 4, text: "  error('boom')".into() };
    assert_eq!(bundle.error_origin(error), Some(m), "{error}");

    // A required file that does not compile is named at its own line before anything runs.
    let error = LuaBundle::load(&dir.path().join("bad.lua")).unwrap_err();
    let broken = dir.path().join("broken.lua");
    assert_eq!(error.to_string(), format!("{}:2: unexpected symbol near '*'", broken.display()));
}
