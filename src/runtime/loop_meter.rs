//! ao's deterministic `Compute-Limit` for modules without a meter of their own (ao's module and
//! the network's formats that have none), and what lets Ctrl-C stop any module: injected at load,
//! an i64 counter in a one-page memory of its own, exported as [`MEMORY`], that every loop header
//! and the entry of every function that calls another take a step's cost from, trapping
//! (`unreachable`) below zero. A step costs the operators it stands for, up to [`MAX_STEP`]: a
//! loop iteration, those of the loop's body (less its inner loops'); a call, those of the
//! function's body outside its loops. The host writes the limit there before a message and reads
//! what is left after it (`instance.rs`); to stop an evaluation from another thread it takes the
//! page's access away (`interrupt.rs`), so the next step faults and wasmtime ends the call.
//!
//! Why it bounds every evaluation: code that runs forever either iterates a loop forever (each
//! iteration passes a header) or makes calls forever, and a function that makes more than a fixed
//! number of calls does so in a loop; functions without loops or calls run a bounded stretch of
//! straight-line code. What it costs: a load, a subtraction, a store and a never-taken branch per
//! iteration or call, nothing at call sites, and no call anywhere (a call on the cold path, to
//! refill the counter from the host, cost the published interpreters 10%: functions with loops
//! stopped being leaves). Wasmtime's fuel counted every instruction and kept the count in memory
//! around every call (+20-25% on the published Lua interpreters), and its epoch checks, which
//! stopped a module from another thread, added a load and a compare at every function entry and
//! loop header (~15%).
//!
//! So `Compute-Limit` keeps its scale, "about one unit per wasm instruction", without counting each
//! one: a small loop's iteration runs about its body, and a big body (an interpreter's dispatch
//! loop, a switch over every opcode) runs a small part of itself, which [`MAX_STEP`] stands for:
//! the published interpreters run 50-80 instructions per iteration or call (measured: wasmtime
//! fuel 5-14 per nanosecond, 0.10-0.18 steps per nanosecond).
use wasm_encoder::{BlockType, Encode, ExportKind, Instruction, MemArg, RawSection};
use wasmparser::{BinaryReader, FunctionBody, Operator, Parser, Payload, TypeRef};

use super::error::RuntimeError;

/// The name the meter's memory is exported under; the counter is its first 8 bytes.
pub(crate) const MEMORY: &str = "ao_meter";

/// The name a module's `start` function is exported under instead: the host calls it once the
/// counter holds a budget (a `start` function would run before the host can write one).
pub(crate) const START: &str = "ao_meter_start";

/// The most `Compute-Limit` units one loop iteration or one call into a calling function costs.
pub(crate) const MAX_STEP: u32 = 64;

/// Changes whenever the rewrite does, so that compiled modules cached by an older one are not used
/// (`cache.rs` keys them by it).
pub(crate) const REVISION: u32 = 3;

/// Section ids in the order a module has them (the tag section, 13, sits between memory and global).
const ORDER: [u8; 13] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const MEMORY_SECTION: u8 = 5;
const EXPORT_SECTION: u8 = 7;
const CODE_SECTION: u8 = 10;

/// `wasm` with the meter injected (its counter starts at 0: the host writes the budget).
pub(crate) fn inject(wasm: &[u8]) -> Result<Vec<u8>, RuntimeError> {
    if !wasm.starts_with(b"\0asm") {
        return Err(RuntimeError::InvalidModule("not WebAssembly (it does not begin with `\\0asm`)".into()));
    }
    inject_checked(wasm).map_err(|e| RuntimeError::InvalidModule(super::concise(&e)))
}

fn inject_checked(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let shape = Shape::read(wasm).map_err(|e| e.to_string())?;
    if let Some(name) = &shape.taken_name {
        return Err(format!("the module exports `{name}`, a name ao's meter takes"));
    }
    let meter = Meter { memory: shape.imported_memories + shape.defined_memories };
    let export = |name: &str, kind: ExportKind, index: u32| {
        let mut entry = Vec::new();
        name.encode(&mut entry);
        kind.encode(&mut entry);
        index.encode(&mut entry);
        entry
    };
    let mut exports = vec![export(MEMORY, ExportKind::Memory, meter.memory)];
    exports.extend(shape.start.map(|start| export(START, ExportKind::Func, start)));
    let mut additions = [
        // `(memory 1 1)`: one page, never growing, so it never moves.
        Addition::new(MEMORY_SECTION, vec![vec![0x01, 0x01, 0x01]]),
        Addition::new(EXPORT_SECTION, exports),
    ];

    let mut module = wasm_encoder::Module::new();
    let mut code: Option<(u32, Vec<u8>)> = None;
    let mut body = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| e.to_string())?;
        if let Payload::CodeSectionEntry(function) = &payload {
            let (left, section) = code.as_mut().ok_or("a function body outside the code section")?;
            body.clear();
            meter.body(wasm, function, &mut body).map_err(|e| e.to_string())?;
            body.len().encode(&mut *section);
            section.extend_from_slice(&body);
            *left -= 1;
            if *left == 0 {
                let (_, section) = code.take().expect("the section being written");
                module.section(&RawSection { id: CODE_SECTION, data: &section });
            }
            continue;
        }
        let Some((id, range)) = payload.as_section() else { continue };
        // What is to be added in sections the module does not have and that come before this one.
        for addition in additions.iter_mut().filter(|addition| addition.comes_before(id)) {
            module.section(&RawSection { id: addition.id, data: &addition.appended_to(None)? });
        }
        match payload {
            Payload::MemorySection(_) | Payload::ExportSection(_) => {
                let addition = additions.iter_mut().find(|addition| addition.id == id).expect("an addition per id");
                module.section(&RawSection { id, data: &addition.appended_to(Some(&wasm[range.clone()]))? });
            }
            Payload::CodeSectionStart { count, .. } => {
                let mut section = Vec::new();
                count.encode(&mut section);
                if count == 0 {
                    module.section(&RawSection { id: CODE_SECTION, data: &section });
                } else {
                    code = Some((count, section));
                }
            }
            // Exported as `START` instead.
            Payload::StartSection { .. } => {}
            _ => {
                module.section(&RawSection { id, data: &wasm[range] });
            }
        }
    }
    for addition in additions.iter_mut().filter(|addition| !addition.written) {
        module.section(&RawSection { id: addition.id, data: &addition.appended_to(None)? });
    }
    Ok(module.finish())
}

/// Entries to add at the end of a vector section (creating it when the module has none).
struct Addition {
    id: u8,
    entries: Vec<Vec<u8>>,
    written: bool,
}

impl Addition {
    fn new(id: u8, entries: Vec<Vec<u8>>) -> Self {
        Addition { id, entries, written: false }
    }

    /// Whether this addition's section must be created before section `id` (the module has none).
    fn comes_before(&self, id: u8) -> bool {
        let rank = |id| ORDER.iter().position(|&known| known == id);
        !self.written
            && id != self.id
            && matches!((rank(self.id), rank(id)), (Some(mine), Some(theirs)) if mine < theirs)
    }

    /// The section's contents, `existing` (a section's contents, if the module has it) with the
    /// entries added.
    fn appended_to(&mut self, existing: Option<&[u8]>) -> Result<Vec<u8>, String> {
        self.written = true;
        let (count, entries) = match existing {
            Some(contents) => {
                let mut reader = BinaryReader::new(contents, 0);
                let count = reader.read_var_u32().map_err(|e| e.to_string())?;
                (count, &contents[reader.original_position()..])
            }
            None => (0, &[][..]),
        };
        let mut section = Vec::with_capacity(entries.len() + 64);
        (count + self.entries.len() as u32).encode(&mut section);
        section.extend_from_slice(entries);
        for entry in &self.entries {
            section.extend_from_slice(entry);
        }
        Ok(section)
    }
}

/// What the rewrite needs to know before it starts.
#[derive(Default)]
struct Shape {
    imported_memories: u32,
    defined_memories: u32,
    /// Its `start` function.
    start: Option<u32>,
    /// An export of the module's own under one of the meter's names.
    taken_name: Option<String>,
}

impl Shape {
    fn read(wasm: &[u8]) -> wasmparser::Result<Shape> {
        let mut shape = Shape::default();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        if let TypeRef::Memory(_) = import?.ty {
                            shape.imported_memories += 1;
                        }
                    }
                }
                Payload::MemorySection(reader) => shape.defined_memories = reader.count(),
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let name = export?.name;
                        if name == MEMORY || name == START {
                            shape.taken_name = Some(name.to_string());
                        }
                    }
                }
                Payload::StartSection { func, .. } => shape.start = Some(func),
                Payload::CodeSectionStart { .. } => break,
                _ => {}
            }
        }
        Ok(shape)
    }
}

/// Where the injected parts are: the counter's memory.
#[derive(Clone, Copy)]
struct Meter {
    memory: u32,
}

impl Meter {
    /// `counter -= cost; if counter < 0 { unreachable }`, the counter at address 0 of the meter's
    /// memory.
    fn check(self, cost: u32, out: &mut Vec<u8>) {
        let counter = MemArg { offset: 0, align: 3, memory_index: self.memory };
        for instruction in [
            Instruction::I32Const(0),
            Instruction::I32Const(0),
            Instruction::I64Load(counter),
            Instruction::I64Const(i64::from(cost.clamp(1, MAX_STEP))),
            Instruction::I64Sub,
            Instruction::I64Store(counter),
            Instruction::I32Const(0),
            Instruction::I64Load(counter),
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
    fn body(self, wasm: &[u8], function: &FunctionBody, out: &mut Vec<u8>) -> wasmparser::Result<()> {
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
            self.check(outside_loops, out);
        }
        let mut copied = code_start;
        for (at, cost) in loops {
            out.extend_from_slice(&wasm[copied..at]);
            self.check(cost, out);
            copied = at;
        }
        out.extend_from_slice(&wasm[copied..range.end]);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::{Config, Engine, Instance, Module, Store, Trap};

    const STEP: i64 = MAX_STEP as i64;

    fn instantiate(wat: &str) -> (Store<()>, Instance) {
        let wasm = inject(&wat::parse_str(wat).unwrap()).unwrap();
        let engine = Engine::new(&Config::new()).unwrap();
        let module = Module::new(&engine, &wasm).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Instance::new(&mut store, &module, &[]).unwrap();
        (store, instance)
    }

    /// Runs `run(arg)` with `limit` in the meter's counter; returns the result and what the
    /// counter holds after.
    fn run(wat: &str, limit: i64, arg: i32) -> (Result<i32, Trap>, i64) {
        let (mut store, instance) = instantiate(wat);
        let meter = instance.get_memory(&mut store, MEMORY).unwrap();
        meter.data_mut(&mut store)[..8].copy_from_slice(&limit.to_le_bytes());
        let run = instance.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
        let result = run.call(&mut store, arg).map_err(|e| *e.downcast_ref::<Trap>().unwrap());
        (result, i64::from_le_bytes(meter.data(&store)[..8].try_into().unwrap()))
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
    fn a_start_function_is_exported_for_the_host_to_call_instead() {
        let wat = r#"(module (global $g (mut i32) (i32.const 0))
            (func $init (global.set $g (i32.const 42)))
            (start $init)
            (func (export "run") (param i32) (result i32) (global.get $g)))"#;
        let (mut store, instance) = instantiate(wat);
        let run = instance.get_typed_func::<i32, i32>(&mut store, "run").unwrap();
        assert_eq!(run.call(&mut store, 0).unwrap(), 0, "instantiating does not run it");
        instance.get_func(&mut store, START).unwrap().call(&mut store, &[], &mut []).unwrap();
        assert_eq!(run.call(&mut store, 0).unwrap(), 42);
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
    fn imported_memories_and_modules_without_memories_or_exports_are_handled() {
        let imported = r#"(module
            (import "env" "memory" (memory 1))
            (func (export "run") (param i32) (result i32) (loop) (local.get 0)))"#;
        let wasm = inject(&wat::parse_str(imported).unwrap()).unwrap();
        let exports: Vec<_> = Parser::new(0)
            .parse_all(&wasm)
            .filter_map(|payload| match payload.unwrap() {
                Payload::ExportSection(reader) => Some(reader.into_iter().map(|e| e.unwrap()).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .map(|export| (export.name.to_string(), export.index))
            .collect();
        assert_eq!(exports, [("run".to_string(), 0), (MEMORY.to_string(), 1)]);
        let mut features = wasmparser::WasmFeatures::default();
        features.insert(wasmparser::WasmFeatures::MULTI_MEMORY);
        wasmparser::Validator::new_with_features(features).validate_all(&wasm).unwrap();

        let bare = wat::parse_str("(module (func (loop)))").unwrap();
        wasmparser::validate(&inject(&bare).unwrap()).unwrap();
    }

    #[test]
    fn a_module_that_exports_the_meters_names_is_refused() {
        for name in [MEMORY, START] {
            let wasm = wat::parse_str(format!(r#"(module (global (export "{name}") i32 (i32.const 0)))"#)).unwrap();
            let error = inject(&wasm).unwrap_err().to_string();
            assert!(error.contains(&format!("exports `{name}`, a name ao's meter takes")), "{error}");
        }
    }
}
