//! The legacy units (`ao-protocol.md` §3) as aoconnect's legacy mode calls them: a signed item to
//! the messenger (`POST /`, `202`), results and dry runs from the compute unit, the scheduler's
//! address from the scheduler unit.
use serde_json::{Value, json};

use super::RemoteError;
use super::unit::Unit;
use crate::node::MessageResult;
use crate::protocol::ao::{message, spawn};
use crate::protocol::{DataItem, Id, Signer, Tag};

/// A messenger, compute and scheduler unit, each at its URL.
pub struct Legacy {
    mu: String,
    cu: String,
    su: String,
    mu_unit: Unit,
    cu_unit: Unit,
    su_unit: Unit,
}

fn base(url: &str) -> String {
    url.trim_end_matches('/').to_string()
}

impl Legacy {
    pub fn new(mu: &str, cu: &str, su: &str) -> Self {
        Legacy {
            mu: base(mu),
            cu: base(cu),
            su: base(su),
            mu_unit: Unit::new("the messenger unit"),
            cu_unit: Unit::new("the compute unit"),
            su_unit: Unit::new("the scheduler unit"),
        }
    }

    /// The scheduler unit's address (what a spawn names as its `Scheduler`).
    pub fn scheduler(&self) -> Result<String, RemoteError> {
        let url = format!("{}/", self.su);
        let answer = self.su_unit.json(&url, self.su_unit.read(&url, || self.su_unit.http.get(&url))?)?;
        answer["address"].as_str().map(str::to_string).ok_or_else(|| self.su_unit.answer(&url, "no address"))
    }

    /// Spawns a process on `module`, scheduled by the scheduler unit; its id.
    pub fn spawn(&self, wallet: &dyn Signer, module: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, RemoteError> {
        let scheduler = self.scheduler()?;
        let now =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
        let item = spawn(module, &scheduler, tags, data, now).sign(wallet)?;
        self.post(&item)?;
        Ok(item.id())
    }

    /// Sends a message to `process`; its id once the messenger took it.
    pub fn send(&self, wallet: &dyn Signer, process: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, RemoteError> {
        let item = message(process, tags, data, None).sign(wallet)?;
        self.post(&item)?;
        Ok(item.id())
    }

    fn post(&self, item: &DataItem) -> Result<(), RemoteError> {
        let url = &self.mu;
        let request =
            self.mu_unit.http.post(url).header("content-type", "application/octet-stream").body(item.to_bytes());
        self.mu_unit.write(url, request).map(drop)
    }

    /// The result of `message` (a message or assignment id) in `process`.
    pub fn result(&self, process: Id, message: Id) -> Result<MessageResult, RemoteError> {
        let url = format!("{}/result/{message}?process-id={process}", self.cu);
        let answer = self.cu_unit.json(&url, self.cu_unit.read(&url, || self.cu_unit.http.get(&url))?)?;
        serde_json::from_value(answer).map_err(|e| self.cu_unit.answer(&url, e))
    }

    /// The slot of `message` (a message or assignment id) in `process`'s schedule.
    pub fn slot_of(&self, process: Id, message: Id) -> Result<u64, RemoteError> {
        let url = format!("{}/{message}?process-id={process}", self.su);
        let answer = self.su_unit.json(&url, self.su_unit.read(&url, || self.su_unit.http.get(&url))?)?;
        let tags = answer["assignment"]["tags"].as_array().cloned().unwrap_or_default();
        let nonce = tags.iter().find(|t| t["name"] == "Nonce").and_then(|t| t["value"].as_str());
        nonce.and_then(|n| n.parse().ok()).ok_or_else(|| self.su_unit.answer(&url, "no Nonce in the assignment"))
    }

    /// A dry run of a message from `owner` to `process` (nothing kept).
    pub fn dry_run(&self, owner: &str, process: Id, tags: &[Tag], data: &[u8]) -> Result<MessageResult, RemoteError> {
        let url = format!("{}/dry-run?process-id={process}", self.cu);
        let mut all: Vec<Value> = tags.iter().map(|t| json!({ "name": t.name, "value": t.value })).collect();
        all.extend([
            json!({ "name": "Data-Protocol", "value": "ao" }),
            json!({ "name": "Type", "value": "Message" }),
            json!({ "name": "Variant", "value": "ao.TN.1" }),
        ]);
        let body = json!({
            "Id": "1234", "Owner": owner, "Target": process.to_string(), "Anchor": "0",
            "Data": String::from_utf8_lossy(data), "Tags": all,
        });
        let answer = self.cu_unit.json(&url, self.cu_unit.read(&url, || self.cu_unit.http.post(&url).json(&body))?)?;
        serde_json::from_value(answer).map_err(|e| self.cu_unit.answer(&url, e))
    }
}
