//! An Arweave-style gateway's GraphQL, for what `ao` looks up by name: a wallet's process with a
//! `Name` tag (as aos finds the process a name stands for).
use reqwest::blocking::Client;
use serde_json::{Value, json};

use super::RemoteError;
use crate::protocol::Id;

const UNIT: &str = "the gateway";

/// A gateway's GraphQL endpoint.
pub struct Gateway {
    graphql: String,
    http: Client,
}

impl Gateway {
    /// The gateway at `url` (its GraphQL at `url/graphql`).
    pub fn new(url: &str) -> Self {
        Gateway { graphql: format!("{}/graphql", url.trim_end_matches('/')), http: Client::new() }
    }

    /// The newest process `owner` spawned with the `Name` tag `name`.
    pub fn process_named(&self, owner: &str, name: &str) -> Result<Option<Id>, RemoteError> {
        let query = json!({
            "query": "query ($owners: [String!], $tags: [TagFilter!]) {
                transactions(owners: $owners, tags: $tags, sort: HEIGHT_DESC, first: 1) { edges { node { id } } } }",
            "variables": { "owners": [owner], "tags": [
                { "name": "Type", "values": ["Process"] }, { "name": "Name", "values": [name] } ] },
        });
        let url = self.graphql.clone();
        let unreachable =
            |e: reqwest::Error| RemoteError::Unreachable { unit: UNIT, url: url.clone(), detail: e.to_string() };
        let response = self.http.post(&url).json(&query).send().map_err(unreachable)?;
        let status = response.status().as_u16();
        let answer: Value =
            response.json().map_err(|e| RemoteError::Answer { unit: UNIT, url: url.clone(), detail: e.to_string() })?;
        if status != 200 || answer.get("errors").is_some() {
            return Err(RemoteError::Status { unit: UNIT, url, status, body: answer.to_string() });
        }
        let id = answer["data"]["transactions"]["edges"][0]["node"]["id"].as_str();
        Ok(id.and_then(|id| id.parse().ok()))
    }
}
