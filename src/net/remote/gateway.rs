//! An Arweave-style gateway: its GraphQL, for what `ao` looks up by name (a wallet's process with
//! a `Name` tag, as aos finds the process a name stands for), and an item by id — its fields
//! from GraphQL and its data from `/raw/{id}` — for modules and assigned messages a scheduler
//! does not show.
use serde_json::{Value, json};

use super::unit::Unit;
use super::{Check, RemoteError};
use crate::protocol::{DataItem, Id, ShownItem, Tag, b64};

/// A process as a gateway lists it.
#[derive(Debug, Clone)]
pub struct Spawned {
    pub id: Id,
    pub name: Option<String>,
    /// Its `Module` tag.
    pub module: String,
}

/// A gateway at a URL.
pub struct Gateway {
    base: String,
    graphql: String,
    unit: Unit,
}

impl Gateway {
    /// The gateway at `url` (its GraphQL at `url/graphql`), each answer awaited `timeout`.
    pub fn new(url: &str, timeout: std::time::Duration) -> Self {
        let base = url.trim_end_matches('/').to_string();
        Gateway { graphql: format!("{base}/graphql"), base, unit: Unit::new("the gateway", timeout) }
    }

    /// Whether the GraphQL endpoint answers a query.
    pub fn check(&self) -> Check {
        Check::timed(self.unit.name, self.graphql.clone(), || {
            self.query(json!({ "query": "{ transactions(first: 1) { edges { node { id } } } }" }))
                .map(|_| "GraphQL".to_string())
        })
    }

    /// The newest process `owner` spawned with the `Name` tag `name`.
    pub fn process_named(&self, owner: &str, name: &str) -> Result<Option<Id>, RemoteError> {
        let answer = self.query(json!({
            "query": "query ($owners: [String!], $tags: [TagFilter!]) {
                transactions(owners: $owners, tags: $tags, sort: HEIGHT_DESC, first: 1) { edges { node { id } } } }",
            "variables": { "owners": [owner], "tags": [
                { "name": "Type", "values": ["Process"] }, { "name": "Name", "values": [name] } ] },
        }))?;
        let id = answer["data"]["transactions"]["edges"][0]["node"]["id"].as_str();
        Ok(id.and_then(|id| id.parse().ok()))
    }

    /// The newest Module item named `name` (with `Module-Format` `format` and signed by `owner`,
    /// if given), as aos finds the module `--module NAME` stands for.
    pub fn module_named(
        &self,
        name: &str,
        format: Option<&str>,
        owner: Option<&str>,
    ) -> Result<Option<Id>, RemoteError> {
        let mut tags = vec![
            json!({ "name": "Type", "values": ["Module"] }),
            json!({ "name": "Data-Protocol", "values": ["ao"] }),
            json!({ "name": "Name", "values": [name] }),
        ];
        tags.extend(format.map(|format| json!({ "name": "Module-Format", "values": [format] })));
        let owners: Vec<&str> = owner.into_iter().collect();
        let answer = self.query(json!({
            "query": "query ($tags: [TagFilter!], $owners: [String!]) {
                transactions(tags: $tags, owners: $owners, sort: HEIGHT_DESC, first: 1) { edges { node { id } } } }",
            "variables": { "tags": tags, "owners": if owners.is_empty() { Value::Null } else { json!(owners) } },
        }))?;
        let id = answer["data"]["transactions"]["edges"][0]["node"]["id"].as_str();
        Ok(id.and_then(|id| id.parse().ok()))
    }

    /// The processes `owner` spawned, newest first: id, `Name` tag and `Module` tag of each.
    pub fn processes_of(&self, owner: &str) -> Result<Vec<Spawned>, RemoteError> {
        let mut spawned = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let answer = self.query(json!({
                "query": "query ($owners: [String!], $tags: [TagFilter!], $after: String) {
                    transactions(owners: $owners, tags: $tags, sort: HEIGHT_DESC, first: 100, after: $after) {
                        pageInfo { hasNextPage } edges { cursor node { id tags { name value } } } } }",
                "variables": { "owners": [owner], "after": after,
                    "tags": [{ "name": "Type", "values": ["Process"] }] },
            }))?;
            let page = &answer["data"]["transactions"];
            let edges = page["edges"].as_array().cloned().unwrap_or_default();
            for edge in &edges {
                let node = &edge["node"];
                let tag = |name: &str| {
                    let tags = node["tags"].as_array();
                    let found = tags.and_then(|tags| tags.iter().find(|t| t["name"] == name));
                    found.and_then(|t| t["value"].as_str()).map(str::to_string)
                };
                let Some(id) = node["id"].as_str().and_then(|id| id.parse().ok()) else { continue };
                spawned.push(Spawned { id, name: tag("Name"), module: tag("Module").unwrap_or_default() });
            }
            let more = page["pageInfo"]["hasNextPage"].as_bool() == Some(true);
            match edges.last().and_then(|edge| edge["cursor"].as_str()) {
                Some(cursor) if more && after.as_deref() != Some(cursor) => after = Some(cursor.to_string()),
                _ => return Ok(spawned),
            }
        }
    }

    /// The data item `id` (`None` if the gateway does not know it): its fields as GraphQL shows
    /// them, its data from `/raw`; its signature must verify.
    pub fn item(&self, id: Id) -> Result<Option<DataItem>, RemoteError> {
        let answer = self.query(json!({
            "query": "query ($id: ID!) { transaction(id: $id) {
                id anchor signature recipient owner { key } tags { name value } } }",
            "variables": { "id": id.to_string() },
        }))?;
        let fields = &answer["data"]["transaction"];
        if fields.is_null() {
            return Ok(None);
        }
        let url = format!("{}/raw/{id}", self.base);
        let data = self.unit.read(&url, || self.unit.http.get(&url))?.bytes().map_err(|e| self.unit.unread(&url, e))?;
        let text = |name: &str| fields[name].as_str().unwrap_or_default();
        let decode = |name: &str, value: &str| {
            b64::decode(value).map_err(|_| self.unit.answer(&self.graphql, format!("{id}'s {name} is not base64url")))
        };
        let target = match text("recipient") {
            "" => None,
            recipient => recipient.parse().ok(),
        };
        let tags = fields["tags"].as_array().cloned().unwrap_or_default();
        let tags = tags
            .iter()
            .map(|t| Tag::new(t["name"].as_str().unwrap_or_default(), t["value"].as_str().unwrap_or_default()));
        let item = DataItem::from_shown(ShownItem {
            signature: decode("signature", text("signature"))?,
            owner: decode("owner key", fields["owner"]["key"].as_str().unwrap_or_default())?,
            target,
            anchor: Some(decode("anchor", text("anchor"))?),
            tags: tags.collect(),
            data: data.to_vec(),
        })
        .map_err(|e| self.unit.answer(&self.graphql, format!("{id} is not an item this gateway can show: {e}")))?;
        if item.id() != id {
            return Err(self.unit.answer(&self.graphql, format!("{id} has a signature whose hash is {}", item.id())));
        }
        // `/raw` serves the exact data, so the item must verify as signed.
        item.verify().map_err(|e| self.unit.answer(&url, format!("item {id} does not verify: {e}")))?;
        Ok(Some(item))
    }

    /// The data item `id`, which the gateway must know.
    pub fn known_item(&self, id: Id) -> Result<DataItem, RemoteError> {
        self.item(id)?.ok_or_else(|| self.unit.answer(&self.graphql, format!("it does not know item {id}")))
    }

    /// What the GraphQL endpoint answers to `query` (its `errors` as an error).
    fn query(&self, query: Value) -> Result<Value, RemoteError> {
        let url = &self.graphql;
        let answer = self.unit.json(url, self.unit.read(url, || self.unit.http.post(url).json(&query))?)?;
        if let Some(errors) = answer.get("errors") {
            return Err(self.unit.answer(url, errors));
        }
        Ok(answer)
    }
}
