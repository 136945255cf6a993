//! ao items: messages and spawns with the tags aoconnect writes, and scheduler assignments with the
//! tags the reference SU writes (`ao-protocol.md` §2.3-2.5).
//!
//! Tag sections follow `@permaweb/protocol-tag-utils`: the tags after a `Data-Protocol=ao` tag (up
//! to the next `Data-Protocol`) belong to ao; tags before the first `Data-Protocol` are
//! "unassociated" (`SDK`, `Content-Type`). Removing a name only touches the ao section.
use super::Id;
use super::data_item::ItemBuilder;
use super::tags::Tag;

pub const DATA_PROTOCOL: &str = "ao";
/// The legacynet variant, aoconnect's default.
pub const VARIANT: &str = "ao.TN.1";

/// A message to `process` (aoconnect `message`): user tags minus ao-section `Variant`/`Type`, the
/// ao section gains `Variant` and `Type=Message`; empty data becomes `" "` with
/// `Content-Type=text/plain`; `SDK=aoconnect` is added.
pub fn message(process: Id, tags: Vec<Tag>, data: Vec<u8>, anchor: Option<Vec<u8>>) -> ItemBuilder {
    let variant = variant_of(&tags);
    let mut tags = remove_by_name(&remove_by_name(&tags, "Variant"), "Type");
    tags = concat_ao(&tags, vec![Tag::new("Variant", variant), Tag::new("Type", "Message")]);
    let (tags, data) = finish_unassociated(tags, data);
    ItemBuilder { target: Some(process), anchor, tags, data }
}

/// A process spawn (aoconnect `spawn`): like [`message`] with `Type=Process`, `Module`,
/// `Scheduler` and `Timestamp` (milliseconds, supplied by the caller) in the ao section.
pub fn spawn(module: Id, scheduler: &str, tags: Vec<Tag>, data: Vec<u8>, timestamp_ms: u64) -> ItemBuilder {
    let variant = variant_of(&tags);
    let mut tags = tags;
    for name in ["Variant", "Type", "Module", "Scheduler"] {
        tags = remove_by_name(&tags, name);
    }
    tags = concat_ao(
        &tags,
        vec![
            Tag::new("Variant", variant),
            Tag::new("Type", "Process"),
            Tag::new("Module", module.to_string()),
            Tag::new("Scheduler", scheduler),
            Tag::new("Timestamp", timestamp_ms.to_string()),
        ],
    );
    let (tags, data) = finish_unassociated(tags, data);
    ItemBuilder { target: None, anchor: None, tags, data }
}

/// A Module item (`ao publish`): `tags` first (so a user's `Input-Encoding` or `Memory-Limit`
/// wins), then the ones `ao publish` adds where missing; the data is the wasm.
pub fn module(format: &str, tags: Vec<Tag>, wasm: Vec<u8>) -> ItemBuilder {
    let mut tags: Vec<Tag> =
        tags.into_iter().filter(|t| !matches!(t.name.as_str(), "Data-Protocol" | "Variant" | "Type")).collect();
    let defaults = [
        ("Module-Format", format),
        ("Input-Encoding", "JSON-1"),
        ("Output-Encoding", "JSON-1"),
        ("Content-Type", "application/wasm"),
    ];
    for (name, value) in defaults {
        if !tags.iter().any(|t| t.name == name) {
            tags.push(Tag::new(name, value));
        }
    }
    let mut all =
        vec![Tag::new("Data-Protocol", DATA_PROTOCOL), Tag::new("Variant", VARIANT), Tag::new("Type", "Module")];
    all.append(&mut tags);
    ItemBuilder { target: None, anchor: None, tags: all, data: wasm }
}

/// What a scheduler assigns: slot `nonce` of `process`, with its place in the hash chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub process: Id,
    pub epoch: u64,
    pub nonce: u64,
    pub hash_chain: Id,
    pub block_height: u64,
    pub timestamp_ms: u64,
    /// The assigned message; `None` when the process's own spawn is assigned.
    pub message: Option<Id>,
    pub exclude: Vec<String>,
    /// 32 random bytes; the caller supplies them so this module stays pure.
    pub anchor: [u8; 32],
}

/// The assignment item (`Type=Assignment`), tags in the SU's order, empty data, no target.
pub fn assignment(a: &Assignment) -> ItemBuilder {
    let mut tags = vec![
        Tag::new("Process", a.process.to_string()),
        Tag::new("Epoch", a.epoch.to_string()),
        Tag::new("Nonce", a.nonce.to_string()),
        Tag::new("Hash-Chain", a.hash_chain.to_string()),
        Tag::new("Block-Height", a.block_height.to_string()),
        Tag::new("Timestamp", a.timestamp_ms.to_string()),
        Tag::new("Data-Protocol", DATA_PROTOCOL),
        Tag::new("Type", "Assignment"),
        Tag::new("Variant", VARIANT),
    ];
    if let Some(message) = a.message {
        tags.push(Tag::new("Message", message.to_string()));
    }
    tags.extend(a.exclude.iter().map(|field| Tag::new("Exclude", field)));
    ItemBuilder { target: None, anchor: Some(a.anchor.to_vec()), tags, data: Vec::new() }
}

/// The hash chain link after an assignment: sha256(previous assignment id ‖ previous chain), or
/// sha256(process id) to seed a process's chain.
pub fn hash_chain(previous: Id, previous_assignment: Option<Id>) -> Id {
    let mut input = Vec::with_capacity(64);
    if let Some(assignment) = previous_assignment {
        input.extend_from_slice(&assignment.0);
    }
    input.extend_from_slice(&previous.0);
    Id::sha256(&input)
}

/// aoconnect picks the variant from any tag named "variant" in any case, else the default.
fn variant_of(tags: &[Tag]) -> String {
    tags.iter().find(|t| t.name.eq_ignore_ascii_case("variant")).map_or(VARIANT.to_string(), |t| t.value.clone())
}

/// Empty data becomes a single space with `Content-Type=text/plain`; `SDK=aoconnect` is added.
fn finish_unassociated(mut tags: Vec<Tag>, mut data: Vec<u8>) -> (Vec<Tag>, Vec<u8>) {
    if data.is_empty() {
        data = b" ".to_vec();
        tags = concat_unassociated(&tags, vec![Tag::new("Content-Type", "text/plain")]);
    }
    (concat_unassociated(&tags, vec![Tag::new("SDK", "aoconnect")]), data)
}

fn is_ao_marker(tag: &Tag) -> bool {
    tag.name == "Data-Protocol" && tag.value == DATA_PROTOCOL
}

/// `[start, end)` of the ao section (from its `Data-Protocol=ao` tag to the next other
/// `Data-Protocol`), or `(0, 0)` when there is none.
fn ao_section(tags: &[Tag]) -> (usize, usize) {
    let Some(start) = tags.iter().position(is_ao_marker) else { return (0, 0) };
    let end = tags[start + 1..]
        .iter()
        .position(|t| t.name == "Data-Protocol" && t.value != DATA_PROTOCOL)
        .map_or(tags.len(), |i| start + 1 + i);
    (start, end)
}

/// An ao section made of `tags` (any ao markers dropped), headed by `Data-Protocol=ao`; empty
/// when nothing is left.
fn ao_section_of(tags: Vec<Tag>) -> Vec<Tag> {
    let tags: Vec<Tag> = tags.into_iter().filter(|t| !is_ao_marker(t)).collect();
    if tags.is_empty() {
        return tags;
    }
    std::iter::once(Tag::new("Data-Protocol", DATA_PROTOCOL)).chain(tags).collect()
}

fn remove_by_name(tags: &[Tag], name: &str) -> Vec<Tag> {
    let (start, end) = ao_section(tags);
    let kept = tags[start..end].iter().filter(|t| t.name != name).cloned().collect();
    [&tags[..start], &ao_section_of(kept)[..], &tags[end..]].concat()
}

fn concat_ao(tags: &[Tag], ao_tags: Vec<Tag>) -> Vec<Tag> {
    let (start, end) = ao_section(tags);
    if start == end {
        return [tags, &ao_section_of(ao_tags)[..]].concat();
    }
    [&tags[..end], &ao_tags[..], &tags[end..]].concat()
}

fn concat_unassociated(tags: &[Tag], others: Vec<Tag>) -> Vec<Tag> {
    let first = tags.iter().position(|t| t.name == "Data-Protocol").unwrap_or(tags.len());
    [&tags[..first], &others[..], &tags[first..]].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tags: &[Tag]) -> Vec<String> {
        tags.iter().map(|t| format!("{}={}", t.name, t.value)).collect()
    }

    #[test]
    fn message_tags_follow_aoconnect() {
        let item = message(Id([1; 32]), vec![Tag::new("Action", "Eval")], b"1 + 1".to_vec(), None);
        assert_eq!(
            names(&item.tags),
            ["Action=Eval", "SDK=aoconnect", "Data-Protocol=ao", "Variant=ao.TN.1", "Type=Message"]
        );
        let empty = message(Id([1; 32]), vec![], vec![], None);
        assert_eq!(
            names(&empty.tags),
            ["Content-Type=text/plain", "SDK=aoconnect", "Data-Protocol=ao", "Variant=ao.TN.1", "Type=Message"]
        );
        assert_eq!(empty.data, b" ");
    }

    #[test]
    fn only_the_ao_section_loses_reserved_names() {
        let tags = vec![
            Tag::new("Type", "kept: unassociated"),
            Tag::new("Data-Protocol", "ao"),
            Tag::new("Type", "dropped"),
            Tag::new("X", "1"),
            Tag::new("Data-Protocol", "other"),
            Tag::new("Type", "kept: other protocol"),
        ];
        let item = message(Id([1; 32]), tags, b"d".to_vec(), None);
        assert_eq!(
            names(&item.tags),
            [
                "Type=kept: unassociated",
                "SDK=aoconnect",
                "Data-Protocol=ao",
                "X=1",
                "Variant=ao.TN.1",
                "Type=Message",
                "Data-Protocol=other",
                "Type=kept: other protocol",
            ]
        );
    }

    #[test]
    fn assignment_tags_are_in_the_schedulers_order() {
        let a = Assignment {
            process: Id([1; 32]),
            epoch: 0,
            nonce: 7,
            hash_chain: Id([2; 32]),
            block_height: 1_000_001,
            timestamp_ms: 1_700_000_000_123,
            message: Some(Id([3; 32])),
            exclude: vec!["Data".into(), "Anchor".into()],
            anchor: [9; 32],
        };
        let item = assignment(&a);
        let names: Vec<_> = item.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Process",
                "Epoch",
                "Nonce",
                "Hash-Chain",
                "Block-Height",
                "Timestamp",
                "Data-Protocol",
                "Type",
                "Variant",
                "Message",
                "Exclude",
                "Exclude"
            ]
        );
        assert_eq!(item.tags[2].value, "7");
        assert_eq!(item.tags[9].value, Id([3; 32]).to_string());
        assert!(item.data.is_empty() && item.target.is_none());
        assert_eq!(item.anchor, Some(vec![9; 32]));
        let own_spawn = assignment(&Assignment { message: None, exclude: vec![], ..a });
        assert_eq!(own_spawn.tags.last().unwrap().name, "Variant");
    }

    #[test]
    fn hash_chain_seeds_from_the_process_id() {
        let process = Id([7; 32]);
        assert_eq!(hash_chain(process, None), Id::sha256(&[7; 32]));
        let mut both = [9u8; 32].to_vec();
        both.extend_from_slice(&[7; 32]);
        assert_eq!(hash_chain(process, Some(Id([9; 32]))), Id::sha256(&both));
    }
}
