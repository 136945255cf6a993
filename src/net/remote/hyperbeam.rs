//! A HyperBEAM node's process routes, as aoconnect 0.0.98's mainnet mode calls them
//! (`ao-protocol.md` §5.9): every request a POST of one ANS-104 item signed by the caller
//! (`codec-device: ans104@1.0`), its request fields as tags.
use reqwest::blocking::Response;
use serde_json::Value;

use super::unit::{Unit, encode};
use super::{Check, Gateway, Listed, Page, ProcessSource, RemoteError, Start, schedule};
use crate::node::{MessageResult, Scheduled};
use crate::protocol::{DataItem, Id, ItemBuilder, Signer, Tag};

/// The tags every request item carries after the caller's (aoconnect's `jsonParams`).
fn request_tags(kind: &str, codec: (&str, &str)) -> Vec<Tag> {
    vec![
        Tag::new("signing-format", "ans104"),
        Tag::new("accept-bundle", "true"),
        Tag::new(codec.0, codec.1),
        Tag::new("Data-Protocol", "ao"),
        Tag::new("Type", kind),
        Tag::new("Variant", "ao.N.1"),
    ]
}

const JSON: (&str, &str) = ("require-codec", "application/json");

/// A HyperBEAM-style node at one URL (its gateway routes too).
pub struct HyperBeam {
    url: String,
    unit: Unit,
    gateway: Gateway,
}

impl HyperBeam {
    /// The node at `url` (`http://host:port`, no trailing slash needed), each answer awaited
    /// `timeout` (`DEFAULT_TIMEOUT` unless told otherwise).
    pub fn new(url: &str, timeout: std::time::Duration) -> Result<Self, RemoteError> {
        let url = url.trim_end_matches('/').to_string();
        Ok(HyperBeam { gateway: Gateway::new(&url, timeout), url, unit: Unit::new("the node", timeout) })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The node's gateway routes (GraphQL, `/raw`).
    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// The node's address (its scheduler's and the default `Authority`).
    pub fn address(&self) -> Result<String, RemoteError> {
        let url = format!("{}/~meta@1.0/info/address", self.url);
        let text = self.read(&url, || self.unit.http.get(&url))?.text().map_err(|e| self.unit.unread(&url, e))?;
        Ok(text.trim().to_string())
    }

    /// Whether the node answers (its address) and whether its gateway routes do.
    pub fn check(&self) -> Vec<Check> {
        let url = format!("{}/~meta@1.0/info/address", self.url);
        vec![Check::timed(self.unit.name, url, || self.address()), self.gateway.check()]
    }

    /// Spawns a process on `module` signed by `wallet`, scheduled by the node; its id.
    pub fn spawn(&self, wallet: &dyn Signer, module: Id, tags: Vec<Tag>, data: Vec<u8>) -> Result<Id, RemoteError> {
        let scheduler = self.address()?;
        let mut all = vec![
            Tag::new("device", "process@1.0"),
            Tag::new("scheduler-device", "scheduler@1.0"),
            Tag::new("push-device", "push@1.0"),
            Tag::new("execution-device", "genesis-wasm@1.0"),
            Tag::new("Authority", &scheduler),
            Tag::new("Scheduler", &scheduler),
            Tag::new("Module", module.to_string()),
        ];
        all.extend(tags);
        all.extend(request_tags("Process", ("accept-codec", "httpsig@1.0")));
        let data = if data.is_empty() { b"1984".to_vec() } else { data };
        let item = ItemBuilder { target: None, anchor: None, tags: all, data }.sign(wallet)?;
        let url = format!("{}/push", self.url);
        let response = self.write(&url, &item)?;
        let process = response.headers().get("process").and_then(|v| v.to_str().ok()).map(str::to_string);
        let process = process.ok_or_else(|| self.answer(&url, "no process header"))?;
        process.parse().map_err(|_| self.answer(&url, format!("process {process:?} is not an id")))
    }

    /// Sends a message signed by `wallet` to `process`; its id and slot once the node has it.
    pub fn send(
        &self,
        wallet: &dyn Signer,
        process: Id,
        tags: Vec<Tag>,
        data: Vec<u8>,
    ) -> Result<(Id, u64), RemoteError> {
        let mut all = tags;
        all.extend(request_tags("Message", JSON));
        let data = if data.is_empty() { b"1984".to_vec() } else { data };
        let item = ItemBuilder { target: Some(process), anchor: None, tags: all, data }.sign(wallet)?;
        let url = format!("{}/{process}~process@1.0/push", self.url);
        let answer: Value = self.write(&url, &item)?.json().map_err(|e| self.unit.unread(&url, e))?;
        let slot = answer["slot"].as_u64().or_else(|| answer["slot"].as_str().and_then(|s| s.parse().ok()));
        let slot = slot.ok_or_else(|| self.answer(&url, format!("no slot in {answer}")))?;
        Ok((item.id(), slot))
    }

    /// The result of slot `slot` of `process`.
    pub fn result(&self, wallet: &dyn Signer, process: Id, slot: u64) -> Result<MessageResult, RemoteError> {
        let url = format!("{}/{process}~process@1.0/compute/results={slot}", self.url);
        self.compute(wallet, process, &url, b"1984".to_vec())
    }

    /// The result of message `message` of `process`, and its slot when the node says.
    pub fn message_result(
        &self,
        wallet: &dyn Signer,
        process: Id,
        message: Id,
    ) -> Result<(MessageResult, Option<u64>), RemoteError> {
        let url = format!("{}/{process}~process@1.0/compute/results={message}", self.url);
        let answer = self.compute_answer(wallet, process, &url, b"1984".to_vec())?;
        let slot = answer["slot"].as_u64();
        Ok((self.raw_result(&url, answer)?, slot))
    }

    /// A dry run of a message from `wallet` to `process` (nothing kept).
    pub fn dry_run(
        &self,
        wallet: &dyn Signer,
        process: Id,
        tags: &[Tag],
        data: Vec<u8>,
    ) -> Result<MessageResult, RemoteError> {
        let mut url = format!("{}/{process}~process@1.0/as=execution/compute", self.url);
        for tag in tags {
            url.push('&');
            url.push_str(&encode(&tag.name));
            url.push('=');
            url.push_str(&encode(&tag.value));
        }
        let data = if data.is_empty() { b"1984".to_vec() } else { data };
        self.compute(wallet, process, &url, data)
    }

    /// The newest slot of `process`.
    pub fn current_slot(&self, process: Id) -> Result<u64, RemoteError> {
        let url = format!("{}/{process}/slot/current", self.url);
        let text = self.read(&url, || self.unit.http.get(&url))?.text().map_err(|e| self.unit.unread(&url, e))?;
        text.trim().parse().map_err(|_| self.answer(&url, format!("{text:?} is not a slot")))
    }

    /// A result read from `url` (`{raw: result}`), asked by an item signed by `wallet`.
    fn compute(
        &self,
        wallet: &dyn Signer,
        process: Id,
        url: &str,
        data: Vec<u8>,
    ) -> Result<MessageResult, RemoteError> {
        let answer = self.compute_answer(wallet, process, url, data)?;
        self.raw_result(url, answer)
    }

    /// What `url` answers to a compute request signed by `wallet`.
    fn compute_answer(&self, wallet: &dyn Signer, process: Id, url: &str, data: Vec<u8>) -> Result<Value, RemoteError> {
        let item = ItemBuilder { target: Some(process), anchor: None, tags: request_tags("Message", JSON), data };
        let body = item.sign(wallet)?.to_bytes();
        self.read(url, || self.post(url, body.clone()))?.json().map_err(|e| self.unit.unread(url, e))
    }

    /// The result in a compute answer (`raw`, as aoconnect reads it).
    fn raw_result(&self, url: &str, answer: Value) -> Result<MessageResult, RemoteError> {
        let raw = answer.get("raw").cloned().ok_or_else(|| self.answer(url, "no raw result"))?;
        serde_json::from_value(raw).map_err(|e| self.answer(url, e))
    }

    fn post(&self, url: &str, body: Vec<u8>) -> reqwest::blocking::RequestBuilder {
        self.unit
            .http
            .post(url)
            .header("content-type", "application/ans104")
            .header("codec-device", "ans104@1.0")
            .body(body)
    }

    /// Sends `item` once.
    fn write(&self, url: &str, item: &DataItem) -> Result<Response, RemoteError> {
        self.unit.write(url, self.post(url, item.to_bytes()))
    }

    fn read(
        &self,
        url: &str,
        request: impl Fn() -> reqwest::blocking::RequestBuilder,
    ) -> Result<Response, RemoteError> {
        self.unit.read(url, request)
    }

    fn answer(&self, url: &str, detail: impl std::fmt::Display) -> RemoteError {
        self.unit.answer(url, detail)
    }
}

impl ProcessSource for HyperBeam {
    fn describe(&self) -> String {
        format!("the node at {}", self.url)
    }

    fn newest_slot(&self, process: Id) -> Result<u64, RemoteError> {
        self.current_slot(process)
    }

    /// `~scheduler@1.0/schedule` in the legacy scheduler's JSON (`Accept: application/aos-2`).
    fn schedule(&self, process: Id, start: Start, limit: u64) -> Result<Page, RemoteError> {
        let from = match start {
            Start::After(previous) => previous.map_or(0, |p| p.slot + 1),
            Start::At(slot) => slot,
        };
        let url = format!("{}/~scheduler@1.0/schedule?target={process}&from={from}&limit={limit}", self.url);
        let request = || self.unit.http.get(&url).header("accept", "application/aos-2");
        let answer = self.unit.json(&url, self.read(&url, request)?)?;
        let hydrate = |id| self.item(id);
        schedule::page(&answer, process, start, &hydrate, &|detail| self.answer(&url, detail))
    }

    fn item(&self, id: Id) -> Result<DataItem, RemoteError> {
        self.gateway.known_item(id)
    }

    /// `GET …/compute/results=SLOT` (reads need no signed request).
    fn result_of(&self, process: Id, scheduled: &Scheduled) -> Result<MessageResult, RemoteError> {
        let url = format!("{}/{process}~process@1.0/compute/results={}", self.url, scheduled.slot());
        let answer = self.unit.json(&url, self.read(&url, || self.unit.http.get(&url))?)?;
        self.raw_result(&url, answer)
    }

    /// A node does not list cron ticks' results.
    fn listed_results(&self, _process: Id, _through: u64) -> Result<Option<Vec<Listed>>, RemoteError> {
        Ok(None)
    }
}
