//! Determinism: the same messages from scratch give byte-identical memory; nothing of the host
//! (clock, randomness, environment, files) reaches a process; rollbacks are exact.
use ao::runtime::{EvalError, Limits, Process, Runtime, RuntimeConfig};

use crate::support::{ENV, boot, eval, eval_ok, spawn_msg};

/// Message `i` of a workload that grows tables, builds strings, uses floats and sorts.
fn workload(i: usize) -> String {
    format!(
        "counter = (counter or 0) + 1 \
         log = log or {{}} log[#log + 1] = string.format('%d:%s:%.3f', {i}, string.rep('ab', {i} % 17), {i} / 7) \
         if #log > 200 then table.remove(log, 1) end \
         words = words or {{}} words['w' .. ({i} * 31 % 97)] = {i} \
         if {i} % 100 == 0 then local keys = {{}} for k in pairs(words) do keys[#keys + 1] = k end table.sort(keys) end"
    )
}

#[test]
fn the_same_thousand_messages_from_scratch_give_identical_memory() {
    let run = || {
        let mut p = boot(Limits::default());
        let mut outputs = Vec::new();
        for i in 0..1000 {
            outputs.push(eval(&mut p, &workload(i)).outcome.expect("workload message succeeds"));
        }
        (p.memory_hash().unwrap(), outputs)
    };
    let (first_hash, first_outputs) = run();
    let (second_hash, second_outputs) = run();
    assert_eq!(first_outputs, second_outputs);
    assert_eq!(first_hash, second_hash);
}

#[test]
fn a_freshly_booted_process_is_always_the_same() {
    let a = boot(Limits::default()).memory_hash().unwrap();
    let b = boot(Limits::default()).memory_hash().unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_boot_from_the_boot_image_is_the_real_boot() {
    // The first boot of a module runs `ao_boot`; later boots restore the memory it left. A
    // process booted either way must hold the same bytes and go on identically.
    let cache = tempfile::tempdir().unwrap();
    let config = RuntimeConfig { cache_dir: Some(cache.path().to_path_buf()) };
    let runtime = Runtime::new(config).unwrap();
    let module = runtime.load_aos().unwrap();
    let mut real = Process::boot(module.clone(), Limits::default()).unwrap();
    let mut from_image = Process::boot(module, Limits::default()).unwrap();
    assert_eq!(real.memory_hash().unwrap(), from_image.memory_hash().unwrap());
    for p in [&mut real, &mut from_image] {
        let spawned = p.handle(&spawn_msg(), ENV).unwrap();
        assert!(spawned.outcome.is_ok(), "{spawned:?}");
        eval_ok(p, "counter = 41 function bump() counter = counter + 1 return counter end");
        assert_eq!(eval_ok(p, "return bump()"), "42");
    }
    assert_eq!(real.memory_hash().unwrap(), from_image.memory_hash().unwrap());
}

#[test]
fn failures_among_many_messages_roll_back_exactly() {
    // Enough messages that the process re-bases several times between failures.
    let limits = Limits { memory_bytes: 32 << 20, compute: 100_000_000 };
    let mut clean = boot(limits);
    let mut failing = boot(limits);
    for i in 0..600 {
        let heavy = format!("{} local s = 0 for k = 1, 20000 do s = s + k end", workload(i));
        eval_ok(&mut clean, &heavy);
        eval_ok(&mut failing, &heavy);
        let failure = match i % 150 {
            10 => Some(eval(&mut failing, "counter = -1 error('no')")),
            60 => Some(eval(&mut failing, "counter = -1 while true do end")),
            110 => Some(eval(
                &mut failing,
                "counter = -1 local q = string.rep('q', 1 << 20) big = {} for k = 1, 1e9 do big[k] = q .. k end",
            )),
            _ => None,
        };
        if let Some(failure) = failure {
            assert!(failure.outcome.is_err(), "message after {i} should fail");
            assert_eq!(failing.memory_hash().unwrap(), clean.memory_hash().unwrap(), "after failure at {i}");
        }
    }
    assert_eq!(eval_ok(&mut failing, "return counter"), "600");
    assert_eq!(eval_ok(&mut clean, "return counter"), "600");
    assert_eq!(failing.memory_hash().unwrap(), clean.memory_hash().unwrap());
}

#[test]
fn no_host_state_reaches_the_process() {
    let mut p = boot(Limits::default());
    // A process's clock is the message's Timestamp (as in aos), never the host's.
    assert_eq!(eval_ok(&mut p, "return os.time()"), "1700000000000");
    assert_eq!(eval_ok(&mut p, "return os.date('!%Y-%m-%d %H:%M:%S')"), "1970-01-01 00:00:00");
    assert_eq!(eval_ok(&mut p, "return tostring(os.getenv('HOME'))"), "nil");
    assert_eq!(eval_ok(&mut p, "return tostring(io.open('/etc/hostname'))"), "nil");
    assert_eq!(eval_ok(&mut p, "return tostring(io.read())"), "nil");
    // Lua's own generator is seeded the same way on every run.
    let first = eval_ok(&mut p, "return math.random(1, 1000000)");
    let mut q = boot(Limits::default());
    assert_eq!(eval_ok(&mut q, "return math.random(1, 1000000)"), first);
}

#[test]
fn writes_to_stdout_are_dropped_not_fatal() {
    let mut p = boot(Limits::default());
    assert_eq!(eval_ok(&mut p, "io.write('to nowhere\\n') io.stderr:write('also\\n') return 'ok'"), "ok");
    let failed = eval(&mut p, "return io.open('x', 'w'):write('no')");
    assert!(matches!(failed.outcome, Err(EvalError::Process { .. })));
}
