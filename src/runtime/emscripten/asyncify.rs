//! Asyncify's state as the constant it is on ao's host.
//!
//! Emscripten modules built with ASYNCIFY (the published aos modules are, for WeaveDrive's
//! `__asyncjs__` imports) read a global, the asyncify state, around every call that might unwind
//! and at the entry of every function that might be rewound: 0 is normal execution, 1 unwinding,
//! 2 rewinding. Only the glue changes it, through the exported `asyncify_start_unwind`,
//! `_stop_unwind`, `_start_rewind` and `_stop_rewind`, when an async import suspends. ao's host
//! answers every import synchronously and never calls them, so the state is 0 for an instance's
//! whole life. Read as the constant it is, the checks fold away in Cranelift, and with them the
//! unwind and rewind paths: a sixth of the published aos 2.0.6's time per message.
//!
//! [`fold_idle_state`] proves that the state can only be changed by those exports before it
//! rewrites anything, and rewrites in place: each `global.get` of the state becomes an
//! `i32.const 0` of the same length, so every offset and size in the module stays as it was. Loops
//! and calls stay where they were, so the loop meter (injected after the fold) counts what it
//! would have; a metered module is folded after its meter is injected, so its gas is unchanged.
use std::collections::{HashMap, HashSet};

use wasmparser::{ElementItems, ExternalKind, Operator, Parser, Payload, TypeRef, ValType};

/// The exports that set the state; the one that reads it.
const SETTERS: [&str; 4] =
    ["asyncify_start_unwind", "asyncify_stop_unwind", "asyncify_start_rewind", "asyncify_stop_rewind"];
const GETTER: &str = "asyncify_get_state";

/// `wasm` with every read of the asyncify state replaced by the constant 0, or `None` when the
/// module has no asyncify state, or something other than the glue's exports could change it (or
/// it does not parse: compiling it will say why).
pub(crate) fn fold_idle_state(wasm: &[u8]) -> Option<Vec<u8>> {
    let module = Summary::read(wasm).ok()?;
    let state = module.state()?;
    let mut folded = wasm.to_vec();
    for &(start, end) in &module.reads[&state] {
        // `i32.const` with a signed LEB128 zero padded to the length of the `global.get` index:
        // 0x80 (zero, more follows) up to a final 0x00. At most 5 bytes, as i32 LEBs may be.
        folded[start] = 0x41;
        folded[start + 1..end - 1].fill(0x80);
        folded[end - 1] = 0x00;
    }
    Some(folded)
}

/// What the proof needs of a module.
#[derive(Default)]
struct Summary {
    imported_globals: u32,
    /// Defined globals: whether each is a mutable i32 that starts at 0.
    starts_at_zero: Vec<bool>,
    /// Exports: (name, kind, index).
    exports: Vec<(String, ExternalKind, u32)>,
    /// Functions the module itself can reach: called directly, in an element segment, taken with
    /// `ref.func`, or the start function.
    referenced: HashSet<u32>,
    /// For each global: the functions that set it.
    setters: HashMap<u32, Vec<u32>>,
    /// For each global: the byte ranges of the `global.get`s that read it.
    reads: HashMap<u32, Vec<(usize, usize)>>,
    /// For each function whose body is exactly `global.get $g`: `$g`.
    only_reads: HashMap<u32, u32>,
}

impl Summary {
    fn read(wasm: &[u8]) -> wasmparser::Result<Self> {
        let mut module = Summary::default();
        let mut function = 0;
        for payload in Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports() {
                        match import?.ty {
                            TypeRef::Func(_) | TypeRef::FuncExact(_) => function += 1,
                            TypeRef::Global(_) => module.imported_globals += 1,
                            _ => {}
                        }
                    }
                }
                Payload::GlobalSection(globals) => {
                    for global in globals {
                        let global = global?;
                        let mut init = global.init_expr.get_operators_reader();
                        let zero = matches!(init.read()?, Operator::I32Const { value: 0 })
                            && matches!(init.read()?, Operator::End);
                        let ty = global.ty;
                        module.starts_at_zero.push(zero && ty.mutable && !ty.shared && ty.content_type == ValType::I32);
                    }
                }
                Payload::ExportSection(exports) => {
                    for export in exports {
                        let export = export?;
                        module.exports.push((export.name.to_owned(), export.kind, export.index));
                    }
                }
                Payload::StartSection { func, .. } => {
                    module.referenced.insert(func);
                }
                Payload::ElementSection(elements) => {
                    for element in elements {
                        match element?.items {
                            ElementItems::Functions(functions) => {
                                for index in functions {
                                    module.referenced.insert(index?);
                                }
                            }
                            ElementItems::Expressions(_, expressions) => {
                                for expression in expressions {
                                    let mut ops = expression?.get_operators_reader();
                                    while !ops.eof() {
                                        if let Operator::RefFunc { function_index } = ops.read()? {
                                            module.referenced.insert(function_index);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    module.body(function, &body)?;
                    function += 1;
                }
                _ => {}
            }
        }
        Ok(module)
    }

    fn body(&mut self, function: u32, body: &wasmparser::FunctionBody<'_>) -> wasmparser::Result<()> {
        let mut ops = body.get_operators_reader()?;
        let mut only_get = None;
        let mut count = 0;
        while !ops.eof() {
            let (op, start) = ops.read_with_offset()?;
            count += 1;
            match op {
                Operator::GlobalGet { global_index } => {
                    self.reads.entry(global_index).or_default().push((start, ops.original_position()));
                    if count == 1 {
                        only_get = Some(global_index);
                    }
                }
                Operator::GlobalSet { global_index } => self.setters.entry(global_index).or_default().push(function),
                Operator::Call { function_index }
                | Operator::ReturnCall { function_index }
                | Operator::RefFunc { function_index } => {
                    self.referenced.insert(function_index);
                }
                _ => {}
            }
        }
        let no_locals = body.get_locals_reader()?.get_count() == 0;
        if let (Some(global), true, 2) = (only_get, no_locals, count) {
            self.only_reads.insert(function, global);
        }
        Ok(())
    }

    /// The asyncify state global, if only the glue's exports can change it: the getter export
    /// reads it and does nothing else; it is defined here as a mutable i32 starting at 0, and not
    /// exported; and every function that sets it is one of the setter exports, exported under no
    /// other name and called or referenced nowhere in the module (so only the host could call it,
    /// and ao's never does).
    fn state(&self) -> Option<u32> {
        let export =
            |name: &str| self.exports.iter().find(|(n, kind, _)| n == name && *kind == ExternalKind::Func).map(|e| e.2);
        let state = *self.only_reads.get(&export(GETTER)?)?;
        let defined = usize::try_from(state.checked_sub(self.imported_globals)?).ok()?;
        if !*self.starts_at_zero.get(defined)? {
            return None;
        }
        if self.exports.iter().any(|(_, kind, index)| *kind == ExternalKind::Global && *index == state) {
            return None;
        }
        let setters: Vec<u32> = SETTERS.iter().filter_map(|name| export(name)).collect();
        let exported_as_other = |function: &u32| {
            let other = |(name, kind, index): &(String, ExternalKind, u32)| {
                *kind == ExternalKind::Func && index == function && !SETTERS.contains(&name.as_str())
            };
            self.exports.iter().any(other)
        };
        let writers = self.setters.get(&state).map(Vec::as_slice).unwrap_or_default();
        let only_setters =
            writers.iter().all(|f| setters.contains(f) && !self.referenced.contains(f) && !exported_as_other(f));
        only_setters.then_some(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an asyncify build has: the state (global 1, after an imported global so that indices
    /// are shifted), its getter and setters, and code that checks it around a call.
    fn module(extra: &str) -> Vec<u8> {
        let text = format!(
            r#"(module
  (import "env" "g" (global $imported i32))
  (import "env" "f" (func $imported_f))
  (global $state (mut i32) (i32.const 0))
  (global $data (mut i32) (i32.const 0))
  (func $work (result i32)
    call $imported_f
    global.get $state
    i32.const 1
    i32.eq
    if (result i32) i32.const 7 else global.get $state end)
  (func $get (result i32) global.get $state)
  (func $start_unwind (param i32) i32.const 1 global.set $state local.get 0 global.set $data)
  (func $stop_unwind i32.const 0 global.set $state)
  (export "work" (func $work))
  (export "asyncify_get_state" (func $get))
  (export "asyncify_start_unwind" (func $start_unwind))
  (export "asyncify_stop_unwind" (func $stop_unwind))
  {extra})"#
        );
        wat::parse_str(text).expect("valid wat")
    }

    fn state_reads(wasm: &[u8]) -> usize {
        let summary = Summary::read(wasm).unwrap();
        summary.reads.get(&1).map_or(0, Vec::len)
    }

    #[test]
    fn reads_of_a_state_only_the_glue_sets_become_zero_in_place() {
        let wasm = module("");
        assert_eq!(state_reads(&wasm), 3);
        let folded = fold_idle_state(&wasm).expect("foldable");
        assert_eq!(folded.len(), wasm.len());
        wasmparser::validate(&folded).expect("still valid");
        assert_eq!(state_reads(&folded), 0);
        let zeros = wasm.iter().zip(&folded).filter(|(a, b)| a != b).count();
        assert_eq!(zeros, 2 * 3, "opcode and index of each of the three reads");
        assert!(fold_idle_state(&folded).is_none(), "nothing left to fold");
    }

    #[test]
    fn a_state_anything_else_could_set_is_left_alone() {
        for extra in [
            // A setter the module calls itself.
            "(func $unwinds call $stop_unwind)",
            // A setter reachable through the table, or exported under another name.
            "(table 1 funcref) (elem (i32.const 0) $stop_unwind)",
            r#"(export "handle" (func $stop_unwind))"#,
            // Another function that sets the state, or the state itself exported.
            "(func $sets i32.const 2 global.set $state)",
            r#"(export "state" (global $state))"#,
            // The start function.
            "(start $stop_unwind)",
        ] {
            assert!(fold_idle_state(&module(extra)).is_none(), "{extra}");
        }
    }

    #[test]
    fn modules_without_asyncify_are_left_alone() {
        let plain = wat::parse_str(
            r#"(module (global $g (mut i32) (i32.const 0)) (func (export "f") (result i32) global.get $g))"#,
        );
        assert!(fold_idle_state(&plain.unwrap()).is_none());
        // A getter that does more than read a global is not asyncify's.
        let text = r#"(module (global $g (mut i32) (i32.const 0))
            (func (export "asyncify_get_state") (result i32) global.get $g i32.const 1 i32.add))"#;
        assert!(fold_idle_state(&wat::parse_str(text).unwrap()).is_none());
        // A state that does not start at 0.
        let text = r#"(module (global $g (mut i32) (i32.const 1))
            (func (export "asyncify_get_state") (result i32) global.get $g))"#;
        assert!(fold_idle_state(&wat::parse_str(text).unwrap()).is_none());
        assert!(fold_idle_state(b"not wasm").is_none());
    }
}
