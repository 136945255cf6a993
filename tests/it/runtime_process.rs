//! A process on ao's module: evaluation, failed messages rolling back, snapshot and restore.
use ao::runtime::{EvalError, Limits, Process, Snapshot, aos_module_id};

use crate::support::{ENV, aos, boot, eval, eval_ok};

#[test]
fn eval_returns_prints_and_the_value() {
    let mut p = boot(Limits::default());
    assert_eq!(eval_ok(&mut p, "return 1 + 1"), "2");
    assert_eq!(eval_ok(&mut p, "print('hello', 42) return 'done'"), "hello\ndone", "aos's print takes one value");
    assert_eq!(eval_ok(&mut p, "return require('json').encode({a = {1, 2, 3}})"), r#"{"a":[1,2,3]}"#);
}

#[test]
fn a_lua_error_leaves_state_as_it_was() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "x = 1");
    let before = p.memory_hash().unwrap();

    let failed = eval(&mut p, "x = 2; error('x')");
    match failed.outcome {
        Err(EvalError::Process { error, .. }) => {
            assert!(error.as_str().unwrap().ends_with("[string \"aos\"]:1: x"), "{error}")
        }
        other => panic!("expected a process error, got {other:?}"),
    }
    assert_eq!(p.memory_hash().unwrap(), before, "memory is exactly as before the failed message");
    assert_eq!(eval_ok(&mut p, "return x"), "1");
}

#[test]
fn a_syntax_error_is_an_evaluation_error() {
    let mut p = boot(Limits::default());
    let failed = eval(&mut p, "x = = 1");
    assert!(matches!(failed.outcome, Err(EvalError::Process { .. })), "{failed:?}");
    assert!(failed.outcome.unwrap_err().to_string().contains("unexpected symbol near '='"));
}

#[test]
fn a_message_that_is_not_json_is_an_evaluation_error() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "x = 7");
    let failed = p.handle("{\"Tags\": [", ENV).unwrap();
    let message = failed.outcome.unwrap_err().to_string();
    assert!(message.ends_with("unexpected character '' at line 1 col 11"), "{message}");
    assert_eq!(eval_ok(&mut p, "return x"), "7");
}

#[test]
fn three_hundred_nested_gsub_callbacks_end_in_a_lua_error_not_a_crash() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "x = 'kept'");
    let code = "local function f(n) if n == 0 then return '' end \
                return (string.gsub('a', 'a', function() return f(n - 1) end)) end \
                return f(300)";
    let failed = eval(&mut p, code);
    match failed.outcome {
        Err(EvalError::Process { error, .. }) => {
            assert!(error.as_str().unwrap().ends_with("C stack overflow"), "{error}")
        }
        other => panic!("expected Lua's C stack overflow error, got {other:?}"),
    }
    assert_eq!(eval_ok(&mut p, "return x"), "kept");
    // 150 levels are within Lua's limit and work.
    assert_eq!(eval_ok(&mut p, &code.replace("f(300)", "#f(150)")), "0");
}

#[test]
fn exiting_the_process_is_a_trap_and_the_process_keeps_working() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "x = 3");
    let failed = eval(&mut p, "os.exit(3)");
    assert_eq!(failed.outcome, Err(EvalError::Trap { message: "the module called proc_exit(3)".into() }));
    assert_eq!(eval_ok(&mut p, "return x"), "3");
}

#[test]
fn snapshot_restore_continue_gives_the_same_state_as_never_restoring() {
    let steps: Vec<String> =
        (0..40).map(|i| format!("t = t or {{}}; t[#t + 1] = string.rep('ab', {i}) .. {i}")).collect();

    let mut straight = boot(Limits::default());
    for step in &steps {
        eval_ok(&mut straight, step);
    }

    let mut first = boot(Limits::default());
    for step in &steps[..25] {
        eval_ok(&mut first, step);
    }
    let snapshot = first.snapshot().unwrap();
    drop(first);
    let mut restored = Process::restore(aos(), Limits::default(), snapshot.clone()).unwrap();
    assert_eq!(restored.memory_hash().unwrap(), snapshot.memory_hash());
    for step in &steps[25..] {
        eval_ok(&mut restored, step);
    }

    assert_eq!(restored.memory_hash().unwrap(), straight.memory_hash().unwrap());
    assert_eq!(
        eval_ok(&mut restored, "return #t .. ':' .. t[40]"),
        eval_ok(&mut straight, "return #t .. ':' .. t[40]")
    );
}

#[test]
fn a_snapshot_saved_as_bytes_restores() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "answer = 42");
    let bytes = p.snapshot().unwrap().to_bytes();
    let mut restored =
        Process::restore(aos(), Limits::default(), Snapshot::from_memory(aos_module_id(), bytes)).unwrap();
    assert_eq!(eval_ok(&mut restored, "return answer"), "42");
}

#[test]
fn restore_rejects_snapshots_that_do_not_fit() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "big = string.rep('x', 4 << 20)");
    let memory = p.snapshot().unwrap().to_bytes();

    let foreign = Snapshot::from_memory(ao::protocol::Id([7; 32]), memory.clone());
    let error = Process::restore(aos(), Limits::default(), foreign).err().expect("foreign snapshot refused");
    assert!(error.to_string().contains("belongs to module"), "{error}");

    let too_big = Limits { memory_bytes: 2 << 20, ..Limits::default() };
    let error = Process::restore(aos(), too_big, Snapshot::from_memory(aos_module_id(), memory.clone())).err().unwrap();
    assert!(error.to_string().contains("over the memory limit"), "{error}");

    let ragged = Snapshot::from_memory(aos_module_id(), &memory[..memory.len() - 100]);
    let error = Process::restore(aos(), Limits::default(), ragged).err().unwrap();
    assert!(error.to_string().contains("is not a memory of this module"), "{error}");
}

#[test]
fn large_table_sorts_work() {
    // Lua randomizes sort pivots on big inputs; the module must do that without host randomness.
    let mut p = boot(Limits::default());
    let code = "local t = {} for i = 1, 5000 do t[i] = (i * 7919) % 5003 end \
                table.sort(t) return t[1] .. ',' .. t[2500] .. ',' .. t[5000]";
    assert_eq!(eval_ok(&mut p, code), "1,2501,5002");
}
