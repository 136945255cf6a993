//! WeaveDrive's host functions for emscripten modules (ao-protocol §5.6): `weavedrive_open`,
//! `_read` and `_close`, which the modules' C library calls from `fopen`/`fread`/`fclose`, and
//! the descriptor calls (`fd_seek`, `fd_read`, `fd_close`) musl makes on the files they open.
//! Everything answers synchronously from the process's [`Drive`].
//!
//! Reads follow the reference extension: a `/tx` or `/block` file is read from its start every
//! time; a `/data` file from its position, which `fd_seek` moves, so that aos's idiom
//! `f:read(f:seek("end"))` works, a read at or past the end starts again from the beginning (the
//! reference asks the gateway for a range past the end, and gets the whole content back).
//! Open files live for one message, like everything else the glue keeps in JavaScript.
use wasmtime::{Caller, Val};

use super::guest::{Guest, int_of, pointer_of};
use super::imports::{EBADF, EINVAL, ESPIPE, Ret};
use crate::runtime::format::ModuleFormat;
use crate::runtime::instance::HostState;
use crate::runtime::weavedrive::{Drive, DriveFile, MessageTime, Refusal};

/// The first descriptor after stdin, stdout and stderr.
const FIRST_FD: usize = 3;

/// A process's WeaveDrive, when the current message was scheduled, and the files it has open.
#[derive(Default)]
pub(crate) struct DriveState {
    pub(crate) drive: Option<Drive>,
    pub(crate) at: MessageTime,
    files: Vec<Option<OpenFile>>,
}

struct OpenFile {
    file: DriveFile,
    position: u64,
}

impl DriveState {
    /// Closes every file: a message starts with none open.
    pub(crate) fn close_all(&mut self) {
        self.files.clear();
    }

    fn file(&mut self, fd: &Val) -> Option<&mut OpenFile> {
        self.files.get_mut(Self::index(fd)?)?.as_mut()
    }

    /// Closes `fd`; whether it was an open drive file.
    fn remove(&mut self, fd: &Val) -> bool {
        Self::index(fd).and_then(|index| self.files.get_mut(index)).and_then(Option::take).is_some()
    }

    fn index(fd: &Val) -> Option<usize> {
        usize::try_from(int_of(fd)).ok()?.checked_sub(FIRST_FD)
    }

    /// The lowest free descriptor, as the glue's file system hands them out.
    fn insert(&mut self, file: DriveFile) -> usize {
        let open = Some(OpenFile { file, position: 0 });
        match self.files.iter().position(Option::is_none) {
            Some(index) => {
                self.files[index] = open;
                index + FIRST_FD
            }
            None => {
                self.files.push(open);
                self.files.len() - 1 + FIRST_FD
            }
        }
    }
}

/// An open the reference halts on: `HALT: FILE NOT FOUND`, and why.
#[derive(Debug)]
pub(crate) struct Halt(pub String);

impl std::fmt::Display for Halt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HALT: FILE NOT FOUND ({})", self.0)
    }
}

impl std::error::Error for Halt {}

/// `weavedrive_open(path, mode)`: a descriptor, or 0 for "not found". Where the reference
/// halts, the message fails (the 64-bit glue throws `HALT: FILE NOT FOUND`; the 32-bit glue's
/// assertions abort on the string the extension answers).
pub(crate) fn open(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let state = &caller.data().emscripten.drive;
    let Some(drive) = &state.drive else { return Ok(Ret::Int(0)) };
    let Some(path) = guest.c_string(caller, pointer_of(&params[0])) else { return Ok(Ret::Int(0)) };
    let path = String::from_utf8_lossy(path).into_owned();
    match drive.open(&path, state.at) {
        Ok(file) => Ok(Ret::Int(caller.data_mut().emscripten.drive.insert(file) as i64)),
        Err(Refusal::NotFound) => Ok(Ret::Int(0)),
        Err(Refusal::Halt(reason)) => Err(Halt(reason).into()),
    }
}

/// `weavedrive_read(fd, dst, length)`: copies what there is (the module's `fread` reports the
/// full length whatever this returns), and returns the count.
pub(crate) fn read(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (dst, length) = (pointer_of(&params[1]), pointer_of(&params[2]));
    let (bytes, start) = {
        let Some(open) = caller.data_mut().emscripten.drive.file(&params[0]) else { return Ok(Ret::Int(0)) };
        let size = open.file.content.len() as u64;
        if open.file.header {
            (open.file.content.len().min(length as usize), 0)
        } else {
            if open.position >= size {
                open.position = 0;
            }
            let start = open.position;
            let count = length.min(size - start);
            open.position += count;
            (count as usize, start as usize)
        }
    };
    copy_out(caller, guest, &params[0], start, bytes, dst)?;
    Ok(Ret::Int(bytes as i64))
}

/// `weavedrive_close(fd)`.
pub(crate) fn close(
    caller: &mut Caller<'_, HostState>,
    _: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    caller.data_mut().emscripten.drive.remove(&params[0]);
    Ok(Ret::Int(0))
}

/// `fd_seek(fd, offset, whence, new_offset)` (the offset as two i32 halves on wasm32): moves a
/// drive file's position; stdio cannot seek, other descriptors do not exist.
pub(crate) fn fd_seek(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    _: ModuleFormat,
    params: &[Val],
) -> wasmtime::Result<Ret> {
    let (offset, whence, new_offset) = match params {
        [_, low, high, whence, ptr] => ((int_of(high) << 32) | (int_of(low) & 0xffff_ffff), int_of(whence), ptr),
        [_, offset, whence, ptr] => (int_of(offset), int_of(whence), ptr),
        _ => unreachable!("fd_seek is linked with 4 or 5 parameters"),
    };
    let stdio = (0..=2).contains(&int_of(&params[0]));
    let Some(open) = caller.data_mut().emscripten.drive.file(&params[0]) else {
        return Ok(Ret::Int(if stdio { ESPIPE } else { EBADF }));
    };
    let base = match whence {
        0 => 0,
        1 => open.position as i64,
        2 => open.file.content.len() as i64,
        _ => return Ok(Ret::Int(EINVAL)),
    };
    let Some(position) = base.checked_add(offset).filter(|p| *p >= 0) else { return Ok(Ret::Int(EINVAL)) };
    open.position = position as u64;
    guest.write(caller, pointer_of(new_offset), &(position as u64).to_le_bytes())?;
    Ok(Ret::Int(0))
}

/// `fd_read` on a drive file (musl's buffered reads: `f:read("l")`, `f:lines()`): from the
/// position on, into each buffer in turn. `None` if `fd` is not a drive file.
pub(crate) fn fd_read(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    params: &[Val],
) -> Option<wasmtime::Result<Ret>> {
    caller.data_mut().emscripten.drive.file(&params[0])?;
    Some(read_vectored(caller, guest, params))
}

/// `fd_read(fd, iovs, count, read)` on the drive file `fd`.
fn read_vectored(caller: &mut Caller<'_, HostState>, guest: &Guest, params: &[Val]) -> wasmtime::Result<Ret> {
    let (iovs, count, read_ptr) = (pointer_of(&params[1]), pointer_of(&params[2]), pointer_of(&params[3]));
    let word = guest.word();
    let mut total = 0u64;
    for i in 0..count {
        let buf = guest.read_word(caller, iovs + i * 2 * word)?;
        let len = guest.read_word(caller, iovs + i * 2 * word + word)?;
        let open = caller.data_mut().emscripten.drive.file(&params[0]).expect("the caller found it");
        let start = open.position.min(open.file.content.len() as u64);
        let bytes = len.min(open.file.content.len() as u64 - start);
        open.position = start + bytes;
        copy_out(caller, guest, &params[0], start as usize, bytes as usize, buf)?;
        total += bytes;
        if bytes < len {
            break;
        }
    }
    guest.write_word(caller, read_ptr, total)?;
    Ok(Ret::Int(0))
}

/// `fd_close` on a drive file; `None` if `fd` is not one.
pub(crate) fn fd_close(caller: &mut Caller<'_, HostState>, params: &[Val]) -> Option<Ret> {
    caller.data_mut().emscripten.drive.remove(&params[0]).then_some(Ret::Int(0))
}

/// Copies `len` bytes of the open file `fd` from `start` to the module's memory at `dst`.
fn copy_out(
    caller: &mut Caller<'_, HostState>,
    guest: &Guest,
    fd: &Val,
    start: usize,
    len: usize,
    dst: u64,
) -> wasmtime::Result<()> {
    if len == 0 {
        return Ok(());
    }
    let open = caller.data_mut().emscripten.drive.file(fd).expect("the caller found it");
    let bytes = open.file.content[start..start + len].to_vec();
    guest.write(caller, dst, &bytes)?;
    Ok(())
}
