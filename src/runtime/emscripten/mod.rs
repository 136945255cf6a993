//! Emscripten-built process modules, the formats of the real AO network (ao-protocol §5): their
//! imports linked by name and signature, their start-up, and `handle` called the way the reference
//! loader's `ccall` does (arguments as C strings on the emscripten stack).
//!
//! The host is deterministic where the reference glue is (UTC, no files, no shell, the glue's
//! fixed environment) and mirrors what the glue writes into memory. One deliberate difference:
//! the glue's clock counts on from instance to message, so what a module reads from it depends on
//! whether the unit kept its instance; here it starts over at every message (and at start-up),
//! so a process restored from a snapshot reads the same clock as one that stayed live. The glue's
//! other JavaScript state starts over with it (`_tzset_js`'s first-call flag, tempRet0): every
//! message runs as in a fresh glue instance given the memory, which is the reference loader's
//! behaviour for a restored process (tests/it/emscripten_fixtures.rs holds ao to exactly that).
mod asyncify;
mod drive;
mod guest;
mod imports;
pub(crate) mod metering;
mod time;

use std::borrow::Cow;

use wasmtime::{Engine, Func, Linker, Memory, Module, Store, Val};

use super::error::{EvalError, RuntimeError};
use super::format::{Family, ModuleFormat};
use super::instance::HostState;

pub(crate) use drive::Halt;
pub(crate) use guest::Guest;
pub(crate) use metering::imports_meter;

/// What the reference glue's deterministic `Date.now` has counted to when a module first reads
/// the clock: it starts at 10000, and the glue's file system creates four nodes at start-up. (The
/// oldest glues, families A and emscripten2, return 0 instead.)
const CLOCK_START: f64 = 10_004.0;

/// The program name the glue gives `main` and the environment's `_`.
const THIS_PROGRAM: &str = "thisProgram";

/// The host side of one emscripten instance: the exports host functions call back into, and the
/// small state the glue keeps in JavaScript.
pub(crate) struct HostContext {
    pub(crate) guest: Option<Guest>,
    /// `getTempRet0`/`setTempRet0`: the high half of 64-bit results on wasm32.
    tempret: i32,
    /// The next value of the deterministic clock, `None` for a glue whose clock always reads 0.
    clock: Option<f64>,
    /// Whether the older glues' `_tzset_js` ran: it does its work (and its two `malloc`s) only
    /// on its first call in a glue instance. Reset with the clock at every message, as if each
    /// message ran in a fresh glue instance, which is what a restored process is.
    tzset_done: bool,
    /// Gas `metering.usegas` counted during the current message, and the limit it may reach.
    pub(crate) gas_used: u64,
    pub(crate) gas_limit: u64,
    /// WeaveDrive: the process's drive and the files open during the current message.
    pub(crate) drive: drive::DriveState,
}

impl Default for HostContext {
    fn default() -> Self {
        HostContext {
            guest: None,
            tempret: 0,
            clock: None,
            tzset_done: false,
            gas_used: 0,
            gas_limit: u64::MAX,
            drive: Default::default(),
        }
    }
}

/// What to compile for `wasm`, a module of `format`: the module with its meter injected (the
/// metering formats) and its asyncify state folded to the constant it is on this host.
pub(crate) fn code(wasm: &[u8], format: ModuleFormat) -> Result<Cow<'_, [u8]>, RuntimeError> {
    let mut code = Cow::Borrowed(wasm);
    if let Some(meter) = format.injected_meter() {
        let metered = metering::inject(wasm, meter).map_err(|e| RuntimeError::InvalidModule(e.to_string()))?;
        code = Cow::Owned(metered);
    }
    // After the meter: the gas each segment costs is counted on the module as published.
    if let Some(folded) = asyncify::fold_idle_state(&code) {
        code = Cow::Owned(folded);
    }
    Ok(code)
}

/// A linker holding the host functions `module` imports, each checked against its signature,
/// once the module's memory is found to be what `format` says (32- or 64-bit); and the exports
/// `Calls::new` needs, checked here so that a module is refused when it is added rather than
/// when a process of it first starts.
pub(crate) fn linker(
    engine: &Engine,
    module: &Module,
    format: ModuleFormat,
) -> Result<Linker<HostState>, RuntimeError> {
    let family = format.family().expect("emscripten formats have a family");
    let names = ExportNames::of(family);
    let missing = |what: &str| RuntimeError::InvalidModule(format!("the module does not export {what}"));
    let memory = module.get_export(names.memory).and_then(|export| export.memory().cloned());
    let memory = memory.ok_or_else(|| missing(&format!("its memory (`{}`)", names.memory)))?;
    if memory.is_64() != (family == Family::C64) {
        let (has, wants) = if memory.is_64() { ("64-bit", "32-bit") } else { ("32-bit", "64-bit") };
        return Err(RuntimeError::InvalidModule(format!(
            "the module has {has} memory, a {format} module has {wants} memory"
        )));
    }
    let linker = imports::link(engine, module, format)?;
    for name in [names.stack_save, names.stack_restore, names.stack_alloc, names.handle] {
        if module.get_export(name).and_then(|export| export.func().cloned()).is_none() {
            return Err(missing(&format!("`{name}`")));
        }
    }
    Ok(linker)
}

/// The exports the host calls, found by name (which ones exist tells the glue generation apart).
pub(crate) struct Calls {
    format: ModuleFormat,
    family: Family,
    handle: Func,
    stack_init: Option<Func>,
    ctors: Option<Func>,
    main: Option<Func>,
    stack_end: Option<Func>,
    stack_alloc: Func,
}

impl Calls {
    /// Finds the exports of a fresh instance and hands the host functions what they need.
    pub(crate) fn new(
        store: &mut Store<HostState>,
        instance: &wasmtime::Instance,
        format: ModuleFormat,
    ) -> Result<(Self, Memory), RuntimeError> {
        let family = format.family().expect("emscripten formats have a family");
        let names = ExportNames::of(family);
        let func = |store: &mut Store<HostState>, name: &str| instance.get_func(&mut *store, name);
        let missing = |what: &str| RuntimeError::InvalidModule(format!("the {format} module does not export {what}"));
        let memory = instance.get_memory(&mut *store, names.memory).ok_or_else(|| missing("its memory"))?;
        let memory64 = memory.ty(&*store).is_64();
        let stack_save = func(store, names.stack_save).ok_or_else(|| missing(names.stack_save))?;
        let stack_restore = func(store, names.stack_restore).ok_or_else(|| missing(names.stack_restore))?;
        let stack_alloc = func(store, names.stack_alloc).ok_or_else(|| missing(names.stack_alloc))?;
        let table = instance.get_table(&mut *store, names.table);
        let zero_clock = matches!(format, ModuleFormat::Emscripten | ModuleFormat::Emscripten2);
        store.data_mut().emscripten.clock = if zero_clock { None } else { Some(CLOCK_START) };
        store.data_mut().emscripten.guest = Some(Guest {
            memory,
            memory64,
            max_heap: family.max_heap(),
            table,
            stack_save,
            stack_restore,
            set_threw: func(store, names.set_threw),
            errno_location: func(store, names.errno_location),
            malloc: func(store, names.malloc),
            set_temp_ret0: match format {
                ModuleFormat::Emscripten3 => func(store, "setTempRet0"),
                ModuleFormat::Emscripten4 | ModuleFormat::EmscriptenMetering => func(store, "_emscripten_tempret_set"),
                _ => None,
            },
        });
        let calls = Calls {
            format,
            family,
            handle: func(store, names.handle).ok_or_else(|| missing("`handle`"))?,
            stack_init: func(store, "emscripten_stack_init"),
            ctors: func(store, names.ctors),
            main: func(store, names.main),
            stack_end: func(store, "emscripten_stack_get_end"),
            stack_alloc,
        };
        Ok((calls, memory))
    }

    /// The glue's start-up (ao-protocol §5.3): stack set-up and its cookie, static constructors,
    /// and, for the older families when `boot` is set, `main` (which boots Lua). A restore skips
    /// `main`: the memory copied in afterwards holds what it would have done. (The emscripten2
    /// glue passes `main` its command line on the stack, and never pops it; a restore pushes the
    /// same, so that later calls find the stack where a live instance has it.)
    pub(crate) fn start(&self, store: &mut Store<HostState>, boot: bool) -> Result<(), wasmtime::Error> {
        refill(store, u64::MAX);
        if let Some(init) = self.stack_init {
            init.call(&mut *store, &[], &mut [])?;
        }
        if let Some(stack_end) = self.stack_end {
            let end = call_for_pointer(store, stack_end, &[])?;
            write_stack_cookie(store, end)?;
        }
        if let Some(ctors) = self.ctors {
            ctors.call(&mut *store, &[], &mut [])?;
        }
        if !self.family.calls_main() {
            return Ok(());
        }
        let guest = store.data().emscripten.guest.clone().expect("set at instantiation");
        let (argc, argv) = match self.format {
            ModuleFormat::Emscripten2 => (1, self.push_command_line(store, &guest)?),
            _ => (0, 0),
        };
        if boot && let Some(main) = self.main {
            let ty = main.ty(&*store);
            let args = [Val::I32(argc), guest.ptr_val(argv)];
            let mut results = vec![Val::I32(0); ty.results().len()];
            main.call(&mut *store, &args[..ty.params().len().min(2)], &mut results)?;
        }
        Ok(())
    }

    /// `callMain`'s `argv`: `[THIS_PROGRAM, NULL]`, the array and then the string on the stack.
    fn push_command_line(&self, store: &mut Store<HostState>, guest: &Guest) -> Result<u64, wasmtime::Error> {
        let argv = call_for_pointer(store, self.stack_alloc, &[guest.ptr_val(2 * guest.word())])?;
        let program =
            self.push_string(store, guest, THIS_PROGRAM).map_err(|_| wasmtime::Error::msg("stack overflow"))?;
        guest.write_word(store, argv, program).map_err(wasmtime::Error::new)?;
        guest.write_word(store, argv + guest.word(), 0).map_err(wasmtime::Error::new)?;
        Ok(argv)
    }

    /// Calls `handle(msg, env)` with both as NUL-terminated strings on the emscripten stack, and
    /// returns the bytes of the C string it returns (without the NUL).
    pub(crate) fn handle(
        &self,
        store: &mut Store<HostState>,
        msg_json: &str,
        env_json: &str,
    ) -> Result<Vec<u8>, HandleError> {
        let guest = store.data().emscripten.guest.clone().expect("set at instantiation");
        let saved = guest.stack_save(store)?;
        let msg = self.push_argument(store, &guest, msg_json)?;
        let env = self.push_argument(store, &guest, env_json)?;
        let mut result = [guest.ptr_val(0)];
        let call = self.handle.call(&mut *store, &[guest.ptr_val(msg), guest.ptr_val(env)], &mut result);
        let restored = guest.stack_restore(store, saved);
        call?;
        restored?;
        let ptr = guest.val_ptr(&result[0]);
        guest.c_string(store, ptr).map(<[u8]>::to_vec).ok_or(HandleError::BadResult(ptr))
    }

    /// A string argument of `ccall`. The glues of families A and emscripten2 reserve the worst
    /// case, `(str.length << 2) + 1` bytes (4 per UTF-16 unit, a NUL), and write the bytes and a
    /// NUL at its start; the later ones reserve exactly what they write. The reservation decides
    /// where `handle`'s stack frame lies, and so what the memory holds after it, and the gas a
    /// metered module spends (alignment of copies).
    fn push_argument(&self, store: &mut Store<HostState>, guest: &Guest, text: &str) -> Result<u64, HandleError> {
        let reserve = match self.format {
            ModuleFormat::Emscripten | ModuleFormat::Emscripten2 => ((text.encode_utf16().count() as u64) << 2) + 1,
            _ => text.len() as u64 + 1,
        };
        self.push_string_in(store, guest, text, reserve)
    }

    /// `stringToUTF8OnStack`: room for the bytes and a NUL from `stackAlloc`, filled.
    fn push_string(&self, store: &mut Store<HostState>, guest: &Guest, text: &str) -> Result<u64, HandleError> {
        self.push_string_in(store, guest, text, text.len() as u64 + 1)
    }

    /// `size` bytes from `stackAlloc`, starting with `text` and a NUL.
    fn push_string_in(
        &self,
        store: &mut Store<HostState>,
        guest: &Guest,
        text: &str,
        size: u64,
    ) -> Result<u64, HandleError> {
        let ptr = call_for_pointer(store, self.stack_alloc, &[guest.ptr_val(size)])?;
        let target = guest.bytes_mut(store, ptr, size).ok_or(HandleError::StackOverflow)?;
        target[..text.len()].copy_from_slice(text.as_bytes());
        target[text.len()] = 0;
        Ok(ptr)
    }
}

/// Why calling `handle` did not produce a result string.
#[derive(Debug)]
pub(crate) enum HandleError {
    Call(wasmtime::Error),
    /// The input did not fit on the module's stack.
    StackOverflow,
    /// `handle` returned a pointer that is not a C string in memory.
    BadResult(u64),
}

impl From<wasmtime::Error> for HandleError {
    fn from(error: wasmtime::Error) -> Self {
        HandleError::Call(error)
    }
}

impl HandleError {
    pub(crate) fn into_eval_error(self, classify: impl FnOnce(wasmtime::Error) -> EvalError) -> EvalError {
        match self {
            HandleError::Call(error) => classify(error),
            HandleError::StackOverflow => {
                EvalError::Trap { message: "the message does not fit on the module's stack".into() }
            }
            HandleError::BadResult(ptr) => EvalError::BadResult(format!("handle returned {ptr}, not a string")),
        }
    }
}

/// Export names by glue generation (family A's are minified letters).
struct ExportNames {
    memory: &'static str,
    table: &'static str,
    handle: &'static str,
    main: &'static str,
    ctors: &'static str,
    malloc: &'static str,
    errno_location: &'static str,
    set_threw: &'static str,
    stack_save: &'static str,
    stack_restore: &'static str,
    stack_alloc: &'static str,
}

impl ExportNames {
    fn of(family: Family) -> Self {
        match family {
            Family::A => ExportNames {
                memory: "E",
                ctors: "F",
                handle: "G",
                main: "H",
                table: "I",
                malloc: "J",
                errno_location: "K",
                set_threw: "L",
                stack_save: "M",
                stack_restore: "N",
                stack_alloc: "O",
            },
            Family::B => ExportNames {
                memory: "memory",
                table: "__indirect_function_table",
                handle: "handle",
                main: "main",
                ctors: "__wasm_call_ctors",
                malloc: "malloc",
                errno_location: "__errno_location",
                set_threw: "setThrew",
                stack_save: "stackSave",
                stack_restore: "stackRestore",
                stack_alloc: "stackAlloc",
            },
            Family::C32 | Family::C64 => ExportNames {
                stack_save: "emscripten_stack_get_current",
                stack_restore: "_emscripten_stack_restore",
                stack_alloc: "_emscripten_stack_alloc",
                ..ExportNames::of(Family::B)
            },
        }
    }
}

/// Calls `func` and reads its single result as a pointer.
fn call_for_pointer(store: &mut Store<HostState>, func: Func, args: &[Val]) -> Result<u64, wasmtime::Error> {
    let mut result = [Val::I64(0)];
    func.call(&mut *store, args, &mut result)?;
    Ok(guest::pointer_of(&result[0]))
}

/// `writeStackCookie`: two magic words at the end of the stack and one at address 0.
fn write_stack_cookie(store: &mut Store<HostState>, stack_end: u64) -> Result<(), wasmtime::Error> {
    let guest = store.data().emscripten.guest.clone().expect("set at instantiation");
    let at = if stack_end == 0 { 4 } else { stack_end };
    for (ptr, word) in [(at, 34_821_223u32), (at + 4, 2_310_721_022), (0, 1_668_509_029)] {
        guest.write_u32(store, ptr, word).map_err(wasmtime::Error::new)?;
    }
    Ok(())
}

/// A trap that unwinds to the nearest `invoke_*`: what `longjmp` raises.
#[derive(Debug)]
pub(crate) struct Longjmp;

impl std::fmt::Display for Longjmp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("longjmp outside of any setjmp")
    }
}

impl std::error::Error for Longjmp {}

/// `metering.usegas` went over the process's `Compute-Limit`.
#[derive(Debug)]
pub(crate) struct OutOfGas;

impl std::fmt::Display for OutOfGas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("out of gas!")
    }
}

impl std::error::Error for OutOfGas {}

/// Resets the gas counter and the clock before a message (or the start-up).
pub(crate) fn refill(store: &mut Store<HostState>, limit: u64) {
    let context = &mut store.data_mut().emscripten;
    context.gas_used = 0;
    context.gas_limit = limit;
    context.tzset_done = false;
    // The glue's tempRet0 starts at 0 in a fresh instance; a live one must not carry the last
    // message's value over (the older glues' `_mktime_js` leaves a stale high half to be read).
    context.tempret = 0;
    context.drive.close_all();
    if context.clock.is_some() {
        context.clock = Some(CLOCK_START);
    }
}
