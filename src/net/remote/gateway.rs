//! An Arweave-style gateway's GraphQL, for what `ao` looks up by name: a wallet's process with a
//! `Name` tag (as aos finds the process a name stands for).
use serde_json::json;

use super::RemoteError;
use super::unit::Unit;
use crate::protocol::Id;

/// A gateway's GraphQL endpoint.
pub struct Gateway {
    graphql: String,
    unit: Unit,
}

impl Gateway {
    /// The gateway at `url` (its GraphQL at `url/graphql`).
    pub fn new(url: &str) -> Self {
        Gateway { graphql: format!("{}/graphql", url.trim_end_matches('/')), unit: Unit::new("the gateway") }
    }

    /// The newest process `owner` spawned with the `Name` tag `name`.
    pub fn process_named(&self, owner: &str, name: &str) -> Result<Option<Id>, RemoteError> {
        let query = json!({
            "query": "query ($owners: [String!], $tags: [TagFilter!]) {
                transactions(owners: $owners, tags: $tags, sort: HEIGHT_DESC, first: 1) { edges { node { id } } } }",
            "variables": { "owners": [owner], "tags": [
                { "name": "Type", "values": ["Process"] }, { "name": "Name", "values": [name] } ] },
        });
        let url = &self.graphql;
        let answer = self.unit.json(url, self.unit.read(url, || self.unit.http.post(url).json(&query))?)?;
        if let Some(errors) = answer.get("errors") {
            return Err(self.unit.answer(url, errors));
        }
        let id = answer["data"]["transactions"]["edges"][0]["node"]["id"].as_str();
        Ok(id.and_then(|id| id.parse().ok()))
    }
}
