//! The host functions emscripten modules import (ao-protocol §5.4), resolved by name and checked
//! by signature, so one implementation serves every glue generation: pointer arguments are i32 or
//! i64 as the module's memory is, and results take the type the module declares.
//!
//! Behaviour follows the reference loader's glue under `TZ=UTC` wherever it writes into the
//! module's memory (the tty answers of stdin/stdout/stderr, time zone names, the clock), so that
//! both leave the same bytes; there is no file system (but WeaveDrive's files, `drive.rs`),
//! environment, or shell.
use wasmtime::{Caller, Engine, ExternType, Func, FuncType, Linker, Module, Ref, Val, ValType};

use super::guest::{Guest, GuestTrap, int_of, pointer_of};
use super::{Longjmp, OutOfGas, drive, time};
use crate::runtime::error::RuntimeError;
use crate::runtime::format::{Family, ModuleFormat};
use crate::runtime::instance::HostState;

const ENOENT: i64 = 44;
pub(super) const EBADF: i64 = 8;
pub(super) const EINVAL: i64 = 28;
const ENOSYS: i64 = 52;
pub(super) const ESPIPE: i64 = 70;

/// What a host function returns to the module.
pub(super) enum Ret {
    Void,
    Int(i64),
    Float(f64),
}

type HostFn = fn(&mut Caller<'_, HostState>, &Guest, ModuleFormat, &[Val]) -> wasmtime::Result<Ret>;

/// A host function and the parameter counts its name comes with across the glue generations.
struct Import {
    params: &'static [usize],
    call: HostFn,
}

/// An error inside a host function that ends the evaluation, like the glue's `abort`.
#[derive(Debug)]
pub(crate) struct Abort(pub String);

impl std::fmt::Display for Abort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Abort {}

/// Links every function `module` imports, or names the ones the host does not provide.
pub(crate) fn link(engine: &Engine, module: &Module, format: ModuleFormat) -> Result<Linker<HostState>, RuntimeError> {
    let family = format.family().expect("emscripten formats have a family");
    let mut linker = Linker::new(engine);
    let mut problems = Vec::new();
    for import in module.imports() {
        let (module_name, field) = (import.module(), import.name());
        let ExternType::Func(ty) = import.ty() else {
            problems.push(format!("{module_name}.{field} (only functions can be imported)"));
            continue;
        };
        let name = canonical_name(family, module_name, field);
        let defined = if name.starts_with("invoke_") {
            define_invoke(&mut linker, module_name, field, ty.clone(), family)
        } else {
            match lookup(module_name, name) {
                Some(import) if signature_fits(&import, &ty) => {
                    define(&mut linker, module_name, field, ty, import, format)
                }
                _ => {
                    problems.push(format!("{module_name}.{field}{}", describe(&ty)));
                    continue;
                }
            }
        };
        defined.map_err(|e| RuntimeError::Engine(format!("{e:#}")))?;
    }
    if !problems.is_empty() {
        return Err(RuntimeError::InvalidModule(format!(
            "the module imports what the host does not provide: {}",
            problems.join(", ")
        )));
    }
    Ok(linker)
}

fn describe(ty: &FuncType) -> String {
    let list = |types: &mut dyn Iterator<Item = ValType>| types.map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
    format!(" ({}) -> ({})", list(&mut ty.params()), list(&mut ty.results()))
}

/// Parameters are integers (pointers, sizes, descriptors) and there is at most one result.
fn signature_fits(import: &Import, ty: &FuncType) -> bool {
    import.params.contains(&ty.params().len())
        && ty.params().all(|t| matches!(t, ValType::I32 | ValType::I64))
        && ty.results().len() <= 1
        && ty.results().all(|t| matches!(t, ValType::I32 | ValType::I64 | ValType::F64))
}

fn define(
    linker: &mut Linker<HostState>,
    module_name: &str,
    field: &str,
    ty: FuncType,
    import: Import,
    format: ModuleFormat,
) -> wasmtime::Result<()> {
    let call = import.call;
    let result_type = ty.results().next();
    linker.func_new(module_name, field, ty, move |mut caller, params, results| {
        let guest = caller.data().emscripten.guest.clone().ok_or_else(|| Abort("called before start-up".into()))?;
        let ret = call(&mut caller, &guest, format, params)?;
        if let (Some(slot), Some(result_type)) = (results.first_mut(), &result_type) {
            *slot = match (ret, result_type) {
                (Ret::Float(f), ValType::F64) => Val::F64(f.to_bits()),
                (Ret::Float(f), ValType::I64) => Val::I64(f as i64),
                (Ret::Float(f), _) => Val::I32(f as i64 as i32),
                (Ret::Int(i), ValType::F64) => Val::F64((i as f64).to_bits()),
                (Ret::Int(i), ValType::I64) => Val::I64(i),
                (Ret::Int(i), _) => Val::I32(i as i32),
                (Ret::Void, ty) => Val::default_for_ty(ty).unwrap_or(Val::I32(0)),
            };
        }
        Ok(())
    })?;
    Ok(())
}

/// `invoke_<sig>(index, args...)`: the setjmp/longjmp trampoline. Calls table entry `index`, as
/// the glue does (through the module's `dynCall_<sig>` export where the glue does, see
/// `Family::invokes_through_dyncall`); when a `longjmp` unwinds to here, restores the stack,
/// records the throw with `setThrew(1, 0)` and returns zero, where the C code's `setjmp` check
/// picks it up.
///
/// Nested Lua `pcall`s nest these calls, each with a host frame on the native stack between two
/// wasm frames (see `max_wasm_stack` in `engine_config`): what stays live across the nested call
/// is kept small, and the callee is found in a function of its own.
fn define_invoke(
    linker: &mut Linker<HostState>,
    module_name: &str,
    field: &str,
    ty: FuncType,
    family: Family,
) -> wasmtime::Result<()> {
    let result_types: Vec<ValType> = ty.results().collect();
    let dyncall = family.invokes_through_dyncall().then(|| field.replacen("invoke_", "dynCall_", 1));
    linker.func_new(module_name, field, ty, move |mut caller, params, results| {
        let guest = caller.data().emscripten.guest.clone().ok_or_else(|| Abort("called before start-up".into()))?;
        let (func, args) = invoke_target(&mut caller, &guest, dyncall.as_deref(), params)?;
        let saved = guest.stack_save(&mut caller)?;
        match func.call(&mut caller, &args, results) {
            Ok(()) => Ok(()),
            Err(error) if error.is::<Longjmp>() => {
                guest.stack_restore(&mut caller, saved)?;
                if let Some(set_threw) = guest.set_threw {
                    let args = [guest.ptr_val(1), Val::I32(0)];
                    set_threw.call(&mut caller, &args, &mut [])?;
                }
                for (slot, ty) in results.iter_mut().zip(&result_types) {
                    *slot = Val::default_for_ty(ty).unwrap_or(Val::I32(0));
                }
                Ok(())
            }
            Err(error) => Err(error),
        }
    })?;
    Ok(())
}

/// What `invoke_<sig>(index, args...)` calls, and with what: `dyncall(index, args...)` when the
/// module exports it, else table entry `index` with `args`.
#[inline(never)]
fn invoke_target(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    dyncall: Option<&str>,
    params: &[Val],
) -> wasmtime::Result<(Func, Vec<Val>)> {
    let index = params.first().map(pointer_of).unwrap_or_default();
    if let Some(dyncall) = dyncall.and_then(|name| caller.get_export(name)).and_then(|e| e.into_func()) {
        // The glue passes the index as a JavaScript number: the export's first parameter may be
        // narrower than the import's (wasm64's `dynCall_vjj` takes an i32).
        let index = match dyncall.ty(&*caller).params().next() {
            Some(ValType::I64) => Val::I64(index as i64),
            _ => Val::I32(index as i32),
        };
        return Ok((dyncall, std::iter::once(index).chain(params[1..].iter().cloned()).collect()));
    }
    let table = guest.table.ok_or_else(|| Abort("invoke_* needs the module's function table".into()))?;
    match table.get(&mut *caller, index) {
        Some(Ref::Func(Some(func))) => Ok((func, params[1..].to_vec())),
        _ => Err(Abort(format!("invoke_*: no function at table index {index}")).into()),
    }
}

/// Family A's glue minified its imports to letters of module `a`; the other families use names.
fn canonical_name<'a>(family: Family, module_name: &str, field: &'a str) -> &'a str {
    const FAMILY_A: [(&str, &str); 30] = [
        ("a", "_emscripten_date_now"),
        ("b", "setTempRet0"),
        ("c", "fd_close"),
        ("d", "__syscall_fcntl64"),
        ("e", "__syscall_unlinkat"),
        ("f", "fd_write"),
        ("g", "__syscall_openat"),
        ("h", "getTempRet0"),
        ("i", "_mktime_js"),
        ("j", "_tzset_js"),
        ("k", "emscripten_memcpy_big"),
        ("l", "exit"),
        ("m", "system"),
        ("n", "strftime"),
        ("o", "fd_seek"),
        ("p", "_emscripten_throw_longjmp"),
        ("q", "emscripten_resize_heap"),
        ("r", "__syscall_lstat64"),
        ("s", "__syscall_renameat"),
        ("t", "__syscall_rmdir"),
        ("u", "environ_get"),
        ("v", "environ_sizes_get"),
        ("w", "__syscall_dup3"),
        ("x", "invoke_vii"),
        ("y", "fd_read"),
        ("z", "__syscall_ioctl"),
        ("A", "_emscripten_get_now_is_monotonic"),
        ("B", "_gmtime_js"),
        ("C", "_localtime_js"),
        ("D", "abort"),
    ];
    if family == Family::A && module_name == "a" {
        return FAMILY_A.iter().find(|(letter, _)| *letter == field).map_or(field, |(_, name)| name);
    }
    field
}

fn lookup(module_name: &str, name: &str) -> Option<Import> {
    let import = |params: &'static [usize], call: HostFn| Some(Import { params, call });
    if module_name == "metering" {
        return if name == "usegas" { import(&[1], use_gas) } else { None };
    }
    if !matches!(module_name, "env" | "wasi_snapshot_preview1" | "a") {
        return None;
    }
    match name {
        "abort" | "_abort_js" => import(&[0], |_, _, _, _| Err(Abort("abort".into()).into())),
        "__assert_fail" => import(&[4], assert_fail),
        "exit" | "proc_exit" => import(&[1], |_, _, _, p| Err(Abort(format!("exit({})", int_of(&p[0]))).into())),
        "__cxa_throw" => import(&[3], |_, _, _, _| Err(Abort("uncaught C++ exception".into()).into())),
        "_emscripten_throw_longjmp" => import(&[0], |_, _, _, _| Err(Longjmp.into())),
        "emscripten_longjmp" => import(&[2], longjmp),
        "getTempRet0" => import(&[0], |c, _, _, _| Ok(Ret::Int(i64::from(c.data().emscripten.tempret)))),
        "setTempRet0" => import(&[1], |c, _, _, p| {
            c.data_mut().emscripten.tempret = int_of(&p[0]) as i32;
            Ok(Ret::Void)
        }),
        "emscripten_memcpy_big" | "_emscripten_memcpy_js" | "emscripten_memcpy_js" => import(&[3], memcpy),
        "emscripten_date_now" | "_emscripten_date_now" | "emscripten_get_now" => {
            import(&[0], |c, _, _, _| Ok(Ret::Float(tick(c))))
        }
        "_emscripten_get_now_is_monotonic" => import(&[0], |_, _, _, _| Ok(Ret::Int(1))),
        // The glue's console.error / console.log of a C string: not part of a result (as under
        // the reference loader, where they go to the host's console).
        "emscripten_err" | "emscripten_out" => import(&[1], |_, _, _, _| Ok(Ret::Void)),
        "emscripten_get_heap_max" => import(&[0], |_, g, _, _| Ok(Ret::Int(g.max_heap as i64))),
        "emscripten_resize_heap" => import(&[1], resize_heap),
        "environ_sizes_get" => import(&[2], environ_sizes_get),
        "environ_get" => import(&[2], environ_get),
        "fd_write" => import(&[4], fd_write),
        "fd_read" => import(&[4], fd_read),
        "fd_close" => import(&[1], |c, _, _, p| {
            Ok(drive::fd_close(c, p).unwrap_or(Ret::Int(if is_stdio(&p[0]) { 0 } else { EBADF })))
        }),
        "fd_sync" => import(&[1], |_, _, _, p| Ok(Ret::Int(if is_stdio(&p[0]) { 0 } else { EBADF }))),
        "fd_seek" => import(&[4, 5], drive::fd_seek),
        "fd_fdstat_get" => import(&[2], fd_fdstat_get),
        "__syscall_openat" => import(&[4], |_, _, _, _| Ok(Ret::Int(-ENOENT))),
        "__syscall_unlinkat"
        | "__syscall_rmdir"
        | "__syscall_renameat"
        | "__syscall_readlinkat"
        | "__syscall_faccessat"
        | "__syscall_chmod"
        | "__syscall_stat64"
        | "__syscall_lstat64"
        | "__syscall_newfstatat"
        | "__syscall_mkdirat"
        | "__syscall_utimensat" => import(&[1, 2, 3, 4], |_, _, _, _| Ok(Ret::Int(-ENOENT))),
        "__syscall_fchmod"
        | "__syscall_fchown32"
        | "__syscall_fstat64"
        | "__syscall_ftruncate64"
        | "__syscall_dup3" => {
            import(&[2, 3, 4], |_, _, _, p| Ok(Ret::Int(if is_stdio(&p[0]) { -ENOSYS } else { -EBADF })))
        }
        "__syscall_fcntl64" => import(&[3], fcntl),
        "__syscall_ioctl" => import(&[3], ioctl),
        "__syscall_getcwd" => import(&[2], getcwd),
        "_emscripten_system" => {
            import(&[1], |_, _, _, p| Ok(Ret::Int(if pointer_of(&p[0]) == 0 { 0 } else { -ENOSYS })))
        }
        "system" => import(&[1], system),
        "_mmap_js" => import(&[6, 7], |_, _, _, _| Ok(Ret::Int(-ENOSYS))),
        "_munmap_js" => import(&[6, 7], |_, _, _, _| Ok(Ret::Int(0))),
        "_dlopen_js" | "_dlsym_js" | "_dlinit" | "_emscripten_dlopen_js" => {
            import(&[0, 1, 2, 3, 4], |_, _, _, _| Ok(Ret::Int(0)))
        }
        "_tzset_js" => import(&[3, 4], tzset),
        "_gmtime_js" => import(&[2, 3], gmtime),
        "_localtime_js" => import(&[2, 3], localtime),
        "_mktime_js" => import(&[1], mktime),
        "strftime" | "strftime_l" => import(&[4, 5], strftime),
        "__asyncjs__weavedrive_open" | "weavedrive_open" => import(&[2], drive::open),
        "__asyncjs__weavedrive_read" | "weavedrive_read" => import(&[3], drive::read),
        "__asyncjs__weavedrive_close" | "weavedrive_close" => import(&[1], drive::close),
        "metering_gasUsed" => import(&[0], |c, _, _, _| Ok(Ret::Int(c.data().emscripten.gas_used as i64))),
        _ => None,
    }
}

/// stdin, stdout and stderr: the only descriptors that exist (as ttys, like the glue's).
fn is_stdio(fd: &Val) -> bool {
    (0..=2).contains(&int_of(fd))
}

/// The deterministic clock: every read, and every write to a tty, moves it on by one.
fn tick(caller: &mut Caller<'_, HostState>) -> f64 {
    let context = &mut caller.data_mut().emscripten;
    let Some(now) = context.clock else { return 0.0 };
    context.clock = Some(now + 1.0);
    now
}

/// The environment the older glues give a module (the C-family glue gives none).
fn environment(format: ModuleFormat) -> &'static [&'static str] {
    const GLUE_ENVIRONMENT: [&str; 7] = [
        "USER=web_user",
        "LOGNAME=web_user",
        "PATH=/",
        "PWD=/",
        "HOME=/home/web_user",
        "LANG=C.UTF-8",
        "_=thisProgram",
    ];
    match format.family() {
        Some(Family::A | Family::B) => &GLUE_ENVIRONMENT,
        _ => &[],
    }
}

/// `environ_sizes_get(count, size)`: how many strings, and their bytes with NULs.
fn environ_sizes_get(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let strings = environment(format);
    guest.write_word(caller, pointer_of(&params[0]), strings.len() as u64)?;
    guest.write_word(caller, pointer_of(&params[1]), strings.iter().map(|s| s.len() as u64 + 1).sum())?;
    Ok(Ret::Int(0))
}

/// `environ_get(pointers, buffer)`: the strings, NUL-terminated, one after another in `buffer`.
fn environ_get(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (pointers, mut at) = (pointer_of(&params[0]), pointer_of(&params[1]));
    for (i, string) in environment(format).iter().enumerate() {
        guest.write_word(caller, pointers + i as u64 * guest.word(), at)?;
        guest.write(caller, at, &[string.as_bytes(), &[0]].concat())?;
        at += string.len() as u64 + 1;
    }
    Ok(Ret::Int(0))
}

fn use_gas(caller: &mut Caller<'_, HostState>, _: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    let context = &mut caller.data_mut().emscripten;
    context.gas_used = context.gas_used.saturating_add(int_of(&params[0]) as u64);
    if context.gas_used > context.gas_limit {
        return Err(OutOfGas.into());
    }
    Ok(Ret::Void)
}

fn assert_fail(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let text = |ptr: &Val| {
        guest.c_string(caller, pointer_of(ptr)).map(|s| String::from_utf8_lossy(s).into_owned()).unwrap_or_default()
    };
    let (condition, file, function) = (text(&params[0]), text(&params[1]), text(&params[3]));
    let line = int_of(&params[2]);
    Err(Abort(format!("Assertion failed: {condition}, at: {file}, {line}, {function}")).into())
}

fn longjmp(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    if let Some(set_threw) = guest.set_threw {
        set_threw.call(&mut *caller, &[params[0], params[1]], &mut [])?;
    }
    Err(Longjmp.into())
}

fn memcpy(caller: &mut Caller<'_, HostState>, guest: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    let (dest, src, len) = (pointer_of(&params[0]), pointer_of(&params[1]), pointer_of(&params[2]));
    let memory = guest.memory.data_mut(caller);
    let fits = |at: u64| at.checked_add(len).is_some_and(|end| end <= memory.len() as u64);
    if !fits(dest) || !fits(src) {
        return Err(GuestTrap(format!("memcpy of {len} bytes from {src} to {dest} leaves memory")).into());
    }
    memory.copy_within(src as usize..(src + len) as usize, dest as usize);
    Ok(Ret::Int(dest as i64))
}

/// `emscripten_resize_heap`: grows memory the way the glue does (20% over the request, less when
/// that fails, never over the glue's maximum), so memory sizes match the reference's.
fn resize_heap(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    const PAGE: f64 = 65_536.0;
    let requested = pointer_of(&params[0]) as f64;
    let old = guest.memory.data_size(&*caller) as f64;
    let max = guest.max_heap as f64;
    if requested > max {
        return Ok(Ret::Int(0));
    }
    let align_up = |x: f64| x + (PAGE - x % PAGE) % PAGE;
    for cut_down in [1.0, 2.0, 4.0] {
        let over_grown = (old * (1.0 + 0.2 / cut_down)).min(requested + 100_663_296.0);
        let new_size = max.min(align_up(requested.max(over_grown)));
        let pages = ((new_size - old + PAGE - 1.0) / PAGE).floor();
        if pages >= 0.0 && guest.memory.grow(&mut *caller, pages as u64).is_ok() {
            return Ok(Ret::Int(1));
        }
    }
    Ok(Ret::Int(0))
}

/// `fd_write` to a tty: accepted and dropped (the reference mutes the console during `handle`).
fn fd_write(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    if !is_stdio(&params[0]) {
        return Ok(Ret::Int(EBADF));
    }
    let (iovs, count, written) = (pointer_of(&params[1]), pointer_of(&params[2]), pointer_of(&params[3]));
    let word = guest.word();
    let mut total = 0u64;
    for i in 0..count {
        let len = guest.read_word(caller, iovs + i * 2 * word + word)?;
        if len > 0 {
            tick(caller);
        }
        total += len;
    }
    guest.write_word(caller, written, total)?;
    Ok(Ret::Int(0))
}

/// `fd_read` from a WeaveDrive file, or from stdin: end of file.
fn fd_read(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    if let Some(read) = drive::fd_read(caller, guest, params) {
        return read;
    }
    if !is_stdio(&params[0]) {
        return Ok(Ret::Int(EBADF));
    }
    guest.write_word(caller, pointer_of(&params[3]), 0)?;
    Ok(Ret::Int(0))
}

fn fd_fdstat_get(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    if !is_stdio(&params[0]) {
        return Ok(Ret::Int(EBADF));
    }
    let mut stat = [0u8; 24];
    stat[0] = 2; // a character device: the tty
    guest.write(caller, pointer_of(&params[1]), &stat)?;
    Ok(Ret::Int(0))
}

/// The pointer a syscall's variadic argument area holds first.
fn vararg_pointer(caller: &mut Caller<'_, HostState>, guest: &Guest, varargs: &Val) -> Result<u64, GuestTrap> {
    guest.read_word(caller, pointer_of(varargs))
}

fn fcntl(caller: &mut Caller<'_, HostState>, guest: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    if !is_stdio(&params[0]) {
        return Ok(Ret::Int(-EBADF));
    }
    Ok(Ret::Int(match int_of(&params[1]) {
        1 | 2 | 4 | 6 | 7 => 0,
        // F_GETFL: stdin was opened read-only, stdout and stderr write-only.
        3 => i64::from(int_of(&params[0]) != 0),
        5 => {
            let lock = vararg_pointer(caller, guest, &params[2])?;
            guest.write(caller, lock, &2u16.to_le_bytes())?;
            0
        }
        _ => -EINVAL,
    }))
}

/// The tty requests the glue answers for stdin/stdout/stderr (musl asks `TIOCGWINSZ` to decide
/// whether stdout is line-buffered).
fn ioctl(caller: &mut Caller<'_, HostState>, guest: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    const TCGETS: i64 = 21505;
    const TIOCGPGRP: i64 = 21519;
    const TIOCSPGRP: i64 = 21520;
    const TIOCGWINSZ: i64 = 21523;
    if !is_stdio(&params[0]) {
        return Ok(Ret::Int(-EBADF));
    }
    Ok(Ret::Int(match int_of(&params[1]) {
        TCGETS => {
            let termios = vararg_pointer(caller, guest, &params[2])?;
            let flags: [u32; 4] = [25856, 5, 191, 35387];
            let c_cc: [u8; 32] = [
                3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0,
            ];
            for (i, flag) in flags.iter().enumerate() {
                guest.write_u32(caller, termios + 4 * i as u64, *flag)?;
            }
            guest.write(caller, termios + 17, &c_cc)?;
            0
        }
        21506..=21512 | 21524 => 0,
        TIOCGPGRP => {
            let group = vararg_pointer(caller, guest, &params[2])?;
            guest.write_u32(caller, group, 0)?;
            0
        }
        TIOCSPGRP => -EINVAL,
        TIOCGWINSZ => {
            let size = vararg_pointer(caller, guest, &params[2])?;
            guest.write(caller, size, &[24, 0, 80, 0])?;
            0
        }
        _ => -EINVAL,
    }))
}

fn getcwd(caller: &mut Caller<'_, HostState>, guest: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    Ok(Ret::Int(match pointer_of(&params[1]) {
        0 => -EINVAL,
        1 => -68, // ERANGE
        _ => {
            guest.write(caller, pointer_of(&params[0]), b"/\0")?;
            2
        }
    }))
}

/// `system` of the older glue: no shell; sets `errno` to ENOSYS through `__errno_location`.
fn system(caller: &mut Caller<'_, HostState>, guest: &Guest, _: ModuleFormat, params: &[Val]) -> wasmtime::Result<Ret> {
    if pointer_of(&params[0]) == 0 {
        return Ok(Ret::Int(0));
    }
    if let Some(errno_location) = guest.errno_location {
        let mut errno = [guest.ptr_val(0)];
        errno_location.call(&mut *caller, &[], &mut errno)?;
        guest.write_u32(caller, pointer_of(&errno[0]), ENOSYS as u32)?;
    }
    Ok(Ret::Int(-1))
}

/// `_tzset_js`: UTC, no daylight saving, with the zone names each glue generation derives from
/// Node's UTC date strings.
fn tzset(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    // The older glue (three arguments) does its work, two `malloc`s included, only on its first
    // call in an instance (`_tzset_js.called`; see `HostContext::tzset_done`).
    let older = params.len() == 3;
    if older && std::mem::replace(&mut caller.data_mut().emscripten.tzset_done, true) {
        return Ok(Ret::Void);
    }
    let (timezone, daylight) = (pointer_of(&params[0]), pointer_of(&params[1]));
    guest.write_word(caller, timezone, 0)?;
    guest.write_u32(caller, daylight, 0)?;
    if let [_, _, std_name, dst_name] = params {
        // emscripten ≥ 3.1.4x: the names are written into two char buffers.
        let name = if format == ModuleFormat::Emscripten3 { time::TZNAME_EMSCRIPTEN3 } else { time::TZNAME };
        for buffer in [std_name, dst_name] {
            guest.write(caller, pointer_of(buffer), format!("{name}\0").as_bytes())?;
        }
    } else {
        // Older glue: `tzname[0..2]` point at copies it allocates with `malloc`, the winter name
        // first, then the summer one; with no daylight saving, tzname[0] is the summer copy.
        let names = pointer_of(&params[2]);
        for slot in [names + guest.word(), names] {
            let string = allocate_string(caller, guest, format!("{}\0", time::TZNAME_LEGACY).as_bytes())?;
            guest.write_word(caller, slot, string)?;
        }
    }
    Ok(Ret::Void)
}

fn allocate_string(caller: &mut Caller<'_, HostState>, guest: &Guest, bytes: &[u8]) -> wasmtime::Result<u64> {
    let malloc = guest.malloc.ok_or_else(|| Abort("the module does not export malloc".into()))?;
    let mut ptr = [guest.ptr_val(0)];
    malloc.call(&mut *caller, &[guest.ptr_val(bytes.len() as u64)], &mut ptr)?;
    let ptr = pointer_of(&ptr[0]);
    guest.write(caller, ptr, bytes)?;
    Ok(ptr)
}

fn tm_layout(guest: &Guest) -> time::TmLayout {
    if guest.memory64 { time::TmLayout::Wasm64 } else { time::TmLayout::Wasm32 }
}

fn read_tm(caller: &mut Caller<'_, HostState>, guest: &Guest, at: u64) -> Result<(time::Tm, u64), GuestTrap> {
    let layout = tm_layout(guest);
    let bytes = guest.bytes(caller, at, layout.zone_offset() as u64 + guest.word());
    let bytes = bytes.ok_or_else(|| GuestTrap(format!("struct tm at {at} is outside memory")))?;
    let tm = time::Tm::read(bytes, layout).expect("long enough");
    Ok((tm, time::Tm::zone_ptr(bytes, layout).expect("long enough")))
}

fn write_tm(caller: &mut Caller<'_, HostState>, guest: &Guest, at: u64, tm: &time::Tm) -> Result<(), GuestTrap> {
    let layout = tm_layout(guest);
    let bytes = guest.bytes_mut(caller, at, layout.zone_offset() as u64);
    let bytes = bytes.ok_or_else(|| GuestTrap(format!("struct tm at {at} is outside memory")))?;
    tm.write(bytes, layout).ok_or_else(|| GuestTrap("struct tm too short".into()))
}

/// The time argument (an i64, two i32 halves, or in the oldest glue a pointer to a 32-bit
/// `time_t`) and the `struct tm` pointer of `_gmtime_js`/`_localtime_js`.
fn time_and_tm(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> Result<(i64, u64), GuestTrap> {
    Ok(match params {
        [low, high, tm] => ((int_of(high) << 32) | (int_of(low) & 0xffff_ffff), pointer_of(tm)),
        [time, tm] if matches!(format.family(), Some(Family::A | Family::B)) => {
            (i64::from(guest.read_i32(caller, pointer_of(time))?), pointer_of(tm))
        }
        [time, tm] => (int_of(time), pointer_of(tm)),
        _ => return Err(GuestTrap("unexpected arguments to a time function".into())),
    })
}

/// `_gmtime_js`: seconds to `struct tm` in UTC.
fn gmtime(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (seconds, at) = time_and_tm(caller, guest, format, params)?;
    write_tm(caller, guest, at, &time::gmtime(seconds))?;
    Ok(Ret::Void)
}

/// `_localtime_js`: as `gmtime` (the zone is UTC); the wasm64 glue throws beyond a `Date`'s range.
fn localtime(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (seconds, at) = time_and_tm(caller, guest, format, params)?;
    write_tm(caller, guest, at, &time::localtime(seconds))?;
    if guest.memory64 && !time::date_in_range(seconds) {
        return Err(Abort(
            "RangeError: The number NaN cannot be converted to a BigInt because it is not an integer".into(),
        )
        .into());
    }
    Ok(Ret::Void)
}

/// `_mktime_js` in UTC: normalises the fields in place and returns the seconds. Where the module
/// declares an i32 result, the emscripten3/4 glues hand the high half to the module's own
/// tempRet0 through its export (the module reads it from there, not from a `getTempRet0`
/// import); the older glues return `seconds | 0` and leave tempRet0 alone.
fn mktime(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    format: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let at = pointer_of(&params[0]);
    let (tm, _) = read_tm(caller, guest, at)?;
    let (seconds, normalised) = match format {
        ModuleFormat::Emscripten | ModuleFormat::Emscripten2 => {
            let (seconds, normalised) = time::mktime_legacy(&tm);
            (i64::from(seconds), normalised)
        }
        _ => time::mktime(&tm),
    };
    write_tm(caller, guest, at, &normalised)?;
    if let Some(set_temp_ret0) = guest.set_temp_ret0 {
        set_temp_ret0.call(&mut *caller, &[Val::I32((seconds >> 32) as i32)], &mut [])?;
    }
    Ok(Ret::Int(seconds))
}

/// `strftime(s, max, format, tm)`: the formatted bytes and a NUL if they fit in `max`, else 0.
fn strftime(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (out, max, format, at) =
        (pointer_of(&params[0]), pointer_of(&params[1]), pointer_of(&params[2]), pointer_of(&params[3]));
    let (tm, zone) = read_tm(caller, guest, at)?;
    // The glue decodes both strings from their pointer on (it may look past the NUL).
    let memory = guest.memory.data(&*caller);
    let from = |ptr: u64| if ptr == 0 { &[][..] } else { memory.get(ptr as usize..).unwrap_or_default() };
    let text = time::strftime(from(format), &tm, from(zone)).map_err(|e| Abort(e.to_string()))?;
    if text.len() as u64 + 1 > max {
        return Ok(Ret::Int(0));
    }
    guest.write(caller, out, &[&text[..], &[0]].concat())?;
    Ok(Ret::Int(text.len() as i64))
}
