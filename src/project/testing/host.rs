//! The host side of `ao test`: one test's world — a fresh in-memory node on a manual clock, the
//! processes the test spawned, what each printed, what each wallet was sent — and the Lua
//! functions the prelude calls (`__ao_host`). Wallets are Ed25519 keys made from their names, the
//! clock starts at the same instant in every test, so a test's ids and results are the same on
//! every run.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

use mlua::{Lua, Table, Value as LuaValue};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::node::{
    Checkpoints, LogPosition, ManualClock, MessageResult, Node, NodeConfig, OutboxMessage, Outcome, tag_text,
};
use crate::project::Manifest;
use crate::protocol::ao::{message, spawn};
use crate::protocol::{DataItem, Ed25519Key, Id, Signer, Tag, address_of};
use crate::text::plain_error;

/// When every test's clock starts: a millisecond after 2026-01-01T00:00:00Z. Cron ticks fall due
/// at whole intervals from the spawn's second and run when the clock is past them, so a process
/// spawned at the start with a 1-minute cron has ticked 3 times once the clock moved 3 minutes.
const START_MS: u64 = 1_767_225_600_001;

/// What every test of a run shares: the manifest, the modules its processes need besides ao's
/// own (by the manifest's text for them), and where compiled modules are kept.
pub struct Project {
    pub manifest: Manifest,
    pub modules: BTreeMap<String, DataItem>,
    pub module_cache: Option<PathBuf>,
}

/// One test's world.
pub struct World {
    node: Node,
    clock: Arc<ManualClock>,
    project: Rc<Project>,
    modules: BTreeMap<String, Id>,
    processes: Vec<Spawned>,
    /// What processes sent to each address that is not one of the test's processes.
    received: BTreeMap<String, Vec<Value>>,
    /// Items the test signed: each gets its own anchor (Ed25519 signatures are deterministic, so
    /// two equal messages would otherwise be one item).
    signed: u64,
}

/// A process the test spawned.
struct Spawned {
    id: Id,
    /// Its name in the manifest (`None`: a plain aos process).
    name: Option<String>,
    /// The newest log entry already looked at.
    seen: Option<LogPosition>,
    printed: String,
}

/// The key of the test wallet `name`.
pub fn wallet_key(name: &str) -> Ed25519Key {
    Ed25519Key::from_seed(Sha256::digest(format!("ao test wallet {name}")).into())
}

fn failure(message: impl std::fmt::Display) -> mlua::Error {
    mlua::Error::runtime(message.to_string())
}

impl World {
    /// A fresh world: a new in-memory node with the project's modules.
    pub fn new(project: Rc<Project>) -> Result<World, String> {
        let clock = ManualClock::new(START_MS);
        let mut config = NodeConfig::in_memory()
            .with_clock(clock.clone())
            .with_unit_key(Sha256::digest("ao test unit").into())
            .with_checkpoints(Checkpoints::ForRestarts);
        if let Some(cache) = &project.module_cache {
            config = config.with_module_cache(cache);
        }
        let node = Node::start(config).map_err(|e| format!("starting the test node: {e}"))?;
        let mut modules = BTreeMap::new();
        for (text, item) in &project.modules {
            let info = node.import_module(item.clone()).map_err(|e| format!("module {text}: {e}"))?;
            modules.insert(text.clone(), info.id);
        }
        Ok(World { node, clock, project, modules, processes: Vec::new(), received: BTreeMap::new(), signed: 0 })
    }

    /// The next anchor: 32 bytes, different for every item of the test.
    fn anchor(&mut self) -> Vec<u8> {
        self.signed += 1;
        format!("{:032}", self.signed).into_bytes()
    }

    /// Sends a message signed by the wallet `from`; its outcome.
    fn send(&mut self, from: &str, process: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Outcome, mlua::Error> {
        let item = message(process, tags, data, Some(self.anchor())).sign(&wallet_key(from)).map_err(failure)?;
        let outcome = self.node.accept(item).map_err(failure)?;
        self.observe()?;
        Ok(outcome)
    }

    /// Evaluates `code` in `process` as its owner.
    fn eval(&mut self, process: Id, code: String) -> Result<Outcome, mlua::Error> {
        self.send("owner", process, vec![Tag::new("Action", "Eval")], code.into_bytes())
    }

    /// What each process of the test printed (name or id, text), for a failure's report.
    pub fn printed(&self) -> Vec<(String, String)> {
        let label = |p: &Spawned| p.name.clone().unwrap_or_else(|| p.id.to_string());
        self.processes.iter().filter(|p| !p.printed.trim().is_empty()).map(|p| (label(p), p.printed.clone())).collect()
    }

    /// Spawns a process: the manifest's `name` (its module, tags, cron, and its source loaded,
    /// knowing the test's other processes), or a plain aos process; `tags` and `data` are added.
    fn spawn(&mut self, name: Option<&str>, mut tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, mlua::Error> {
        let spec = match name {
            Some(name) => Some(self.project.manifest.process(name).map_err(failure)?.clone()),
            None => None,
        };
        let module = match &spec {
            Some(spec) if spec.module != "aos" => Some(self.modules[&spec.module]),
            _ => None,
        };
        if let Some(spec) = &spec {
            let mut spawn_tags = spec.spawn_tags();
            spawn_tags.append(&mut tags);
            tags = spawn_tags;
        }
        if let Some(name) = name {
            tags.insert(0, Tag::new("Name", name));
        }
        tags.push(Tag::new("Authority", self.node.unit_address()));
        let module = module.unwrap_or_else(crate::runtime::aos_module_id);
        let mut builder = spawn(module, &self.node.unit_address(), tags, data, self.node.now_ms());
        builder.anchor = Some(self.anchor());
        let outcome = self.node.accept(builder.sign(&wallet_key("owner")).map_err(failure)?).map_err(failure)?;
        let id = outcome.process;
        self.processes.push(Spawned { id, name: name.map(String::from), seen: None, printed: String::new() });
        if let Some(error) = outcome.result.error {
            return Err(failure(format!(
                "{} booted with an error: {}",
                name.unwrap_or("the process"),
                plain_error(&error)
            )));
        }
        if let (Some(spec), Some(name)) = (spec, name) {
            let ids = self.named_ids();
            let source = spec.source(&self.project.manifest.root, &ids).map_err(failure)?;
            if let Some(error) = self.eval(id, source.code.clone())?.result.error {
                return Err(failure(format!("loading {name}: {}", source.error(&error).0)));
            }
            // The processes spawned before that know this one learn its id.
            let mut learners = Vec::new();
            for other in self.processes.iter().filter(|p| p.id != id) {
                let Some(other_spec) = other.name.as_ref().and_then(|n| self.project.manifest.processes.get(n)) else {
                    continue;
                };
                for (global, _) in other_spec.knows.iter().filter(|(_, known)| known.as_str() == name) {
                    learners.push((other.id, format!("{global} = {:?}", id.to_string())));
                }
            }
            for (other, code) in learners {
                self.eval(other, code)?;
            }
        }
        self.observe()?;
        Ok(id)
    }

    /// The ids of the test's manifest processes, by name (the first of each name).
    fn named_ids(&self) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        for process in &self.processes {
            if let Some(name) = &process.name {
                ids.entry(name.clone()).or_insert_with(|| process.id.to_string());
            }
        }
        ids
    }

    /// Reads what the test's processes did since last looked: what they printed, and what they
    /// sent to addresses that are not processes of the test.
    fn observe(&mut self) -> Result<(), mlua::Error> {
        let local: Vec<String> = self.processes.iter().map(|p| p.id.to_string()).collect();
        for process in &mut self.processes {
            loop {
                let entries = self.node.log(process.id, process.seen, 256).map_err(failure)?;
                let Some(last) = entries.last() else { break };
                process.seen = Some(last.position);
                for entry in &entries {
                    let printed = entry.result.printed();
                    if !printed.is_empty() {
                        process.printed.push_str(&crate::text::strip_ansi(&printed));
                        process.printed.push('\n');
                    }
                    if let Some(error) = &entry.result.error {
                        process.printed.push_str(&format!("error: {}\n", plain_error(error)));
                    }
                    for message in &entry.result.messages {
                        let target = message.0.get("Target").and_then(Value::as_str).unwrap_or_default();
                        if !local.iter().any(|id| id == target) {
                            let shown = message_json(message, Some(&process.id.to_string()));
                            self.received.entry(target.to_string()).or_default().push(shown);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn process(&self, id: &str) -> Result<Id, mlua::Error> {
        id.parse().map_err(|_| failure(format!("{id:?} is not a process id")))
    }
}

/// An outbox message as tests see it: `Target`, `Data`, `Anchor`, `From` (the sender, when
/// known), `Tags` (name → value) and each tag as a field of its own, as aos shows messages.
fn message_json(message: &OutboxMessage, from: Option<&str>) -> Value {
    let mut shown = Map::new();
    let mut tags = Map::new();
    if let Some(Value::Array(list)) = message.0.get("Tags") {
        for tag in list {
            if let (Some(name), Some(value)) = (tag.get("name").and_then(Value::as_str), tag.get("value")) {
                let value = tag_text(value).unwrap_or_default();
                tags.insert(name.to_string(), Value::String(value.clone()));
                shown.insert(name.to_string(), Value::String(value));
            }
        }
    }
    for (field, value) in &message.0 {
        if field != "Tags" {
            shown.insert(field.clone(), value.clone());
        }
    }
    if let Some(from) = from {
        shown.insert("From".into(), Value::String(from.to_string()));
    }
    shown.insert("Tags".into(), Value::Object(tags));
    Value::Object(shown)
}

/// A result as tests see it: `Output` (what it printed), `Messages`, `Spawns`, `Assignments`,
/// `Error`, `GasUsed`, and for a message kept `Id` and `Slot`.
fn result_json(result: &MessageResult, process: Id, kept: Option<(Id, u64)>) -> Value {
    let sender = process.to_string();
    let list =
        |messages: &[OutboxMessage]| Value::Array(messages.iter().map(|m| message_json(m, Some(&sender))).collect());
    let mut shown = Map::new();
    shown.insert("Output".into(), Value::String(crate::text::strip_ansi(&result.printed())));
    shown.insert("Messages".into(), list(&result.messages));
    shown.insert("Spawns".into(), list(&result.spawns));
    let assignments = result.assignments.iter().map(|a| Value::Object(a.0.clone())).collect();
    shown.insert("Assignments".into(), Value::Array(assignments));
    if let Some(error) = &result.error {
        shown.insert("Error".into(), Value::String(plain_error(error)));
    }
    if let Some(gas) = result.gas_used {
        shown.insert("GasUsed".into(), gas.into());
    }
    if let Some((id, slot)) = kept {
        shown.insert("Id".into(), Value::String(id.to_string()));
        shown.insert("Slot".into(), slot.into());
    }
    Value::Object(shown)
}

/// A JSON value as Lua sees it (null is nil).
pub fn to_lua(lua: &Lua, value: &Value) -> mlua::Result<LuaValue> {
    Ok(match value {
        Value::Null => LuaValue::Nil,
        Value::Bool(flag) => LuaValue::Boolean(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(integer) => LuaValue::Integer(integer),
            None => LuaValue::Number(number.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(text) => LuaValue::String(lua.create_string(text)?),
        Value::Array(items) => {
            let table = lua.create_table_with_capacity(items.len(), 0)?;
            for (i, item) in items.iter().enumerate() {
                table.raw_set(i + 1, to_lua(lua, item)?)?;
            }
            LuaValue::Table(table)
        }
        Value::Object(fields) => {
            let table = lua.create_table_with_capacity(0, fields.len())?;
            for (key, item) in fields {
                table.raw_set(key.as_str(), to_lua(lua, item)?)?;
            }
            LuaValue::Table(table)
        }
    })
}

/// A Lua value as JSON (a table with keys 1..n is a list), for a message's table `Data`.
fn to_json(value: &LuaValue) -> mlua::Result<Value> {
    Ok(match value {
        LuaValue::Nil => Value::Null,
        LuaValue::Boolean(flag) => Value::Bool(*flag),
        LuaValue::Integer(integer) => Value::from(*integer),
        LuaValue::Number(number) => serde_json::Number::from_f64(*number).map_or(Value::Null, Value::Number),
        LuaValue::String(text) => Value::String(text.to_str()?.to_string()),
        LuaValue::Table(table) => {
            let length = table.raw_len();
            if length > 0 && table.pairs::<LuaValue, LuaValue>().count() == length {
                Value::Array(table.sequence_values::<LuaValue>().map(|v| to_json(&v?)).collect::<mlua::Result<_>>()?)
            } else {
                let mut fields = Map::new();
                for pair in table.pairs::<LuaValue, LuaValue>() {
                    let (key, value) = pair?;
                    fields.insert(text_of(&key)?, to_json(&value)?);
                }
                Value::Object(fields)
            }
        }
        other => return Err(failure(format!("a {} cannot be sent", other.type_name()))),
    })
}

/// A Lua string or number as tag text.
fn text_of(value: &LuaValue) -> mlua::Result<String> {
    match value {
        LuaValue::String(text) => Ok(text.to_str()?.to_string()),
        LuaValue::Integer(integer) => Ok(integer.to_string()),
        LuaValue::Number(number) => Ok(number.to_string()),
        LuaValue::Boolean(flag) => Ok(flag.to_string()),
        other => Err(failure(format!("a tag value cannot be a {}", other.type_name()))),
    }
}

/// A message table of a test (`{Action = "Transfer", Quantity = 10, Data = ..., From = wallet}`):
/// the wallet it is from, its tags (sorted by name: a Lua table has no order) and its data.
fn message_parts(message: &Table) -> mlua::Result<(String, Vec<Tag>, Vec<u8>)> {
    let mut from = "owner".to_string();
    let (mut tags, mut data) = (Vec::new(), Vec::new());
    for pair in message.pairs::<String, LuaValue>() {
        let (key, value) = pair?;
        match key.as_str() {
            "From" => {
                from = match &value {
                    LuaValue::Table(wallet) => wallet.get::<String>("name")?,
                    LuaValue::String(name) => name.to_str()?.to_string(),
                    _ => return Err(failure("From is a wallet (ao.wallet(name)) or a wallet's name")),
                }
            }
            "Data" => {
                data = match &value {
                    LuaValue::String(text) => text.as_bytes().to_vec(),
                    LuaValue::Table(_) => to_json(&value)?.to_string().into_bytes(),
                    other => text_of(other)?.into_bytes(),
                }
            }
            "Tags" => {
                let LuaValue::Table(table) = &value else { return Err(failure("Tags is a table of name = value")) };
                for pair in table.pairs::<String, LuaValue>() {
                    let (name, value) = pair?;
                    tags.push(Tag::new(&name, &text_of(&value)?));
                }
            }
            _ => tags.push(Tag::new(&key, &text_of(&value)?)),
        }
    }
    tags.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((from, tags, data))
}

/// The current test's world, shared by the host functions.
pub type Current = Rc<RefCell<Option<World>>>;

/// The running test's world.
fn world(current: &Current) -> mlua::Result<std::cell::RefMut<'_, World>> {
    let world = current.try_borrow_mut().map_err(|_| failure("the test's world is busy"))?;
    std::cell::RefMut::filter_map(world, Option::as_mut).map_err(|_| failure("no test is running"))
}

/// Installs `__ao_host`: the functions the prelude's `ao` table and process objects call.
pub fn install(lua: &Lua, current: &Current) -> mlua::Result<()> {
    let host = lua.create_table()?;

    let now = current.clone();
    host.set(
        "spawn",
        lua.create_function(move |_, (name, options): (Option<String>, Option<Table>)| {
            let (mut tags, mut data) = (Vec::new(), Vec::new());
            if let Some(options) = options {
                if let Some(table) = options.get::<Option<Table>>("Tags")? {
                    for pair in table.pairs::<String, LuaValue>() {
                        let (tag, value) = pair?;
                        tags.push(Tag::new(&tag, &text_of(&value)?));
                    }
                    tags.sort_by(|a, b| a.name.cmp(&b.name));
                }
                if let Some(text) = options.get::<Option<String>>("Data")? {
                    data = text.into_bytes();
                }
            }
            Ok(world(&now)?.spawn(name.as_deref(), tags, data)?.to_string())
        })?,
    )?;

    let now = current.clone();
    host.set(
        "send",
        lua.create_function(move |lua, (process, message, dry): (String, Table, bool)| {
            let mut world = world(&now)?;
            let process = world.process(&process)?;
            let (from, tags, data) = message_parts(&message)?;
            let shown = if dry {
                let owner = address_of(wallet_key(&from).owner());
                let result = world.node.dry_run(&owner, process, &tags, &data).map_err(failure)?;
                result_json(&result, process, None)
            } else {
                let outcome = world.send(&from, process, tags, data)?;
                result_json(&outcome.result, process, Some((outcome.id, outcome.slot)))
            };
            to_lua(lua, &shown)
        })?,
    )?;

    let now = current.clone();
    host.set(
        "eval",
        lua.create_function(move |lua, (process, code): (String, String)| {
            let mut world = world(&now)?;
            let process = world.process(&process)?;
            let outcome = world.eval(process, code)?;
            to_lua(lua, &result_json(&outcome.result, process, Some((outcome.id, outcome.slot))))
        })?,
    )?;

    let now = current.clone();
    host.set(
        "state",
        lua.create_function(move |lua, (process, expression): (String, String)| {
            let world = world(&now)?;
            let process = world.process(&process)?;
            let code = format!("return require('json').encode({expression})");
            let result = world.node.read_lua(process, &code).map_err(failure)?;
            if let Some(error) = &result.error {
                return Err(failure(format!("reading {expression}: {}", plain_error(error))));
            }
            let text = result.printed();
            let value: Value = serde_json::from_str(&crate::text::strip_ansi(&text))
                .map_err(|e| failure(format!("reading {expression}: {e} in {text:?}")))?;
            to_lua(lua, &value)
        })?,
    )?;

    let now = current.clone();
    host.set(
        "inbox",
        lua.create_function(move |lua, process: String| {
            let world = world(&now)?;
            let inbox = world.node.inbox(world.process(&process)?, None).map_err(failure)?;
            to_lua(lua, &Value::Array(inbox.messages))
        })?,
    )?;

    let now = current.clone();
    host.set(
        "printed",
        lua.create_function(move |_, process: String| {
            let world = world(&now)?;
            let id = world.process(&process)?;
            Ok(world.processes.iter().find(|p| p.id == id).map(|p| p.printed.clone()).unwrap_or_default())
        })?,
    )?;

    let now = current.clone();
    host.set(
        "received",
        lua.create_function(move |lua, address: String| {
            let world = world(&now)?;
            to_lua(lua, &Value::Array(world.received.get(&address).cloned().unwrap_or_default()))
        })?,
    )?;

    // Where in the test file something happened: the first frame of `file` on the stack from
    // `level` up (or the frame at `level` when `file` is nil), as `file:line`.
    host.set(
        "where",
        lua.create_function(|lua, (file, level): (Option<String>, usize)| {
            for level in level.. {
                let Some((source, line)) = lua.inspect_stack(level, |debug| {
                    (debug.source().short_src.map(|s| s.into_owned()), debug.current_line())
                }) else {
                    break;
                };
                let (Some(source), Some(line)) = (source, line) else { continue };
                if file.as_ref().is_none_or(|file| *file == source) {
                    return Ok(Some(format!("{source}:{line}")));
                }
            }
            Ok(None)
        })?,
    )?;

    host.set("wallet", lua.create_function(|_, name: String| Ok(address_of(wallet_key(&name).owner())))?)?;

    let now = current.clone();
    host.set(
        "advance",
        lua.create_function(move |_, duration: LuaValue| {
            let ms = match &duration {
                LuaValue::Integer(ms) if *ms >= 0 => *ms as u64,
                LuaValue::Number(ms) if *ms >= 0.0 => *ms as u64,
                LuaValue::String(text) => crate::node::interval_ms(&text.to_str()?).map_err(failure)?,
                _ => return Err(failure("ao.advance(ms | \"5-minutes\" | \"3-blocks\")")),
            };
            let mut world = world(&now)?;
            world.clock.advance(ms);
            let ticks = world.node.run_crons().map_err(failure)?;
            world.observe()?;
            Ok(ticks)
        })?,
    )?;

    let now = current.clone();
    host.set("now", lua.create_function(move |_, ()| Ok(world(&now)?.node.now_ms()))?)?;
    let now = current.clone();
    host.set(
        "height",
        lua.create_function(move |_, ()| {
            let world = world(&now)?;
            Ok(world.node.block_height_at(world.node.now_ms()))
        })?,
    )?;

    // `require("json")` in tests, as in processes.
    let json = lua.create_table()?;
    json.set("encode", lua.create_function(|_, value: LuaValue| Ok(to_json(&value)?.to_string()))?)?;
    json.set(
        "decode",
        lua.create_function(|lua, text: String| {
            let value: Value = serde_json::from_str(&text).map_err(|e| failure(format!("json.decode: {e}")))?;
            to_lua(lua, &value)
        })?,
    )?;
    lua.globals().get::<Table>("package")?.get::<Table>("loaded")?.set("json", json)?;
    lua.globals().set("__ao_host", host)
}
