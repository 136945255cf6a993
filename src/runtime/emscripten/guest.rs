//! The instance as host functions see it: its memory (32- or 64-bit pointers) and the exports they
//! call back into (stack helpers, `setThrew`, `__errno_location`, `malloc`, the function table).
use wasmtime::{AsContext, AsContextMut, Func, Memory, Table, Val};

/// Exports of one emscripten instance, found right after instantiation.
#[derive(Clone)]
pub(crate) struct Guest {
    pub(crate) memory: Memory,
    pub(crate) memory64: bool,
    /// `getHeapMax` of the module's glue generation.
    pub(crate) max_heap: u64,
    pub(crate) table: Option<Table>,
    pub(crate) stack_save: Func,
    pub(crate) stack_restore: Func,
    pub(crate) set_threw: Option<Func>,
    pub(crate) errno_location: Option<Func>,
    pub(crate) malloc: Option<Func>,
    /// Where the glue puts the high half of an i64 it returns as two i32s, when the module keeps
    /// tempRet0 itself: `setTempRet0` (emscripten3) or `_emscripten_tempret_set` (emscripten4).
    pub(crate) set_temp_ret0: Option<Func>,
}

/// A host function was handed a pointer outside memory.
#[derive(Debug)]
pub(crate) struct GuestTrap(pub String);

impl std::fmt::Display for GuestTrap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GuestTrap {}

/// A pointer or size argument: i32 values are unsigned 32-bit addresses, i64 values 64-bit ones.
pub(crate) fn pointer_of(value: &Val) -> u64 {
    match value {
        Val::I32(v) => *v as u32 as u64,
        Val::I64(v) => *v as u64,
        _ => 0,
    }
}

/// An integer argument, sign-extended.
pub(crate) fn int_of(value: &Val) -> i64 {
    match value {
        Val::I32(v) => i64::from(*v),
        Val::I64(v) => *v,
        Val::F64(bits) => f64::from_bits(*bits) as i64,
        _ => 0,
    }
}

impl Guest {
    /// A pointer as the module's pointer type.
    pub(crate) fn ptr_val(&self, ptr: u64) -> Val {
        if self.memory64 { Val::I64(ptr as i64) } else { Val::I32(ptr as u32 as i32) }
    }

    pub(crate) fn val_ptr(&self, value: &Val) -> u64 {
        pointer_of(value)
    }

    /// Size in bytes of a pointer, `size_t` or `long`.
    pub(crate) fn word(&self) -> u64 {
        if self.memory64 { 8 } else { 4 }
    }

    pub(crate) fn bytes<'a>(&self, store: &'a impl AsContext, ptr: u64, len: u64) -> Option<&'a [u8]> {
        let start = usize::try_from(ptr).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        self.memory.data(store).get(start..end)
    }

    pub(crate) fn bytes_mut<'a>(&self, store: &'a mut impl AsContextMut, ptr: u64, len: u64) -> Option<&'a mut [u8]> {
        let start = usize::try_from(ptr).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        self.memory.data_mut(store).get_mut(start..end)
    }

    /// The NUL-terminated string at `ptr`, without its NUL.
    pub(crate) fn c_string<'a>(&self, store: &'a impl AsContext, ptr: u64) -> Option<&'a [u8]> {
        let tail = self.memory.data(store).get(usize::try_from(ptr).ok()?..)?;
        let end = memchr::memchr(0, tail)?;
        Some(&tail[..end])
    }

    pub(crate) fn write(&self, store: &mut impl AsContextMut, ptr: u64, bytes: &[u8]) -> Result<(), GuestTrap> {
        let target = self
            .bytes_mut(store, ptr, bytes.len() as u64)
            .ok_or_else(|| GuestTrap(format!("a host function was handed pointer {ptr}, outside memory")))?;
        target.copy_from_slice(bytes);
        Ok(())
    }

    pub(crate) fn read<const N: usize>(&self, store: &impl AsContext, ptr: u64) -> Result<[u8; N], GuestTrap> {
        self.bytes(store, ptr, N as u64)
            .map(|bytes| bytes.try_into().expect("N bytes"))
            .ok_or_else(|| GuestTrap(format!("a host function was handed pointer {ptr}, outside memory")))
    }

    pub(crate) fn write_u32(&self, store: &mut impl AsContextMut, ptr: u64, value: u32) -> Result<(), GuestTrap> {
        self.write(store, ptr, &value.to_le_bytes())
    }

    pub(crate) fn read_i32(&self, store: &impl AsContext, ptr: u64) -> Result<i32, GuestTrap> {
        self.read::<4>(store, ptr).map(i32::from_le_bytes)
    }

    /// Writes a pointer-sized (`size_t`, `long`) value.
    pub(crate) fn write_word(&self, store: &mut impl AsContextMut, ptr: u64, value: u64) -> Result<(), GuestTrap> {
        if self.memory64 {
            self.write(store, ptr, &value.to_le_bytes())
        } else {
            self.write_u32(store, ptr, value as u32)
        }
    }

    /// Reads a pointer-sized value.
    pub(crate) fn read_word(&self, store: &impl AsContext, ptr: u64) -> Result<u64, GuestTrap> {
        if self.memory64 {
            self.read::<8>(store, ptr).map(u64::from_le_bytes)
        } else {
            self.read::<4>(store, ptr).map(|b| u64::from(u32::from_le_bytes(b)))
        }
    }

    pub(crate) fn stack_save(&self, store: &mut impl AsContextMut) -> wasmtime::Result<u64> {
        let mut result = [self.ptr_val(0)];
        self.stack_save.call(store, &[], &mut result)?;
        Ok(pointer_of(&result[0]))
    }

    pub(crate) fn stack_restore(&self, store: &mut impl AsContextMut, ptr: u64) -> wasmtime::Result<()> {
        self.stack_restore.call(store, &[self.ptr_val(ptr)], &mut [])
    }
}
