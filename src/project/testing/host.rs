//! The functions `ao test`'s prelude calls (`__ao_host`), over the running test's [`World`], and
//! `require("json")` for tests.
use std::cell::RefCell;
use std::rc::Rc;

use mlua::{Lua, Table, Value as LuaValue};
use serde_json::Value;

use super::values::{message_parts, result_json, text_of, to_json, to_lua};
use super::world::{World, failure, wallet_key};
use crate::protocol::{Signer, Tag, address_of};
use crate::text::plain_error;

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

    let shared = current.clone();
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
            Ok(world(&shared)?.spawn(name.as_deref(), tags, data)?.to_string())
        })?,
    )?;

    let shared = current.clone();
    host.set(
        "send",
        lua.create_function(move |lua, (process, message, dry): (String, Table, bool)| {
            let mut world = world(&shared)?;
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

    let shared = current.clone();
    host.set(
        "eval",
        lua.create_function(move |lua, (process, code): (String, String)| {
            let mut world = world(&shared)?;
            let process = world.process(&process)?;
            let outcome = world.eval(process, code)?;
            to_lua(lua, &result_json(&outcome.result, process, Some((outcome.id, outcome.slot))))
        })?,
    )?;

    let shared = current.clone();
    host.set(
        "state",
        lua.create_function(move |lua, (process, expression): (String, String)| {
            let world = world(&shared)?;
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

    let shared = current.clone();
    host.set(
        "inbox",
        lua.create_function(move |lua, process: String| {
            let world = world(&shared)?;
            let inbox = world.node.inbox(world.process(&process)?, None).map_err(failure)?;
            to_lua(lua, &Value::Array(inbox.messages))
        })?,
    )?;

    let shared = current.clone();
    host.set(
        "printed",
        lua.create_function(move |_, process: String| {
            let world = world(&shared)?;
            let id = world.process(&process)?;
            Ok(world.processes.iter().find(|p| p.id == id).map(|p| p.printed.clone()).unwrap_or_default())
        })?,
    )?;

    let shared = current.clone();
    host.set(
        "received",
        lua.create_function(move |lua, address: String| {
            let world = world(&shared)?;
            to_lua(lua, &Value::Array(world.received.get(&address).cloned().unwrap_or_default()))
        })?,
    )?;

    // Where in the test file something happened: the first frame of `file` on the stack from
    // `level` up (or the frame at `level` when `file` is nil), as `file:line`.
    host.set(
        "where",
        lua.create_function(|lua, (file, level): (Option<String>, usize)| {
            for level in level.. {
                // The chunk's name without its `@` (`short_src` shortens long paths).
                let source_of = |debug: &mlua::debug::Debug| {
                    let source = debug.source().source.map(|s| s.into_owned());
                    source.map(|s| s.strip_prefix('@').map(str::to_string).unwrap_or(s))
                };
                let Some((source, line)) = lua.inspect_stack(level, |debug| (source_of(debug), debug.current_line()))
                else {
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

    let shared = current.clone();
    host.set(
        "advance",
        lua.create_function(move |_, duration: LuaValue| {
            let ms = match &duration {
                LuaValue::Integer(ms) if *ms >= 0 => *ms as u64,
                LuaValue::Number(ms) if *ms >= 0.0 => *ms as u64,
                LuaValue::String(text) => crate::node::interval_ms(&text.to_str()?).map_err(failure)?,
                _ => return Err(failure("ao.advance(ms | \"5-minutes\" | \"3-blocks\")")),
            };
            let mut world = world(&shared)?;
            let later =
                world.node.now_ms().checked_add(ms).ok_or_else(|| failure("ao.advance: past the end of time"))?;
            world.clock.set(later);
            let ticks = world.node.run_crons().map_err(failure)?;
            world.observe()?;
            Ok(ticks)
        })?,
    )?;

    let shared = current.clone();
    host.set("now", lua.create_function(move |_, ()| Ok(world(&shared)?.node.now_ms()))?)?;
    let shared = current.clone();
    host.set(
        "height",
        lua.create_function(move |_, ()| {
            let world = world(&shared)?;
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
