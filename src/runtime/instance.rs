//! One live instance of a process module: boot it, hand it a message, read or replace its memory.
//! Speaks ao's own module ABI (`ao_alloc`, `ao_free`, `ao_boot`, `handle`; see module/glue/ao.c)
//! or, through `emscripten`, the published modules' one, and turns traps and exhausted limits into
//! `EvalError`s. Rollback policy lives in `process.rs`.
use std::time::Instant;

use serde::Deserialize;
use serde_json::Value;
use wasmtime::{Memory, ResourceLimiter, Store, Trap, TypedFunc};

use super::emscripten;
use super::error::{EvalError, RuntimeError};
use super::interrupt::{Interrupt, MeterPage};
use super::limits::{FUEL_PER_NANOSECOND, Limits};
use super::loop_meter;
use super::module::{LoadedModule, ModuleCode};
use super::snapshot::{PAGE, Snapshot};
use super::wasi::ProcExit;
use super::weavedrive::{Drive, MessageTime};

const WASM_PAGE: usize = 64 * 1024;

/// What a store carries for the host: the memory limiter, what may interrupt it, and an
/// emscripten module's host state.
pub struct HostState {
    limiter: MemoryLimiter,
    interrupt: Option<Interrupt>,
    pub(crate) emscripten: emscripten::HostContext,
}

/// Enforces `Memory-Limit` and remembers whether it refused a growth, so that the out-of-memory
/// error the module raises can be reported as the memory limit it is.
struct MemoryLimiter {
    limit: usize,
    refused: bool,
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        let allowed = desired <= self.limit;
        self.refused |= !allowed;
        Ok(allowed)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 1 << 20)
    }
}

pub(crate) struct Instance {
    store: Store<HostState>,
    memory: Memory,
    abi: Abi,
    limits: Limits,
    /// The loop meter's memory (`loop_meter.rs`), whose first 8 bytes are its counter.
    meter: Memory,
    /// Whether the loop meter is the module's `Compute-Limit` (it has no meter of its own; a
    /// module with one has the loop meter under the cap, for interrupts).
    fuel: bool,
}

/// How the host talks to the module.
enum Abi {
    Ao(Box<AoCalls>),
    Emscripten(emscripten::Calls),
}

/// ao's own module's exports.
struct AoCalls {
    initialize: Option<TypedFunc<(), ()>>,
    boot: TypedFunc<(u32, u32), u32>,
    alloc: TypedFunc<u32, u32>,
    free: TypedFunc<u32, ()>,
    handle: TypedFunc<(u32, u32), u32>,
}

#[derive(Deserialize)]
struct RawResult {
    ok: bool,
    #[serde(default)]
    response: Value,
}

impl Instance {
    /// Instantiates the module; an emscripten module also runs the glue's start-up (`boot`: with
    /// `main`, for the families whose glue calls it).
    fn instantiate(module: &LoadedModule, limits: Limits, boot: bool) -> Result<Self, RuntimeError> {
        let engine = module.pre.module().engine();
        let limiter =
            MemoryLimiter { limit: usize::try_from(limits.memory_bytes).unwrap_or(usize::MAX), refused: false };
        let mut store = Store::new(engine, HostState { limiter, interrupt: None, emscripten: Default::default() });
        store.limiter(|state| &mut state.limiter);
        let instance = module.pre.instantiate(&mut store).map_err(|e| RuntimeError::Instantiate(format!("{e:#}")))?;
        let meter = instance.get_memory(&mut store, loop_meter::MEMORY).ok_or_else(|| {
            RuntimeError::InvalidModule(format!("module {} was compiled without its meter", module.id))
        })?;
        // Start-up is not a message: `Compute-Limit` does not apply to it, the cap does (each
        // `handle` gives the meter the process's own limit).
        set_meter(&mut store, meter, Limits::CAPS.compute);
        if let Some(start) = instance.get_func(&mut store, loop_meter::START) {
            start.call(&mut store, &[], &mut []).map_err(|e| {
                let error = instance_error(e, store.data().limiter.refused, limits);
                RuntimeError::Instantiate(over_limit(error, meter_left(&store, meter), Limits::CAPS).to_string())
            })?;
        }
        let fuel = module.fuel;
        match &module.code {
            ModuleCode::Ao { .. } => {
                let missing =
                    |what: &str| RuntimeError::InvalidModule(format!("module {} does not export {what}", module.id));
                let memory = instance.get_memory(&mut store, "memory").ok_or_else(|| missing("`memory`"))?;
                let func = |name: &str| missing(&format!("`{name}` with the ao module signature"));
                let calls = AoCalls {
                    initialize: instance.get_typed_func(&mut store, "_initialize").ok(),
                    boot: instance.get_typed_func(&mut store, "ao_boot").map_err(|_| func("ao_boot"))?,
                    alloc: instance.get_typed_func(&mut store, "ao_alloc").map_err(|_| func("ao_alloc"))?,
                    free: instance.get_typed_func(&mut store, "ao_free").map_err(|_| func("ao_free"))?,
                    handle: instance.get_typed_func(&mut store, "handle").map_err(|_| func("handle"))?,
                };
                Ok(Instance { store, memory, abi: Abi::Ao(Box::new(calls)), limits, meter, fuel })
            }
            ModuleCode::Emscripten { format } => {
                let (calls, memory) = emscripten::Calls::new(&mut store, &instance, *format)?;
                let refused = |store: &Store<HostState>| store.data().limiter.refused;
                calls.start(&mut store, boot).map_err(|e| {
                    let error = instance_error(e, refused(&store), limits);
                    RuntimeError::Boot(over_limit(error, meter_left(&store, meter), Limits::CAPS).to_string())
                })?;
                Ok(Instance { store, memory, abi: Abi::Emscripten(calls), limits, meter, fuel })
            }
        }
    }

    /// A fresh instance with the module booted: ao's module gets its Lua process library, an
    /// emscripten module runs its start-up.
    pub(crate) fn boot(module: &LoadedModule, limits: Limits) -> Result<Self, RuntimeError> {
        let mut instance = Self::instantiate(module, limits, true)?;
        if let ModuleCode::Ao { lua_bundle } = &module.code {
            instance.run_boot(lua_bundle).map_err(|e| {
                let left = meter_left(&instance.store, instance.meter);
                RuntimeError::Boot(over_limit(e, left, Limits::CAPS).to_string())
            })?;
        }
        Ok(instance)
    }

    fn run_boot(&mut self, lua_bundle: &[u8]) -> Result<(), EvalError> {
        let Abi::Ao(calls) = &self.abi else { unreachable!("only ao's module has a Lua bundle") };
        let (initialize, boot, free) = (calls.initialize.clone(), calls.boot.clone(), calls.free.clone());
        if let Some(initialize) = initialize {
            initialize.call(&mut self.store, ()).map_err(|e| self.trap(e))?;
        }
        let bundle = self.write_input(lua_bundle, false)?;
        let error_ptr = boot.call(&mut self.store, (bundle, lua_bundle.len() as u32)).map_err(|e| self.trap(e))?;
        if error_ptr != 0 {
            let message = String::from_utf8_lossy(self.read_c_string(error_ptr)?).into_owned();
            return Err(EvalError::Process { error: Value::String(message), output: None });
        }
        free.call(&mut self.store, bundle).map_err(|e| self.trap(e))
    }

    /// A fresh instance whose memory is `snapshot`'s, another instance's memory between calls.
    /// Costs the pages the snapshot has in use, not its size: a fresh memory is zero but for the
    /// pages its data segments and start-up code wrote (`LoadedModule::fresh_pages`), so only
    /// those are cleared where the snapshot has zeros.
    pub(crate) fn restore(module: &LoadedModule, limits: Limits, snapshot: &Snapshot) -> Result<Self, RuntimeError> {
        let mut instance = Self::instantiate(module, limits, false)?;
        let current = instance.memory.data_size(&instance.store);
        let len = snapshot.len();
        if !len.is_multiple_of(WASM_PAGE) || len < current {
            return Err(RuntimeError::Restore(format!(
                "{len} bytes is not a memory of this module (it starts with {current} bytes, in pages of {WASM_PAGE})"
            )));
        }
        let grow_by = ((len - current) / WASM_PAGE) as u64;
        instance.memory.grow(&mut instance.store, grow_by).map_err(|_| {
            RuntimeError::Restore(format!(
                "the snapshot holds {len} bytes of memory, over the memory limit of {} bytes",
                limits.memory_bytes
            ))
        })?;
        let memory = instance.memory.data_mut(&mut instance.store);
        let fresh = fresh_pages(module, &memory[..current]);
        for &index in fresh.iter() {
            if !snapshot.has(index)
                && let Some(page) = memory.get_mut(index as usize * PAGE..).and_then(|rest| rest.get_mut(..PAGE))
            {
                page.fill(0);
            }
        }
        for (index, page) in snapshot.pages() {
            let bytes = page.bytes();
            memory[index as usize * PAGE..][..bytes.len()].copy_from_slice(bytes);
        }
        Ok(instance)
    }

    /// Makes `interrupt` stop the messages this instance evaluates from now on.
    pub(crate) fn set_interrupt(&mut self, interrupt: Option<Interrupt>) {
        self.store.data_mut().interrupt = interrupt;
    }

    /// Gives the module WeaveDrive: emscripten modules reach it through `fopen` (ao's own
    /// module has no use for it).
    pub(crate) fn set_drive(&mut self, drive: Option<Drive>) {
        if matches!(self.abi, Abi::Emscripten(_)) {
            self.store.data_mut().emscripten.drive.drive = drive;
        }
    }

    pub(crate) fn memory(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    /// A snapshot of a freshly booted instance's memory, reading only the pages that may not be
    /// zero: those it touched and its data segments' (reading the others would fault them in).
    pub(crate) fn snapshot(&self, module: &LoadedModule) -> Snapshot {
        let memory = self.memory();
        Snapshot::empty(module.id()).updated(memory, worth_reading(module, memory).as_deref())
    }

    /// Evaluates one message; returns the outcome, the fuel it used (what the loop meter counted;
    /// a module with a meter of its own: its run time in fuel units, `FUEL_PER_NANOSECOND`), and
    /// the gas a metered emscripten module counted.
    pub(crate) fn handle(&mut self, msg_json: &str, env_json: &str) -> (Result<Value, EvalError>, u64, u64) {
        let started = Instant::now();
        self.store.data_mut().limiter.refused = false;
        let limit = if self.fuel { self.limits.compute } else { Limits::CAPS.compute };
        set_meter(&mut self.store, self.meter, limit);
        emscripten::refill(&mut self.store, self.limits.compute);
        if self.store.data().emscripten.drive.drive.is_some() {
            self.store.data_mut().emscripten.drive.at = message_time(msg_json);
        }
        // While the module runs, an interrupt can take its meter's page away (`interrupt.rs`):
        // registered after the host's last write to it, and refused if it has fired already.
        let interrupt = self.store.data().interrupt.clone();
        let page = MeterPage(self.meter.data_ptr(&self.store));
        if let Some(interrupt) = &interrupt
            && !interrupt.watch(page)
        {
            return (Err(EvalError::Interrupted), 0, 0);
        }
        let outcome = self.call_handle(msg_json, env_json);
        if let Some(interrupt) = &interrupt {
            interrupt.unwatch(page);
        }
        let left = meter_left(&self.store, self.meter);
        let refused = self.store.data().limiter.refused;
        let outcome = outcome.map_err(|e| match e {
            _ if interrupt.as_ref().is_some_and(Interrupt::is_fired) => EvalError::Interrupted,
            // A failure that follows a refused growth is the memory limit, whatever the module said.
            EvalError::Process { .. } | EvalError::Trap { .. } | EvalError::BadResult(_) if refused => {
                EvalError::MemoryLimit { limit: self.limits.memory_bytes }
            }
            other => over_limit(other, left, self.limits),
        });
        // What runs between messages (`ao_alloc`, `ao_free`) is under the cap, as start-up.
        set_meter(&mut self.store, self.meter, Limits::CAPS.compute);
        let fuel_used = match self.fuel {
            true => limit - u64::try_from(left).unwrap_or(0),
            false => {
                u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX).saturating_mul(FUEL_PER_NANOSECOND)
            }
        };
        (outcome, fuel_used, self.store.data().emscripten.gas_used)
    }

    fn call_handle(&mut self, msg_json: &str, env_json: &str) -> Result<Value, EvalError> {
        let raw: RawResult = match &self.abi {
            Abi::Ao(calls) => {
                let (handle, free) = (calls.handle.clone(), calls.free.clone());
                let msg = self.write_input(msg_json.as_bytes(), true)?;
                let env = self.write_input(env_json.as_bytes(), true)?;
                let result_ptr = handle.call(&mut self.store, (msg, env)).map_err(|e| self.trap(e))?;
                let raw = parse_result(self.read_c_string(result_ptr)?)?;
                for ptr in [msg, env] {
                    free.call(&mut self.store, ptr).map_err(|e| self.trap(e))?;
                }
                raw
            }
            Abi::Emscripten(calls) => {
                let bytes = calls.handle(&mut self.store, msg_json, env_json);
                parse_result(&bytes.map_err(|e| e.into_eval_error(|error| self.trap(error)))?)?
            }
        };
        if !raw.ok {
            return Err(EvalError::Process { error: raw.response, output: None });
        }
        match raw.response.get("Error") {
            Some(error) if !error.is_null() => Err(EvalError::Process {
                error: error.clone(),
                output: raw.response.get("Output").cloned().map(Box::new),
            }),
            _ => Ok(raw.response),
        }
    }

    fn trap(&self, error: wasmtime::Error) -> EvalError {
        instance_error(error, self.store.data().limiter.refused, self.limits)
    }

    /// Copies `bytes` (plus a NUL when `nul_terminated`) into memory from `ao_alloc`.
    fn write_input(&mut self, bytes: &[u8], nul_terminated: bool) -> Result<u32, EvalError> {
        let Abi::Ao(calls) = &self.abi else { unreachable!("only ao's module has ao_alloc") };
        let alloc = calls.alloc.clone();
        let size = bytes.len() + usize::from(nul_terminated);
        let size32 = u32::try_from(size).map_err(|_| EvalError::MemoryLimit { limit: self.limits.memory_bytes })?;
        let ptr = alloc.call(&mut self.store, size32).map_err(|e| self.trap(e))?;
        if ptr == 0 {
            return Err(EvalError::MemoryLimit { limit: self.limits.memory_bytes });
        }
        let target = self
            .memory
            .data_mut(&mut self.store)
            .get_mut(ptr as usize..ptr as usize + size)
            .ok_or_else(|| EvalError::BadResult(format!("ao_alloc returned {ptr}, outside memory")))?;
        target[..bytes.len()].copy_from_slice(bytes);
        if nul_terminated {
            target[bytes.len()] = 0;
        }
        Ok(ptr)
    }

    fn read_c_string(&self, ptr: u32) -> Result<&[u8], EvalError> {
        let tail = self
            .memory()
            .get(ptr as usize..)
            .ok_or_else(|| EvalError::BadResult(format!("pointer {ptr} is outside memory")))?;
        let end = memchr::memchr(0, tail).ok_or_else(|| EvalError::BadResult("unterminated string".into()))?;
        Ok(&tail[..end])
    }
}

/// `{ok, response}`, the JSON `handle` returns.
fn parse_result(bytes: &[u8]) -> Result<RawResult, EvalError> {
    let mut raw: RawResult = serde_json::from_slice(bytes).map_err(|e| EvalError::BadResult(e.to_string()))?;
    as_javascript_reads_them(&mut raw.response);
    Ok(raw)
}

/// Numbers as the reference compute unit (JavaScript) reads a result: JSON has one number type,
/// so what a module writes as `9.007199254741e+15` or `3.0` is the integer 9007199254741000 or 3
/// there, and is shown so. Integral values in `i64`'s range become integers here too, with the
/// digits JavaScript prints (Rust's shortest round-trip digits, padded with zeros, are the same).
fn as_javascript_reads_them(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(x) = number.as_f64().filter(|x| number.is_f64() && x.fract() == 0.0 && x.abs() < 9.2e18)
                && let Ok(integer) = format!("{x}").parse::<i64>()
            {
                *value = Value::from(integer);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(as_javascript_reads_them),
        Value::Object(fields) => fields.values_mut().for_each(as_javascript_reads_them),
        _ => {}
    }
}

/// Gives the loop meter `limit` units for what runs next.
fn set_meter(store: &mut Store<HostState>, meter: Memory, limit: u64) {
    let counter = i64::try_from(limit).unwrap_or(i64::MAX);
    meter.data_mut(store)[..8].copy_from_slice(&counter.to_le_bytes());
}

/// What the loop meter has left (below zero once it ran out).
fn meter_left(store: &Store<HostState>, meter: Memory) -> i64 {
    i64::from_le_bytes(meter.data(store)[..8].try_into().expect("the counter's 8 bytes"))
}

/// `error` as the `Compute-Limit` error it is when the loop meter ran out (its `unreachable` is the
/// trap; nothing else can trap with the counter below zero: the check traps as soon as it is).
fn over_limit(error: EvalError, meter_left: i64, limits: Limits) -> EvalError {
    match error {
        EvalError::Trap { .. } if meter_left < 0 => EvalError::ComputeLimit { limit: limits.compute },
        other => other,
    }
}

/// Classifies an error a call into the module ended with.
fn instance_error(error: wasmtime::Error, memory_refused: bool, limits: Limits) -> EvalError {
    if let Some(halt) = error.downcast_ref::<emscripten::Halt>() {
        return EvalError::Trap { message: halt.to_string() };
    }
    if error.is::<emscripten::OutOfGas>() {
        return EvalError::ComputeLimit { limit: limits.compute };
    }
    if let Some(trap) = error.downcast_ref::<Trap>() {
        return match trap {
            _ if memory_refused => EvalError::MemoryLimit { limit: limits.memory_bytes },
            Trap::StackOverflow => EvalError::Trap { message: "stack overflow".into() },
            other => EvalError::Trap { message: other.to_string() },
        };
    }
    if let Some(exit) = error.downcast_ref::<ProcExit>() {
        return EvalError::Trap { message: exit.to_string() };
    }
    if memory_refused {
        return EvalError::MemoryLimit { limit: limits.memory_bytes };
    }
    EvalError::Trap { message: format!("{error:#}") }
}

/// For each page of `memory`, a fresh instance's of `module`, whether it may not be zero: its
/// data segments' pages and those the instance touched (`None`: not known, every page may).
fn worth_reading(module: &LoadedModule, memory: &[u8]) -> Option<Vec<bool>> {
    let mut flags = super::pagemap::touched(memory)?;
    for &index in module.data_pages()? {
        if let Some(flag) = flags.get_mut(index as usize) {
            *flag = true;
        }
    }
    Some(flags)
}

/// The pages not all zero in `fresh`, a freshly instantiated memory of `module` (cached with its
/// size). Only its data segments' pages and those start-up code touched are read; not knowing
/// either, every page is.
fn fresh_pages(module: &LoadedModule, fresh: &[u8]) -> std::sync::Arc<[u32]> {
    let mut cached = module.fresh_pages.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((size, pages)) = cached.as_ref()
        && *size == fresh.len()
    {
        return pages.clone();
    }
    let flags = worth_reading(module, fresh);
    let worth = |index: u32| flags.as_ref().is_none_or(|flags| flags.get(index as usize).copied().unwrap_or(true));
    let pages: std::sync::Arc<[u32]> = Snapshot::pages_in_use(fresh, worth).into();
    *cached = Some((fresh.len(), pages.clone()));
    pages
}

/// The message's `Block-Height` and `Timestamp` (numbers or numeric strings; 0 if missing).
fn message_time(msg_json: &str) -> MessageTime {
    #[derive(Deserialize)]
    struct Fields {
        #[serde(rename = "Block-Height")]
        block_height: Option<Value>,
        #[serde(rename = "Timestamp")]
        timestamp: Option<Value>,
    }
    let number = |value: Option<Value>| match value {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        _ => 0,
    };
    match serde_json::from_str::<Fields>(msg_json) {
        Ok(fields) => MessageTime { block_height: number(fields.block_height), timestamp: number(fields.timestamp) },
        Err(_) => MessageTime::default(),
    }
}
