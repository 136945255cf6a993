//! WeaveDrive (ao-protocol §5.6), the host side: which files a process may open under `/data`,
//! `/tx` and `/block`, decided by the admissibility rules of the reference extension over a
//! [`DriveSource`] (the node's local store of data items, attestations and blocks).
//!
//! The rules, in the reference's order: the id of the process's `On-Boot` tag is always
//! admissible; a process whose module and spawn both lack `Extension=WeaveDrive` gets "not found"
//! for every path; otherwise an id is admissible once an `Attestation` of it (`Data-Protocol=ao`,
//! `Type=Attestation`, `Message=<id>`) signed by the process's `Scheduler` or one of its
//! `Attestor`s is in a block at or before the message's `Block-Height` (a local source may also
//! require it to predate the message's `Timestamp`, see [`DriveSource::attested`]); `Availability-Type:
//! Individual` also accepts the attestors' `Data-Protocol=WeaveDrive`, `Type=Available`,
//! `ID=<id>`; `Library` is not supported (an evaluation error, as in the reference).
use std::sync::Arc;

use crate::protocol::Tag;

/// Where WeaveDrive's files come from. Implementations must be deterministic for a given
/// content: ids name immutable items, and a block height names one block.
pub trait DriveSource: Send + Sync {
    /// The data of the item `id` (a transaction or data item), if it is stored.
    fn data(&self, id: &str) -> Option<Vec<u8>>;
    /// The item's header as a gateway's `/tx/<id>` JSON, plus `ownerAddress`.
    fn tx_header(&self, id: &str) -> Option<Vec<u8>>;
    /// The block at `height`, as a gateway's `/block/height/<height>` JSON.
    fn block(&self, height: u64) -> Option<Vec<u8>>;
    /// Whether one of `attestors` signed a statement of `kind` about `id` that counts for a
    /// message at `at`: in the reference, one in a block at or before its `Block-Height`.
    fn attested(&self, id: &str, attestors: &[String], kind: Statement, at: MessageTime) -> bool;
}

/// When the message being evaluated was scheduled: its `Block-Height` and `Timestamp` (ms).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessageTime {
    pub block_height: u64,
    pub timestamp: u64,
}

/// What an attestor can say of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statement {
    /// `Data-Protocol=ao`, `Type=Attestation`, `Message=<id>`.
    Attestation,
    /// `Data-Protocol=WeaveDrive`, `Type=Available`, `ID=<id>`.
    Available,
}

impl Statement {
    /// The statement `tags` make, and the id it is about.
    pub fn of_tags(tags: &[Tag]) -> Option<(Statement, &str)> {
        let find = |name: &str| tags.iter().find(|t| t.name == name).map(|t| t.value.as_str());
        match (find("Data-Protocol"), find("Type")) {
            (Some("ao"), Some("Attestation")) => find("Message").map(|id| (Statement::Attestation, id)),
            (Some("WeaveDrive"), Some("Available")) => find("ID").map(|id| (Statement::Available, id)),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Statement::Attestation => "Attestation",
            Statement::Available => "Available",
        }
    }
}

/// A process's `Availability-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Availability {
    Assignments,
    Individual,
    Library,
    Unsupported(String),
}

/// A process's access to WeaveDrive: the source and the rules its tags set.
#[derive(Clone)]
pub struct Drive {
    source: Arc<dyn DriveSource>,
    enabled: bool,
    availability: Availability,
    attestors: Vec<String>,
    on_boot: Option<String>,
}

/// Why a file cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a WeaveDrive path, or the process does not have the extension: plain "not found".
    NotFound,
    /// A WeaveDrive path the process may not read, or whose content is not stored: the
    /// reference halts here ("HALT: FILE NOT FOUND"); the reason is for the developer.
    Halt(String),
}

/// An opened WeaveDrive file's content, and how the reference reads it.
pub struct DriveFile {
    pub content: Vec<u8>,
    /// `/tx` and `/block` files: every read starts at their beginning (the reference's reads do).
    pub header: bool,
}

impl Drive {
    /// The access of a process spawned with `process_tags` on a module with `module_tags`.
    pub fn new(source: Arc<dyn DriveSource>, process_tags: &[Tag], module_tags: &[Tag]) -> Self {
        let values = |tags: &[Tag], name: &str| -> Vec<String> {
            tags.iter().filter(|t| t.name == name).map(|t| t.value.clone()).collect()
        };
        // The reference reads the last value of a repeated tag.
        let last = |tags: &[Tag], name: &str| values(tags, name).pop();
        let extension = |tags: &[Tag]| values(tags, "Extension").iter().any(|v| v == "WeaveDrive");
        let availability =
            match last(process_tags, "Availability-Type").or_else(|| last(module_tags, "Availability-Type")) {
                None => Availability::Assignments,
                Some(mode) => match mode.as_str() {
                    "Assignments" => Availability::Assignments,
                    "Individual" => Availability::Individual,
                    "Library" => Availability::Library,
                    _ => Availability::Unsupported(mode),
                },
            };
        let mut attestors: Vec<String> = last(process_tags, "Scheduler").into_iter().collect();
        attestors.extend(values(process_tags, "Attestor"));
        Drive {
            source,
            enabled: extension(module_tags) || extension(process_tags),
            availability,
            attestors,
            on_boot: last(process_tags, "On-Boot"),
        }
    }

    /// Opens `path` for a message scheduled at `at`.
    pub fn open(&self, path: &str, at: MessageTime) -> Result<DriveFile, Refusal> {
        let mut parts = path.split('/');
        let (Some(""), Some(category), Some(name), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Refusal::NotFound);
        };
        if !matches!(category, "data" | "tx" | "block") {
            return Err(Refusal::NotFound);
        }
        let on_boot = category == "data" && self.on_boot.as_deref() == Some(name);
        if !self.enabled && !on_boot {
            return Err(Refusal::NotFound);
        }
        let missing = || Refusal::Halt(format!("{path} is not in the local WeaveDrive store"));
        match category {
            "tx" => self.source.tx_header(name).map(|content| DriveFile { content, header: true }).ok_or_else(missing),
            "block" => {
                let height = name.parse::<u64>().map_err(|_| Refusal::Halt(format!("{path}: not a block height")))?;
                self.source.block(height).map(|content| DriveFile { content, header: true }).ok_or_else(missing)
            }
            _ => {
                if !on_boot {
                    self.admit(name, at)?;
                }
                self.source.data(name).map(|content| DriveFile { content, header: false }).ok_or_else(missing)
            }
        }
    }

    /// The reference's `checkAdmissible`, past the `On-Boot` and extension checks.
    fn admit(&self, id: &str, at: MessageTime) -> Result<(), Refusal> {
        if let Availability::Unsupported(mode) = &self.availability {
            return Err(Refusal::Halt(format!("unsupported WeaveDrive Availability-Type: {mode}")));
        }
        let attested = |kind| self.source.attested(id, &self.attestors, kind, at);
        if attested(Statement::Attestation)
            || (self.availability == Availability::Individual && attested(Statement::Available))
        {
            return Ok(());
        }
        if self.availability == Availability::Library {
            return Err(Refusal::Halt("WeaveDrive's Library availability is not supported".into()));
        }
        let by = if self.attestors.is_empty() {
            "nobody (no Scheduler or Attestor tag)".into()
        } else {
            self.attestors.join(", ")
        };
        Err(Refusal::Halt(format!("/data/{id} is not attested for block {} by {by}", at.block_height)))
    }
}

impl std::fmt::Debug for Drive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Drive")
            .field("enabled", &self.enabled)
            .field("availability", &self.availability)
            .field("attestors", &self.attestors)
            .field("on_boot", &self.on_boot)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items "a" (attested by S at block 10) and "b" (available per S at block 5); block 7.
    struct Fixed;

    impl DriveSource for Fixed {
        fn data(&self, id: &str) -> Option<Vec<u8>> {
            matches!(id, "a" | "b" | "boot").then(|| id.as_bytes().to_vec())
        }
        fn tx_header(&self, id: &str) -> Option<Vec<u8>> {
            (id == "a").then(|| b"{}".to_vec())
        }
        fn block(&self, height: u64) -> Option<Vec<u8>> {
            (height == 7).then(|| b"{\"height\":7}".to_vec())
        }
        fn attested(&self, id: &str, attestors: &[String], kind: Statement, at: MessageTime) -> bool {
            let up_to = at.block_height;
            let by_s = attestors.iter().any(|a| a == "S");
            match (id, kind) {
                ("a", Statement::Attestation) => by_s && up_to >= 10,
                ("b", Statement::Available) => by_s && up_to >= 5,
                _ => false,
            }
        }
    }

    fn drive(process: &[(&str, &str)], module: &[(&str, &str)]) -> Drive {
        let tags = |list: &[(&str, &str)]| list.iter().map(|(n, v)| Tag::new(*n, *v)).collect::<Vec<_>>();
        Drive::new(Arc::new(Fixed), &tags(process), &tags(module))
    }

    fn opens(drive: &Drive, path: &str, block_height: u64) -> Result<Vec<u8>, Refusal> {
        drive.open(path, MessageTime { block_height, timestamp: 0 }).map(|file| file.content)
    }

    #[test]
    fn without_the_extension_everything_is_not_found_but_the_boot_item() {
        let d = drive(&[("Scheduler", "S"), ("On-Boot", "boot")], &[]);
        assert_eq!(opens(&d, "/data/a", 99), Err(Refusal::NotFound));
        assert_eq!(opens(&d, "/tx/a", 99), Err(Refusal::NotFound));
        assert_eq!(opens(&d, "/data/boot", 0), Ok(b"boot".to_vec()));
    }

    #[test]
    fn attestations_count_from_their_block_and_only_by_the_processes_attestors() {
        let d = drive(&[("Scheduler", "S")], &[("Extension", "WeaveDrive")]);
        assert!(matches!(opens(&d, "/data/a", 9), Err(Refusal::Halt(_))));
        assert_eq!(opens(&d, "/data/a", 10), Ok(b"a".to_vec()));
        let other = drive(&[("Scheduler", "T"), ("Extension", "WeaveDrive")], &[]);
        assert!(matches!(opens(&other, "/data/a", 10), Err(Refusal::Halt(_))));
        let attestor = drive(&[("Scheduler", "T"), ("Attestor", "S"), ("Extension", "WeaveDrive")], &[]);
        assert_eq!(opens(&attestor, "/data/a", 10), Ok(b"a".to_vec()));
    }

    #[test]
    fn availability_statements_count_only_for_individual_processes() {
        let assignments = drive(&[("Scheduler", "S"), ("Extension", "WeaveDrive")], &[]);
        assert!(matches!(opens(&assignments, "/data/b", 9), Err(Refusal::Halt(_))));
        let individual =
            drive(&[("Scheduler", "S")], &[("Extension", "WeaveDrive"), ("Availability-Type", "Individual")]);
        assert_eq!(opens(&individual, "/data/b", 5), Ok(b"b".to_vec()));
        let library = drive(&[("Scheduler", "S"), ("Extension", "WeaveDrive"), ("Availability-Type", "Library")], &[]);
        assert_eq!(opens(&library, "/data/a", 10), Ok(b"a".to_vec()), "an attestation still admits");
        assert!(matches!(opens(&library, "/data/b", 10), Err(Refusal::Halt(reason)) if reason.contains("Library")));
        let odd = drive(&[("Scheduler", "S"), ("Extension", "WeaveDrive"), ("Availability-Type", "Odd")], &[]);
        assert!(matches!(opens(&odd, "/data/a", 10), Err(Refusal::Halt(reason)) if reason.contains("Odd")));
    }

    #[test]
    fn headers_and_blocks_need_the_extension_not_an_attestation() {
        let d = drive(&[("Extension", "WeaveDrive")], &[]);
        assert_eq!(opens(&d, "/tx/a", 0), Ok(b"{}".to_vec()));
        assert_eq!(opens(&d, "/block/7", 0), Ok(b"{\"height\":7}".to_vec()));
        assert!(matches!(opens(&d, "/block/8", 0), Err(Refusal::Halt(_))));
        assert!(matches!(opens(&d, "/block/x", 0), Err(Refusal::Halt(_))));
        assert_eq!(opens(&d, "/headers/1", 0), Err(Refusal::NotFound));
        assert_eq!(opens(&d, "/usr/local/share/lua/5.3/x.lua", 0), Err(Refusal::NotFound));
        assert_eq!(opens(&d, "/data/a/b", 0), Err(Refusal::NotFound));
    }
}
