//! Compute-Limit and Memory-Limit: a message over either fails cleanly, the process goes on.
use ao::runtime::{EvalError, Limits};

use crate::support::{boot, eval, eval_ok};

const SMALL: Limits = Limits { memory_bytes: 32 << 20, compute: 200_000_000 };

#[test]
fn an_infinite_loop_stops_at_the_compute_limit_and_the_process_keeps_working() {
    let mut p = boot(SMALL);
    eval_ok(&mut p, "x = 'before'");
    let before = p.memory_hash().unwrap();

    let looped = eval(&mut p, "x = 'during' while true do end");
    assert_eq!(looped.outcome, Err(EvalError::ComputeLimit { limit: SMALL.compute }));
    assert_eq!(looped.fuel_used, SMALL.compute);
    assert_eq!(
        looped.outcome.unwrap_err().to_string(),
        "compute limit exceeded: the message needed more than 200000000 instructions (Compute-Limit)"
    );

    assert_eq!(p.memory_hash().unwrap(), before);
    assert_eq!(eval_ok(&mut p, "return x"), "before");
}

#[test]
fn compute_limits_stop_at_the_same_instruction_every_time() {
    let limits = Limits { compute: 50_000_000, ..SMALL };
    let mut hashes = Vec::new();
    for _ in 0..2 {
        let mut p = boot(limits);
        let evaluation = eval(&mut p, "n = 0 while true do n = n + 1 end");
        assert_eq!(evaluation.outcome, Err(EvalError::ComputeLimit { limit: 50_000_000 }));
        // Same work under the same budget: an unlimited process counts to the same place.
        let counted = eval(&mut p, "local n = 0 for i = 1, 20000 do n = n + i end return n");
        assert_eq!(counted.outcome.as_ref().unwrap()["Output"]["data"], "200010000");
        hashes.push((counted.fuel_used, p.memory_hash().unwrap()));
    }
    assert_eq!(hashes[0], hashes[1]);
}

#[test]
fn a_memory_bomb_stops_at_the_memory_limit_and_the_process_keeps_working() {
    let mut p = boot(SMALL);
    eval_ok(&mut p, "x = 'before'");
    let before = p.memory_hash().unwrap();

    let bomb = "x = 'during' local mb = string.rep('x', 1 << 20) t = {} for i = 1, 1e9 do t[i] = mb .. i end";
    let failed = eval(&mut p, bomb);
    assert_eq!(failed.outcome, Err(EvalError::MemoryLimit { limit: SMALL.memory_bytes }));
    assert_eq!(
        failed.outcome.unwrap_err().to_string(),
        "memory limit exceeded: the process needed more than 33554432 bytes of memory (Memory-Limit)"
    );

    assert_eq!(p.memory_hash().unwrap(), before);
    assert!(p.memory_size().unwrap() < 8 << 20, "the rolled-back process is back to its old size");
    assert_eq!(eval_ok(&mut p, "return x"), "before");
    // It can still use memory up to the limit.
    // (8 MB in 8-byte pieces: the compute limit here is small.)
    assert_eq!(eval_ok(&mut p, "return #string.rep('yyyyyyyy', 1 << 20)"), "8388608");
}

#[test]
fn one_huge_allocation_is_a_memory_limit_error() {
    let mut p = boot(SMALL);
    let failed = eval(&mut p, "return #string.rep('x', 1 << 30)");
    assert_eq!(failed.outcome, Err(EvalError::MemoryLimit { limit: SMALL.memory_bytes }));
    assert_eq!(eval_ok(&mut p, "return 1"), "1");
}

#[test]
fn a_message_bigger_than_the_memory_limit_is_a_memory_limit_error() {
    let mut p = boot(SMALL);
    let failed = eval(&mut p, &format!("return '{}'", "z".repeat(40 << 20)));
    assert_eq!(failed.outcome, Err(EvalError::MemoryLimit { limit: SMALL.memory_bytes }));
    assert_eq!(eval_ok(&mut p, "return 2"), "2");
}

#[test]
fn booting_under_a_too_small_memory_limit_fails_clearly() {
    let error = ao::runtime::Process::boot(crate::support::aos(), Limits { memory_bytes: 64 << 10, ..SMALL })
        .err()
        .expect("a 64 KiB process cannot boot");
    assert!(error.to_string().starts_with("instantiating the process module:"), "{error}");
}

#[test]
fn an_endless_loop_ends_by_itself_under_the_default_limits() {
    let mut p = boot(Limits::default());
    eval_ok(&mut p, "x = 'before'");
    let looped = eval(&mut p, "x = 'during' while true do end");
    assert_eq!(looped.outcome, Err(EvalError::ComputeLimit { limit: Limits::DEFAULT.compute }));
    assert_eq!(eval_ok(&mut p, "return x"), "before");
}

#[test]
fn an_interrupt_abandons_an_evaluation_and_leaves_the_process_as_it_was() {
    let mut p = boot(Limits::CAPS);
    eval_ok(&mut p, "x = 'before'");
    let before = p.memory_hash().unwrap();
    let interrupt = ao::runtime::Interrupt::new();
    p.set_interrupt(Some(interrupt.clone()));
    let firing = std::thread::spawn({
        let interrupt = interrupt.clone();
        move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            interrupt.fire();
        }
    });
    // Under the caps this loop would run for a quarter of an hour.
    let looped = eval(&mut p, "x = 'during' while true do end");
    firing.join().unwrap();
    assert_eq!(looped.outcome, Err(EvalError::Interrupted));
    // A fired interrupt stops what comes next too, at once; without it the process goes on.
    assert_eq!(eval(&mut p, "return 1").outcome, Err(EvalError::Interrupted));
    p.set_interrupt(None);
    assert_eq!(p.memory_hash().unwrap(), before);
    assert_eq!(eval_ok(&mut p, "return x"), "before");
}

#[test]
fn an_interrupt_stops_only_the_processes_that_watch_it() {
    let interrupt = ao::runtime::Interrupt::new();
    let mut watched = boot(Limits::CAPS);
    watched.set_interrupt(Some(interrupt.clone()));
    let mut other = boot(Limits::CAPS);
    other.set_interrupt(Some(ao::runtime::Interrupt::new()));
    // Runs for longer than the 100 ms before the interrupt fires.
    let counting = std::thread::spawn(move || {
        let counted = eval(&mut other, "local n = 0 for i = 1, 20000000 do n = n + i end return n");
        counted.outcome.map(|response| response["Output"]["data"].clone())
    });
    let looping = std::thread::spawn(move || eval(&mut watched, "while true do end").outcome);
    std::thread::sleep(std::time::Duration::from_millis(100));
    interrupt.fire();
    assert_eq!(looping.join().unwrap(), Err(EvalError::Interrupted));
    assert_eq!(counting.join().unwrap(), Ok(serde_json::json!("200000010000000")));
}
