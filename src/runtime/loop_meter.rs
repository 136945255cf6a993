//! ao's deterministic `Compute-Limit` for modules without a meter of their own (ao's module and
//! the network's formats that have none), injected at load: a mutable i64 global, exported as
//! [`EXPORT`], that every loop header and the entry of every function that calls another take a
//! step's cost from, trapping (`unreachable`) when it falls below zero. A step costs the operators
//! it stands for, up to [`MAX_STEP`]: a loop iteration, those of the loop's body (less its inner
//! loops'); a call, those of the function's body outside its loops.
//!
//! Why it bounds every evaluation: code that runs forever either iterates a loop forever (each
//! iteration passes a header) or makes calls forever, and a function that makes more than a fixed
//! number of calls does so in a loop; functions without loops or calls run a bounded stretch of
//! straight-line code. What it costs: a load, a subtraction, a store and a never-taken branch per
//! iteration or call, and no call on any path, so a leaf function stays a leaf. Wasmtime's own fuel
//! counted every instruction, kept the count in memory around every call and made each function's
//! out-of-fuel path a call: +20-25% on the published Lua interpreters, against ~+10% for this.
//!
//! So `Compute-Limit` keeps its scale, "about one unit per wasm instruction", without counting each
//! one: a small loop's iteration runs about its body, and a big body (an interpreter's dispatch
//! loop, a switch over every opcode) runs a small part of itself, which [`MAX_STEP`] stands for:
//! the published interpreters run 50-80 instructions per iteration or call (measured: wasmtime
//! fuel 5-14 per nanosecond, 0.10-0.18 steps per nanosecond). The host sets the global to a
//! message's limit before `handle` and reads what is left after it (`instance.rs`); start-up runs
//! under the cap.
use wasm_encoder::{BlockType, ConstExpr, Encode, ExportKind, GlobalType, Instruction, RawSection, ValType};
use wasmparser::{BinaryReader, FunctionBody, Operator, Parser, Payload, TypeRef};

use super::error::RuntimeError;

/// The name the meter's global is exported under.
pub(crate) const EXPORT: &str = "ao_meter";

/// The most `Compute-Limit` units one loop iteration or one call into a calling function costs.
pub(crate) const MAX_STEP: u32 = 64;

/// Changes whenever the rewrite does, so that compiled modules cached by an older one are not used
/// (`cache.rs` keys them by it).
pub(crate) const REVISION: u32 = 1;

/// Section ids the global section must come before, and the export section.
const AFTER_GLOBALS: [u8; 6] = [7, 8, 9, 12, 10, 11];
const AFTER_EXPORTS: [u8; 5] = [8, 9, 12, 10, 11];
const GLOBAL_SECTION: u8 = 6;
const EXPORT_SECTION: u8 = 7;
const CODE_SECTION: u8 = 10;

/// `wasm` with the meter injected; its global starts at `start` (the budget of start-up code).
pub(crate) fn inject(wasm: &[u8], start: u64) -> Result<Vec<u8>, RuntimeError> {
    inject_checked(wasm, start).map_err(|e| RuntimeError::InvalidModule(e.to_string()))
}

fn inject_checked(wasm: &[u8], start: u64) -> Result<Vec<u8>, String> {
    let shape = Shape::read(wasm).map_err(|e| e.to_string())?;
    if shape.exports_meter {
        return Err(format!("the module exports `{EXPORT}`, the name ao's meter takes"));
    }
    let meter = shape.imported_globals + shape.defined_globals;
    let global = {
        let mut entry = Vec::new();
        GlobalType { val_type: ValType::I64, mutable: true, shared: false }.encode(&mut entry);
        ConstExpr::i64_const(i64::try_from(start).unwrap_or(i64::MAX)).encode(&mut entry);
        entry
    };
    let export = {
        let mut entry = Vec::new();
        EXPORT.encode(&mut entry);
        ExportKind::Global.encode(&mut entry);
        meter.encode(&mut entry);
        entry
    };

    let mut module = wasm_encoder::Module::new();
    let mut write = |id: u8, data: &[u8]| {
        module.section(&RawSection { id, data });
    };
    let (mut need_globals, mut need_exports) = (!shape.has_globals, !shape.has_exports);
    let mut code: Option<(u32, Vec<u8>)> = None;
    let mut body = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| e.to_string())?;
        if let Some((id, _)) = payload.as_section() {
            if need_globals && AFTER_GLOBALS.contains(&id) {
                write(GLOBAL_SECTION, &appended(&[], 0, &global));
                need_globals = false;
            }
            if need_exports && AFTER_EXPORTS.contains(&id) {
                write(EXPORT_SECTION, &appended(&[], 0, &export));
                need_exports = false;
            }
        }
        match payload {
            Payload::Version { .. } | Payload::End(_) => {}
            Payload::GlobalSection(reader) => {
                write(GLOBAL_SECTION, &appended_to(wasm, reader.range(), &global).map_err(|e| e.to_string())?)
            }
            Payload::ExportSection(reader) => {
                write(EXPORT_SECTION, &appended_to(wasm, reader.range(), &export).map_err(|e| e.to_string())?)
            }
            Payload::CodeSectionStart { count, .. } => {
                let mut section = Vec::new();
                count.encode(&mut section);
                if count == 0 {
                    write(CODE_SECTION, &section);
                } else {
                    code = Some((count, section));
                }
            }
            Payload::CodeSectionEntry(function) => {
                let (left, section) = code.as_mut().ok_or("a function body outside the code section")?;
                body.clear();
                metered_body(wasm, &function, meter, &mut body).map_err(|e| e.to_string())?;
                body.len().encode(&mut *section);
                section.extend_from_slice(&body);
                *left -= 1;
                if *left == 0 {
                    let (_, section) = code.take().expect("the section being written");
                    write(CODE_SECTION, &section);
                }
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    write(id, &wasm[range]);
                }
            }
        }
    }
    if need_globals {
        write(GLOBAL_SECTION, &appended(&[], 0, &global));
    }
    if need_exports {
        write(EXPORT_SECTION, &appended(&[], 0, &export));
    }
    Ok(module.finish())
}

/// What the rewrite needs to know before it starts.
#[derive(Default)]
struct Shape {
    imported_globals: u32,
    defined_globals: u32,
    has_globals: bool,
    has_exports: bool,
    exports_meter: bool,
}

impl Shape {
    fn read(wasm: &[u8]) -> wasmparser::Result<Shape> {
        let mut shape = Shape::default();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        if matches!(import?.ty, TypeRef::Global(_)) {
                            shape.imported_globals += 1;
                        }
                    }
                }
                Payload::GlobalSection(reader) => {
                    shape.has_globals = true;
                    shape.defined_globals = reader.count();
                }
                Payload::ExportSection(reader) => {
                    shape.has_exports = true;
                    for export in reader {
                        shape.exports_meter |= export?.name == EXPORT;
                    }
                }
                Payload::CodeSectionStart { .. } => break,
                _ => {}
            }
        }
        Ok(shape)
    }
}

/// A vector section's contents (`count` entries in `entries`) with `entry` added at the end.
fn appended(entries: &[u8], count: u32, entry: &[u8]) -> Vec<u8> {
    let mut section = Vec::with_capacity(entries.len() + entry.len() + 5);
    (count + 1).encode(&mut section);
    section.extend_from_slice(entries);
    section.extend_from_slice(entry);
    section
}

/// The vector section at `range` of `wasm` with `entry` added at the end.
fn appended_to(wasm: &[u8], range: std::ops::Range<usize>, entry: &[u8]) -> wasmparser::Result<Vec<u8>> {
    let mut reader = BinaryReader::new(&wasm[range.clone()], range.start);
    let count = reader.read_var_u32()?;
    Ok(appended(&wasm[reader.original_position()..range.end], count, entry))
}

/// `meter -= cost; if meter < 0 { unreachable }`.
fn check(meter: u32, cost: u32, out: &mut Vec<u8>) {
    for instruction in [
        Instruction::GlobalGet(meter),
        Instruction::I64Const(i64::from(cost.clamp(1, MAX_STEP))),
        Instruction::I64Sub,
        Instruction::GlobalSet(meter),
        Instruction::GlobalGet(meter),
        Instruction::I64Const(0),
        Instruction::I64LtS,
        Instruction::If(BlockType::Empty),
        Instruction::Unreachable,
        Instruction::End,
    ] {
        instruction.encode(out);
    }
}

/// The function's body with a check at its entry (when it calls) and after every `loop`.
fn metered_body(wasm: &[u8], function: &FunctionBody, meter: u32, out: &mut Vec<u8>) -> wasmparser::Result<()> {
    let mut operators = function.get_operators_reader()?;
    let code_start = operators.original_position();
    // Each loop: where its body starts, and its operators (each counts for the innermost loop
    // around it, or else for the function).
    let mut loops: Vec<(usize, u32)> = Vec::new();
    let mut outside_loops = 0u32;
    let mut calls = false;
    // The blocks open at each point: `Some(i)` for `loops[i]`, `None` for the others.
    let mut open: Vec<Option<usize>> = Vec::new();
    while !operators.eof() {
        let operator = operators.read()?;
        match open.iter().rev().find_map(|block| *block) {
            Some(i) => loops[i].1 = loops[i].1.saturating_add(1),
            None => outside_loops = outside_loops.saturating_add(1),
        }
        match operator {
            Operator::Loop { .. } => {
                open.push(Some(loops.len()));
                loops.push((operators.original_position(), 0));
            }
            Operator::Block { .. } | Operator::If { .. } | Operator::TryTable { .. } | Operator::Try { .. } => {
                open.push(None)
            }
            Operator::End | Operator::Delegate { .. } => {
                open.pop();
            }
            Operator::Call { .. }
            | Operator::CallIndirect { .. }
            | Operator::CallRef { .. }
            | Operator::ReturnCall { .. }
            | Operator::ReturnCallIndirect { .. }
            | Operator::ReturnCallRef { .. } => calls = true,
            _ => {}
        }
    }
    let range = function.range();
    out.extend_from_slice(&wasm[range.start..code_start]);
    if calls {
        check(meter, outside_loops, out);
    }
    let mut copied = code_start;
    for (at, cost) in loops {
        out.extend_from_slice(&wasm[copied..at]);
        check(meter, cost, out);
        copied = at;
    }
    out.extend_from_slice(&wasm[copied..range.end]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::{Config, Engine, Instance, Module, Store, Trap, Val};

    const STEP: i64 = MAX_STEP as i64;

    fn run(wat: &str, limit: i64, arg: i32) -> (Result<i32, Trap>, i64) {
        let wasm = inject(&wat::parse_str(wat).unwrap(), u64::MAX).unwrap();
        let engine = Engine::new(&Config::new()).unwrap();
        let module = Module::new(&engine, &wasm).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Instance::new(&mut store, &module, &[]).unwrap();
        let meter = instance.get_global(&mut store, EXPORT).unwrap();
        meter.set(&mut store, Val::I64(limit)).unwrap();
        let run = instance.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
        let result = run.call(&mut store, arg).map_err(|e| *e.downcast_ref::<Trap>().unwrap());
        (result, meter.get(&mut store).unwrap_i64())
    }

    const COUNT: &str = r#"(module
        (global $g (mut i32) (i32.const 7))
        (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
        (func (export "run") (param $n i32) (result i32) (local $i i32)
            (block $done (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $i (call $leaf (local.get $i)))
                (br $next)))
            (local.get $i)))"#;

    /// `run`'s entry costs its 5 operators outside the loop (`block`, `loop`, and after it `end`,
    /// `local.get`, `end`), each pass through the loop's header the 9 of its body.
    fn count_cost(n: i64) -> i64 {
        5 + (n + 1) * 9
    }

    #[test]
    fn loop_iterations_and_calling_entries_cost_their_operators_and_leaves_nothing() {
        assert_eq!(run(COUNT, 1_000_000, 10), (Ok(10), 1_000_000 - count_cost(10)));
        assert_eq!(run(COUNT, 1_000_000, 0), (Ok(0), 1_000_000 - count_cost(0)));
    }

    #[test]
    fn running_out_traps_at_the_same_place_every_time() {
        let first = run(COUNT, 1000, 1_000_000);
        // 1000 - 5 - 110 * 9 = 5 left before the 111th pass.
        assert_eq!(first, (Err(Trap::UnreachableCodeReached), 5 - 9));
        assert_eq!(run(COUNT, 1000, 1_000_000), first);
        // Exactly enough is enough.
        assert_eq!(run(COUNT, count_cost(10), 10), (Ok(10), 0));
        assert_eq!(run(COUNT, count_cost(10) - 1, 10).0, Err(Trap::UnreachableCodeReached));
    }

    #[test]
    fn a_step_costs_at_most_max_step() {
        let body = "(drop (i32.const 1))".repeat(100);
        let wat = format!(
            r#"(module (func (export "run") (param i32) (result i32)
                (loop $again {body} (br_if $again (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (local.get 0)))"#
        );
        assert_eq!(run(&wat, 1_000_000, 10), (Ok(0), 1_000_000 - 10 * STEP));
    }

    #[test]
    fn endless_recursion_is_metered_at_function_entries() {
        // Each entry costs 3 (`local.get`, `call`, `end`).
        let wat = r#"(module (func $f (export "run") (param i32) (result i32) (call $f (local.get 0))))"#;
        assert_eq!(run(wat, 3000, 0), (Err(Trap::UnreachableCodeReached), -3));
    }

    #[test]
    fn imported_globals_and_modules_without_globals_or_exports_are_handled() {
        let imported = r#"(module
            (import "env" "g" (global i32))
            (func (export "run") (param i32) (result i32) (loop) (local.get 0)))"#;
        let wasm = inject(&wat::parse_str(imported).unwrap(), 5).unwrap();
        let exports: Vec<_> = Parser::new(0)
            .parse_all(&wasm)
            .filter_map(|payload| match payload.unwrap() {
                Payload::ExportSection(reader) => Some(reader.into_iter().map(|e| e.unwrap()).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .map(|export| (export.name.to_string(), export.index))
            .collect();
        assert_eq!(exports, [("run".to_string(), 0), (EXPORT.to_string(), 1)]);
        wasmparser::validate(&wasm).unwrap();

        let bare = wat::parse_str("(module (func (loop)))").unwrap();
        wasmparser::validate(&inject(&bare, 5).unwrap()).unwrap();
    }

    #[test]
    fn a_module_that_exports_the_meters_name_is_refused() {
        let wasm = wat::parse_str(r#"(module (global (export "ao_meter") i32 (i32.const 0)))"#).unwrap();
        let error = inject(&wasm, 5).unwrap_err().to_string();
        assert!(error.contains("exports `ao_meter`, the name ao's meter takes"), "{error}");
    }
}
