//! What evaluating one message gives, as the compute unit reports it (`ao-protocol.md` §4.5):
//! `{Output, Messages, Spawns, Assignments, Error?, GasUsed?}`. Made once from the module's
//! response, stored as JSON once, and handed as it is to the messenger, the CLI and the REPL.
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::runtime::{EvalError, Evaluation};

/// The result of one message or cron tick.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageResult {
    /// What it printed or returned: text, or aos's `{data, prompt, ...}`.
    pub output: Value,
    /// The messages it sent (the messenger delivers them).
    pub messages: Vec<OutboxMessage>,
    /// The processes it spawned.
    pub spawns: Vec<OutboxMessage>,
    /// The existing messages it assigned to other processes.
    pub assignments: Vec<OutboxAssignment>,
    /// Why it failed; then the process's state is as before it, and nothing was sent.
    pub error: Option<String>,
    /// The gas a metered module's meter counted (none for modules without one).
    pub gas_used: Option<u64>,
    /// Anything else the module returned, kept as it was.
    pub extra: Map<String, Value>,
}

/// An entry of a result's `Messages` or `Spawns`, as the process wrote it: `Target` (messages),
/// `Anchor`, `Tags` (`[{name, value}]`, values not always strings), `Data`, and whatever else.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OutboxMessage(pub Map<String, Value>);

/// An entry of a result's `Assignments`: `{Processes: [id...], Message: id}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OutboxAssignment(pub Map<String, Value>);

const KNOWN: [&str; 6] = ["Output", "Messages", "Spawns", "Assignments", "Error", "GasUsed"];

impl MessageResult {
    /// The result of an evaluation; `None` when it was interrupted (that is no result: nothing
    /// of it is kept). `metered`: the module counts gas, which the result then reports.
    pub(crate) fn of(evaluation: Evaluation, metered: bool) -> Option<MessageResult> {
        let gas_used = metered.then_some(evaluation.gas_used);
        let result = match evaluation.outcome {
            Ok(Value::Object(response)) => MessageResult::from_map(response),
            Ok(_) => MessageResult::default(),
            Err(EvalError::Interrupted) => return None,
            Err(error) => {
                let output = match &error {
                    EvalError::Process { output: Some(output), .. } => (**output).clone(),
                    _ => Value::String(String::new()),
                };
                MessageResult { output, error: Some(error.to_string()), ..MessageResult::default() }
            }
        };
        Some(MessageResult { gas_used, ..result })
    }

    /// A result from its JSON object (fields that are missing or of the wrong type are empty).
    fn from_map(mut map: Map<String, Value>) -> MessageResult {
        fn list<T: From<Map<String, Value>>>(value: Option<Value>) -> Vec<T> {
            match value {
                Some(Value::Array(items)) => items
                    .into_iter()
                    .filter_map(|item| match item {
                        Value::Object(fields) => Some(T::from(fields)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }
        let output = map.remove("Output").unwrap_or_else(|| Value::String(String::new()));
        let messages = list(map.remove("Messages"));
        let spawns = list(map.remove("Spawns"));
        let assignments = list(map.remove("Assignments"));
        let error = match map.remove("Error") {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text),
            Some(other) => Some(other.to_string()),
        };
        let gas_used = map.remove("GasUsed").and_then(|gas| gas.as_u64());
        MessageResult { output, messages, spawns, assignments, error, gas_used, extra: map }
    }

    pub fn is_error(&self) -> bool {
        self.error.is_some()
    }

    /// What it printed, as aos shows it: `Output.data`, or `Output` itself when it is text.
    pub fn printed(&self) -> String {
        let data = self.output.get("data").unwrap_or(&self.output);
        match data.get("output") {
            // Older aos (and the modules built from it) return `{output, prompt, json}`: as aos
            // shows them, the `output` field, or nothing when there is only a prompt.
            Some(output) => value_text(output),
            None if data.get("prompt").is_some() => String::new(),
            None => value_text(data),
        }
    }

    /// The result as one JSON value (what `--json` prints and the store keeps).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("results serialize")
    }
}

/// The result as its JSON.
impl std::fmt::Display for MessageResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&serde_json::to_string(self).expect("results serialize"))
    }
}

impl From<Map<String, Value>> for OutboxMessage {
    fn from(fields: Map<String, Value>) -> Self {
        OutboxMessage(fields)
    }
}

impl From<Map<String, Value>> for OutboxAssignment {
    fn from(fields: Map<String, Value>) -> Self {
        OutboxAssignment(fields)
    }
}

impl Serialize for MessageResult {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("Output", &self.output)?;
        map.serialize_entry("Messages", &self.messages)?;
        map.serialize_entry("Spawns", &self.spawns)?;
        map.serialize_entry("Assignments", &self.assignments)?;
        if let Some(error) = &self.error {
            map.serialize_entry("Error", error)?;
        }
        if let Some(gas) = self.gas_used {
            map.serialize_entry("GasUsed", &gas)?;
        }
        for (name, value) in &self.extra {
            if !KNOWN.contains(&name.as_str()) {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MessageResult {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(MessageResult::from_map(Map::deserialize(deserializer)?))
    }
}

impl OutboxMessage {
    fn text(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(Value::as_str)
    }

    /// Where the message goes (messages; a spawn has none).
    pub fn target(&self) -> Option<&str> {
        self.text("Target")
    }

    pub fn anchor(&self) -> Option<&str> {
        self.text("Anchor")
    }

    /// The tags in order, each value as the network sends it ([`tag_text`]); tags that are not
    /// `{name, value}` pairs with a value are left out.
    pub fn tags(&self) -> impl Iterator<Item = (&str, String)> {
        let tags = self.0.get("Tags").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        tags.iter().filter_map(|tag| Some((tag.get("name")?.as_str()?, tag_text(tag.get("value")?)?)))
    }

    /// The value of tag `name`, as text.
    pub fn tag(&self, name: &str) -> Option<String> {
        self.tags().find(|(tag, _)| *tag == name).map(|(_, value)| value)
    }

    /// The raw value of tag `name`, as the process wrote it.
    pub fn tag_value(&self, name: &str) -> Option<&Value> {
        let tags = self.0.get("Tags")?.as_array()?;
        tags.iter().find(|tag| tag.get("name").and_then(Value::as_str) == Some(name))?.get("value")
    }

    /// The data as the messenger sends it: text as it is, other values as JSON, `" "` when there
    /// is none (an item needs data).
    pub fn data(&self) -> Vec<u8> {
        match self.0.get("Data") {
            Some(Value::String(text)) if !text.is_empty() => text.clone().into_bytes(),
            Some(value) if !value.is_null() && !value.is_string() => value.to_string().into_bytes(),
            _ => b" ".to_vec(),
        }
    }

    /// Its `Action` tag.
    pub fn action(&self) -> Option<String> {
        self.tag("Action")
    }
}

impl OutboxAssignment {
    /// The processes the message is assigned to.
    pub fn processes(&self) -> impl Iterator<Item = &str> {
        self.0.get("Processes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
    }

    /// The assigned message's id, as written.
    pub fn message(&self) -> Option<&str> {
        self.0.get("Message").and_then(Value::as_str)
    }
}

/// A JSON value as text: a string as itself, null as nothing, anything else as JSON.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A tag value as the network sends it: a tag is text, so what a process wrote as another value
/// (`Quantity = 10`) goes as JavaScript's `String(value)` writes it — `"10"`, `"1.5"`, `"true"`,
/// `"1e+21"` — and a list or table as its JSON; `None` for null (no value).
pub fn tag_text(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => return None,
        Value::String(text) => text.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => match number.as_f64() {
            Some(x) if number.is_f64() => javascript_number(x),
            _ => number.to_string(),
        },
        other => other.to_string(),
    })
}

/// `String(x)` in JavaScript for a finite double: shortest digits, exponential from 1e21 up and
/// below 1e-6.
fn javascript_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let magnitude = x.abs();
    if (1e-6..1e21).contains(&magnitude) {
        return format!("{x}");
    }
    let text = format!("{x:e}");
    match text.split_once('e') {
        Some((digits, exponent)) if !exponent.starts_with('-') => format!("{digits}e+{exponent}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tag_values_go_as_javascript_writes_them() {
        for (value, text) in [
            (json!("x"), Some("x")),
            (json!(10), Some("10")),
            (json!(-3), Some("-3")),
            (json!(1.5), Some("1.5")),
            (json!(0.1), Some("0.1")),
            (json!(1e21), Some("1e+21")),
            (json!(1.5e-7), Some("1.5e-7")),
            (json!(true), Some("true")),
            (json!(["a", "b"]), Some(r#"["a","b"]"#)),
            (json!(null), None),
        ] {
            assert_eq!(tag_text(&value).as_deref(), text, "{value}");
        }
    }

    #[test]
    fn a_result_keeps_what_the_module_returned_and_serializes_in_the_units_order() {
        let response = json!({"Messages": [{"Target": "t", "Tags": [{"name": "Quantity", "value": 10}]}],
            "Output": {"data": "hi"}, "Patches": [1], "Spawns": [], "Assignments": []});
        let Value::Object(map) = response else { unreachable!() };
        let result = MessageResult::from_map(map);
        assert_eq!(result.messages[0].tag("Quantity").as_deref(), Some("10"));
        assert_eq!(result.messages[0].tag_value("Quantity"), Some(&json!(10)));
        let text = serde_json::to_string(&result).unwrap();
        assert_eq!(
            text,
            r#"{"Output":{"data":"hi"},"Messages":[{"Target":"t","Tags":[{"name":"Quantity","value":10}]}],"Spawns":[],"Assignments":[],"Patches":[1]}"#
        );
        assert_eq!(serde_json::from_str::<MessageResult>(&text).unwrap(), result);
    }
}
