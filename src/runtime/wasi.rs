//! Deterministic `wasi_snapshot_preview1` imports for process modules.
//!
//! A process must compute the same memory on every machine, so nothing of the host leaks in: no
//! environment, no arguments, no files, a clock stuck at 0, no randomness (`random_get` fails),
//! stdin at end of file, stdout/stderr accepted and dropped (a process speaks through its result).
use wasmtime::{Caller, Linker};

use super::instance::HostState;

const MODULE: &str = "wasi_snapshot_preview1";
const SUCCESS: i32 = 0;
const EBADF: i32 = 8;
const EINVAL: i32 = 28;
const ENOSYS: i32 = 52;
const ESPIPE: i32 = 70;
const FILETYPE_CHARACTER_DEVICE: u8 = 2;

/// Error a module's `proc_exit` call ends the evaluation with.
#[derive(Debug)]
pub(crate) struct ProcExit(pub i32);

impl std::fmt::Display for ProcExit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the module called proc_exit({})", self.0)
    }
}

impl std::error::Error for ProcExit {}

fn is_stdio(fd: i32) -> bool {
    (0..=2).contains(&fd)
}

/// Writes `bytes` at `ptr` in the caller's memory; false when out of bounds.
fn write_memory(caller: &mut Caller<'_, HostState>, ptr: i32, bytes: &[u8]) -> bool {
    let Some(memory) = caller.get_export("memory").and_then(|e| e.into_memory()) else { return false };
    let start = ptr as u32 as usize;
    match memory.data_mut(caller).get_mut(start..start + bytes.len()) {
        Some(target) => {
            target.copy_from_slice(bytes);
            true
        }
        None => false,
    }
}

fn read_u32(caller: &mut Caller<'_, HostState>, ptr: i32) -> Option<u32> {
    let memory = caller.get_export("memory")?.into_memory()?;
    let start = ptr as u32 as usize;
    let bytes = memory.data(&caller).get(start..start + 4)?;
    Some(u32::from_le_bytes(bytes.try_into().unwrap()))
}

fn write_result(caller: &mut Caller<'_, HostState>, ptr: i32, bytes: &[u8]) -> i32 {
    if write_memory(caller, ptr, bytes) { SUCCESS } else { EINVAL }
}

/// `environ_sizes_get` / `args_sizes_get`: zero strings of zero bytes.
fn no_strings(mut caller: Caller<'_, HostState>, count: i32, size: i32) -> i32 {
    let zero = 0u32.to_le_bytes();
    if write_memory(&mut caller, count, &zero) && write_memory(&mut caller, size, &zero) { SUCCESS } else { EINVAL }
}

pub(crate) fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(MODULE, "environ_sizes_get", no_strings)?;
    linker.func_wrap(MODULE, "environ_get", |_: Caller<'_, HostState>, _ptrs: i32, _buf: i32| SUCCESS)?;
    linker.func_wrap(MODULE, "args_sizes_get", no_strings)?;
    linker.func_wrap(MODULE, "args_get", |_: Caller<'_, HostState>, _ptrs: i32, _buf: i32| SUCCESS)?;
    linker.func_wrap(
        MODULE,
        "clock_time_get",
        |mut c: Caller<'_, HostState>, _id: i32, _precision: i64, out: i32| {
            write_result(&mut c, out, &0u64.to_le_bytes())
        },
    )?;
    linker.func_wrap(MODULE, "clock_res_get", |mut c: Caller<'_, HostState>, _id: i32, out: i32| {
        write_result(&mut c, out, &1u64.to_le_bytes())
    })?;
    linker.func_wrap(MODULE, "random_get", |_: Caller<'_, HostState>, _buf: i32, _len: i32| ENOSYS)?;
    linker.func_wrap(MODULE, "proc_exit", |_: Caller<'_, HostState>, code: i32| -> wasmtime::Result<()> {
        Err(ProcExit(code).into())
    })?;
    linker.func_wrap(MODULE, "fd_fdstat_get", |mut c: Caller<'_, HostState>, fd: i32, out: i32| {
        if !is_stdio(fd) {
            return EBADF;
        }
        // fdstat: filetype u8, (pad), flags u16, (pad), rights_base u64, rights_inheriting u64
        let mut stat = [0u8; 24];
        stat[0] = FILETYPE_CHARACTER_DEVICE;
        stat[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
        write_result(&mut c, out, &stat)
    })?;
    linker.func_wrap(
        MODULE,
        "fd_fdstat_set_flags",
        |_: Caller<'_, HostState>, fd: i32, _flags: i32| {
            if is_stdio(fd) { ENOSYS } else { EBADF }
        },
    )?;
    linker.func_wrap(MODULE, "fd_prestat_get", |_: Caller<'_, HostState>, _fd: i32, _out: i32| EBADF)?;
    linker
        .func_wrap(MODULE, "fd_prestat_dir_name", |_: Caller<'_, HostState>, _fd: i32, _path: i32, _len: i32| EBADF)?;
    linker.func_wrap(
        MODULE,
        "fd_close",
        |_: Caller<'_, HostState>, fd: i32| if is_stdio(fd) { SUCCESS } else { EBADF },
    )?;
    linker.func_wrap(MODULE, "fd_renumber", |_: Caller<'_, HostState>, _from: i32, _to: i32| EBADF)?;
    linker.func_wrap(
        MODULE,
        "fd_seek",
        |_: Caller<'_, HostState>, fd: i32, _offset: i64, _whence: i32, _out: i32| {
            if is_stdio(fd) { ESPIPE } else { EBADF }
        },
    )?;
    linker.func_wrap(
        MODULE,
        "fd_read",
        |mut c: Caller<'_, HostState>, fd: i32, _iovs: i32, _len: i32, nread: i32| {
            if fd != 0 {
                return EBADF;
            }
            write_result(&mut c, nread, &0u32.to_le_bytes())
        },
    )?;
    linker.func_wrap(
        MODULE,
        "fd_write",
        |mut c: Caller<'_, HostState>, fd: i32, iovs: i32, len: i32, nwritten: i32| {
            if fd != 1 && fd != 2 {
                return EBADF;
            }
            let mut total = 0u32;
            for i in 0..len.max(0) {
                match read_u32(&mut c, iovs.wrapping_add(i * 8).wrapping_add(4)) {
                    Some(buf_len) => total = total.wrapping_add(buf_len),
                    None => return EINVAL,
                }
            }
            write_result(&mut c, nwritten, &total.to_le_bytes())
        },
    )?;
    let no_files = |_: Caller<'_, HostState>, _fd: i32, _path: i32, _len: i32| EBADF;
    linker.func_wrap(MODULE, "path_remove_directory", no_files)?;
    linker.func_wrap(MODULE, "path_unlink_file", no_files)?;
    linker.func_wrap(
        MODULE,
        "path_rename",
        |_: Caller<'_, HostState>, _fd: i32, _old: i32, _old_len: i32, _new_fd: i32, _new: i32, _new_len: i32| EBADF,
    )?;
    linker.func_wrap(
        MODULE,
        "path_open",
        |_: Caller<'_, HostState>,
         _fd: i32,
         _flags: i32,
         _path: i32,
         _len: i32,
         _oflags: i32,
         _base: i64,
         _inh: i64,
         _fdflags: i32,
         _out: i32| { EBADF },
    )?;
    Ok(())
}
