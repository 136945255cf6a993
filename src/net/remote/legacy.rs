//! The legacy units (`ao-protocol.md` §3) as aoconnect's legacy mode calls them: a signed item to
//! the messenger (`POST /`, `202`), results and dry runs from the compute unit, the scheduler's
//! address from the scheduler unit.
use serde_json::{Value, json};

use base64::Engine;

use super::unit::{Unit, encode};
use super::{Check, Gateway, Listed, Page, ProcessSource, RemoteError, Start, schedule};
use crate::node::{MessageResult, Scheduled};
use crate::protocol::ao::{message, spawn};
use crate::protocol::{DataItem, Id, Signer, Tag};

/// A messenger, compute and scheduler unit, each at its URL, and a gateway if one is named.
pub struct Legacy {
    mu: String,
    cu: String,
    su: String,
    mu_unit: Unit,
    cu_unit: Unit,
    su_unit: Unit,
    gateway: Option<Gateway>,
}

pub(super) fn base(url: &str) -> String {
    url.trim_end_matches('/').to_string()
}

impl Legacy {
    /// The units at these URLs (and the gateway, if named), each answer awaited `timeout`
    /// (`DEFAULT_TIMEOUT` unless told otherwise).
    pub fn new(mu: &str, cu: &str, su: &str, gateway: Option<&str>, timeout: std::time::Duration) -> Self {
        Legacy {
            gateway: gateway.map(|url| Gateway::new(url, timeout)),
            mu: base(mu),
            cu: base(cu),
            su: base(su),
            mu_unit: Unit::new("the messenger unit", timeout),
            cu_unit: Unit::new("the compute unit", timeout),
            su_unit: Unit::new("the scheduler unit", timeout),
        }
    }

    /// The gateway, if one was named.
    pub fn gateway(&self) -> Option<&Gateway> {
        self.gateway.as_ref()
    }

    /// Whether each unit (and the gateway, if named) answers.
    pub fn check(&self) -> Vec<Check> {
        let text = |unit: &Unit, url: &str| -> Result<String, RemoteError> {
            let answer = unit.read(url, || unit.http.get(url))?.text().map_err(|e| unit.unread(url, e))?;
            Ok(answer.lines().next().unwrap_or_default().chars().take(60).collect())
        };
        let mut checks = vec![
            Check::timed(self.mu_unit.name, self.mu.clone(), || text(&self.mu_unit, &self.mu)),
            Check::timed(self.cu_unit.name, self.cu.clone(), || text(&self.cu_unit, &self.cu)),
            Check::timed(self.su_unit.name, self.su.clone(), || self.scheduler()),
        ];
        checks.extend(self.gateway.iter().map(Gateway::check));
        checks
    }

    /// The scheduler unit's address (what a spawn names as its `Scheduler`).
    pub fn scheduler(&self) -> Result<String, RemoteError> {
        scheduler_address((&self.su_unit, &self.su))
    }

    /// Spawns a process on `module`, scheduled by the scheduler unit; its id.
    /// Unless `tags` name an `Authority`, the process trusts what the scheduler unit's wallet and
    /// the legacy network's messenger push (as aos's legacy mode has it trust the messenger).
    pub fn spawn(&self, wallet: &dyn Signer, module: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, RemoteError> {
        let scheduler = self.scheduler()?;
        let mut tags = tags;
        if !tags.iter().any(|t| t.name == "Authority") {
            tags.push(Tag::new("Authority", &scheduler));
            tags.push(Tag::new("Authority", LEGACY_MESSENGER));
        }
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
        schedule::slot_of(&answer).ok_or_else(|| self.su_unit.answer(&url, "no Nonce in the assignment"))
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

/// The wallet the legacy network's messenger unit signs pushed messages with (aos's legacy
/// `Authority`).
const LEGACY_MESSENGER: &str = "fcoN_xJeisVsPXA-trzVAuIiqO3ydLQxM-L4XbrQKzY";

/// Schedule slots and results read at once.
const RESULTS_PAGE: u64 = 1000;

impl ProcessSource for Legacy {
    fn describe(&self) -> String {
        format!("the units at {} (MU), {} (CU), {} (SU)", self.mu, self.cu, self.su)
    }

    /// The `Nonce` of `GET /{pid}/latest`.
    fn newest_slot(&self, process: Id) -> Result<u64, RemoteError> {
        latest_slot((&self.su_unit, &self.su), process).map(|(slot, _)| slot)
    }

    /// After a slot: pages by time, as the reference compute unit reads them — from the
    /// millisecond of the slot before (`from` is exclusive), skipping what was read already, so
    /// no slot sharing a millisecond with the page's end is lost. At a slot: by nonce.
    fn schedule(&self, process: Id, start: Start, limit: u64) -> Result<Page, RemoteError> {
        scheduler_page((&self.su_unit, &self.su), process, start, limit, &|id| self.item(id))
    }

    fn item(&self, id: Id) -> Result<DataItem, RemoteError> {
        match &self.gateway {
            Some(gateway) => gateway.known_item(id),
            None => Err(RemoteError::NoGateway { id }),
        }
    }

    fn result_of(&self, process: Id, scheduled: &Scheduled) -> Result<MessageResult, RemoteError> {
        self.result(process, scheduled.assignment.message)
    }

    /// `GET /state/{pid}?to=TIMESTAMP`: the memory after the newest message at or before the
    /// slot's time, if its `Last-Ordinate` header says it is this slot.
    fn state_after(&self, process: Id, scheduled: &Scheduled) -> Result<Option<Vec<u8>>, RemoteError> {
        let url = format!("{}/state/{process}?to={}", self.cu, scheduled.assignment.timestamp);
        let response = match self.cu_unit.read(&url, || self.cu_unit.http.get(&url)) {
            Err(error) if error.is_not_found() => return Ok(None),
            other => other?,
        };
        let slot = response.headers().get(STATE_SLOT).and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
        if slot != Some(scheduled.slot()) {
            return Ok(None);
        }
        let memory = response.bytes().map_err(|e| self.cu_unit.unread(&url, e))?;
        Ok(Some(memory.to_vec()))
    }

    /// `GET /results/{pid}?sort=ASC`, a page at a time; a cursor's `ordinate` is the slot, and a
    /// cursor with a `cron` is a cron tick's.
    fn listed_results(&self, process: Id, through: u64) -> Result<Option<Vec<Listed>>, RemoteError> {
        let mut listed = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let mut url = format!("{}/results/{process}?sort=ASC&limit={RESULTS_PAGE}", self.cu);
            if let Some(cursor) = &from {
                url.push_str(&format!("&from={}", encode(cursor)));
            }
            let answer = self.cu_unit.json(&url, self.cu_unit.read(&url, || self.cu_unit.http.get(&url))?)?;
            let edges = answer["edges"].as_array().cloned().unwrap_or_default();
            for edge in &edges {
                let cursor = edge["cursor"].as_str().unwrap_or_default();
                let (slot, tick) = cursor_place(cursor)
                    .ok_or_else(|| self.cu_unit.answer(&url, format!("the cursor {cursor:?} names no slot")))?;
                if slot > through {
                    return Ok(Some(listed));
                }
                let result = serde_json::from_value(edge["node"].clone()).map_err(|e| self.cu_unit.answer(&url, e))?;
                listed.push(Listed { slot, tick, result });
            }
            let more = answer["pageInfo"]["hasNextPage"].as_bool().unwrap_or(false);
            match edges.last().and_then(|edge| edge["cursor"].as_str()) {
                // (A unit that pages on without moving its cursor is not followed round.)
                Some(cursor) if more && from.as_deref() != Some(cursor) => from = Some(cursor.to_string()),
                // A unit that lists nothing for a process with slots does not list results.
                _ => return Ok((!listed.is_empty()).then_some(listed)),
            }
        }
    }
}

/// The address of the scheduler unit at `su` (`GET /`).
pub(super) fn scheduler_address((unit, su): (&Unit, &str)) -> Result<String, RemoteError> {
    let url = format!("{su}/");
    let answer = unit.json(&url, unit.read(&url, || unit.http.get(&url))?)?;
    answer["address"].as_str().map(str::to_string).ok_or_else(|| unit.answer(&url, "no address"))
}

/// The newest slot of `process` at the scheduler unit at `su` (`GET /{process}/latest`), and
/// the schedule node it answered (`{message, assignment}`).
pub(super) fn latest_slot((unit, su): (&Unit, &str), process: Id) -> Result<(u64, Value), RemoteError> {
    let url = format!("{su}/{process}/latest");
    let answer = unit.json(&url, unit.read(&url, || unit.http.get(&url))?)?;
    let slot = schedule::slot_of(&answer).ok_or_else(|| unit.answer(&url, "no Nonce in the assignment"))?;
    Ok((slot, answer))
}

/// A page of `process`'s schedule from the scheduler unit at `su`, read as the reference compute
/// unit reads them: after a slot, by time — from the millisecond of the slot before (`from` is
/// exclusive), skipping what was read already, so no slot sharing a millisecond with the page's
/// end is lost; at a slot, by nonce. `hydrate` fetches an item the page does not show.
pub(super) fn scheduler_page(
    (unit, su): (&Unit, &str),
    process: Id,
    start: Start,
    limit: u64,
    hydrate: &dyn Fn(Id) -> Result<DataItem, RemoteError>,
) -> Result<Page, RemoteError> {
    let mut url = format!("{su}/{process}?process-id={process}&limit={limit}");
    match start {
        Start::After(None) => {}
        Start::After(Some(previous)) => url.push_str(&format!("&from={}", previous.timestamp.saturating_sub(1))),
        Start::At(slot) => url.push_str(&format!("&from-nonce={slot}")),
    }
    let answer = unit.json(&url, unit.read(&url, || unit.http.get(&url))?)?;
    let bad = |detail| unit.answer(&url, detail);
    let page = schedule::page(&answer, process, start, hydrate, &bad)?;
    if page.slots.is_empty() && page.has_next {
        return Err(bad("its page holds no slot after the ones read".into()));
    }
    Ok(page)
}

/// How the compute unit says which slot a `/state` is at.
const STATE_SLOT: &str = "last-ordinate";

/// The slot a compute unit's result cursor (base64 of `{timestamp, ordinate, cron, sort}`)
/// names, and whether it is a cron tick's.
fn cursor_place(cursor: &str) -> Option<(u64, bool)> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(cursor).ok()?;
    let fields: Value = serde_json::from_slice(&bytes).ok()?;
    let slot = match &fields["ordinate"] {
        Value::String(text) => text.parse().ok()?,
        other => other.as_u64()?,
    };
    let tick = fields["cron"].as_str().is_some_and(|cron| !cron.is_empty());
    Some((slot, tick))
}
