//! How `ao test`'s Lua sees the node's values and the node sees the tests': results and
//! messages as tables (tags as fields, as aos shows messages), JSON both ways, and a test's
//! message table as tags and data.
use mlua::{Lua, Table, Value as LuaValue};
use serde_json::{Map, Value};

use super::world::failure;
use crate::node::{MessageResult, OutboxMessage, tag_text};
use crate::protocol::{Id, Tag};
use crate::text::plain_error;

/// An outbox message as tests see it: `Target`, `Data`, `Anchor`, `From` (the sender, when
/// known), `Tags` (name → value) and each tag as a field of its own, as aos shows messages.
pub(super) fn message_json(message: &OutboxMessage, from: Option<&str>) -> Value {
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
pub(super) fn result_json(result: &MessageResult, process: Id, kept: Option<(Id, u64)>) -> Value {
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
pub(super) fn to_lua(lua: &Lua, value: &Value) -> mlua::Result<LuaValue> {
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

/// A Lua value as JSON (a table with keys 1..n is a list; an object's keys sorted, so that the
/// text is the same on every run), for a message's table `Data` and `json.encode`.
pub(super) fn to_json(value: &LuaValue) -> mlua::Result<Value> {
    to_json_within(value, 0)
}

/// Tables nested deeper than this are taken for cycles.
const MAX_DEPTH: usize = 100;

fn to_json_within(value: &LuaValue, depth: usize) -> mlua::Result<Value> {
    if depth > MAX_DEPTH {
        return Err(failure(format!("a table nested over {MAX_DEPTH} deep (or holding itself) cannot be made JSON")));
    }
    let to_json = |value: &LuaValue| to_json_within(value, depth + 1);
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
                let mut fields = Vec::new();
                for pair in table.pairs::<LuaValue, LuaValue>() {
                    let (key, value) = pair?;
                    fields.push((text_of(&key)?, to_json(&value)?));
                }
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                Value::Object(fields.into_iter().collect())
            }
        }
        other => return Err(failure(format!("a {} cannot be sent", other.type_name()))),
    })
}

/// A Lua string or number as tag text.
pub(super) fn text_of(value: &LuaValue) -> mlua::Result<String> {
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
pub(super) fn message_parts(message: &Table) -> mlua::Result<(String, Vec<Tag>, Vec<u8>)> {
    let mut from = "owner".to_string();
    let (mut tags, mut data) = (Vec::new(), Vec::new());
    for pair in message.pairs::<String, LuaValue>() {
        let (key, value) = pair?;
        match key.as_str() {
            "From" => {
                let wallet = match &value {
                    LuaValue::Table(wallet) if wallet.get::<LuaValue>("address")?.is_string() => {
                        wallet.get::<Option<String>>("name")?
                    }
                    LuaValue::String(name) => Some(name.to_str()?.to_string()),
                    _ => None,
                };
                from = wallet.ok_or_else(|| {
                    failure("From is a wallet (ao.wallet(name)) or a wallet's name; a process sends with p:eval('Send({...})')")
                })?;
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
