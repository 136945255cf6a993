//! The module's C library modules (`ao.json`, `ao.bint`) for native Lua: the benchmarks' native
//! reference runs the same Lua library and the same C under it as ao's WebAssembly module.
use std::os::raw::c_int;

use mlua_sys::lua_State;

unsafe extern "C-unwind" {
    /// module/glue/json.c
    pub fn luaopen_ao_json(state: *mut lua_State) -> c_int;
    /// module/glue/bint.c
    pub fn luaopen_ao_bint(state: *mut lua_State) -> c_int;
}

/// The C modules by the names the Lua library requires them under.
pub const C_MODULES: [(&str, unsafe extern "C-unwind" fn(*mut lua_State) -> c_int); 2] =
    [("ao.json", luaopen_ao_json), ("ao.bint", luaopen_ao_bint)];
