//! `ao drive add|import|attest|block|list`: the local WeaveDrive store, what processes of the
//! network's modules read with `io.open("/data/<id>")`, `/tx/<id>` and `/block/<height>` (and
//! what `On-Boot=<id>` boots from).
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::input::{parse_id, parse_tag, read_file, signing_wallet};
use super::node_access::{node_error, open};
use super::{CliError, GlobalArgs, print_json};
use crate::node::{DriveItem, NodeError};
use crate::protocol::{Id, Tag};
use crate::runtime::Statement;

#[derive(Debug, Subcommand)]
pub enum DriveCommand {
    /// Store a file's bytes as a new data item signed by the wallet, attested by the local
    /// scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id
    Add(AddArgs),
    /// Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway
    Import(ImportArgs),
    /// Sign, with the wallet, a statement about a stored item: an Attestation (or with
    /// --available, a WeaveDrive Available statement), for processes that name the wallet as an
    /// Attestor
    Attest(AttestArgs),
    /// Store a block (a gateway's /block/height/H JSON) for /block/H
    Block(BlockArgs),
    /// List the stored items, their statements, and the stored blocks
    List,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The file whose bytes become the item's data
    file: PathBuf,
    /// A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain
    #[arg(short = 't', long = "tag", value_name = "NAME=VALUE", value_parser = parse_tag)]
    tags: Vec<Tag>,
    /// Do not have the local scheduler attest it (processes cannot read it until someone does)
    #[arg(long)]
    no_attest: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The item's binary (ANS-104) form
    file: PathBuf,
    /// Do not have the local scheduler attest it
    #[arg(long)]
    no_attest: bool,
}

#[derive(Debug, Args)]
pub struct AttestArgs {
    /// The stored item's id
    #[arg(value_parser = parse_id, allow_hyphen_values = true)]
    id: Id,
    /// State that it is available (Data-Protocol=WeaveDrive, Type=Available), which counts for
    /// processes with Availability-Type=Individual
    #[arg(long)]
    available: bool,
}

#[derive(Debug, Args)]
pub struct BlockArgs {
    /// The block's JSON file (with its "height")
    file: PathBuf,
}

impl DriveCommand {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self {
            DriveCommand::Add(args) => {
                let data = read_file(&args.file)?;
                let wallet = signing_wallet(global)?;
                let id = open(global)?.drive_add(&wallet, data, args.tags, !args.no_attest).map_err(drive_error)?;
                print_id("id", id, global);
            }
            DriveCommand::Import(args) => {
                let bytes = read_file(&args.file)?;
                let id = open(global)?.drive_import(&bytes, !args.no_attest).map_err(drive_error)?;
                print_id("id", id, global);
            }
            DriveCommand::Attest(args) => {
                let kind = if args.available { Statement::Available } else { Statement::Attestation };
                let wallet = signing_wallet(global)?;
                let id = open(global)?.drive_attest(&wallet, args.id, kind).map_err(drive_error)?;
                print_id("statement", id, global);
            }
            DriveCommand::Block(args) => {
                let json = read_file(&args.file)?;
                let height = open(global)?.drive_add_block(&json).map_err(drive_error)?;
                if global.json {
                    print_json(&json!({"height": height}));
                } else {
                    println!("{height}");
                }
            }
            DriveCommand::List => list(global)?,
        }
        Ok(())
    }
}

/// Refusals of the drive are the user's input (exit 2); the rest are failures.
fn drive_error(error: NodeError) -> CliError {
    match error {
        NodeError::Drive(reason) => CliError::input(reason),
        other => node_error(other),
    }
}

fn print_id(key: &str, id: Id, global: &GlobalArgs) {
    if global.json {
        print_json(&json!({ key: id.to_string() }));
    } else {
        println!("{id}");
    }
}

fn item_json(item: &DriveItem) -> serde_json::Value {
    let statements: Vec<_> =
        item.statements.iter().map(|s| json!({"kind": s.kind.as_str(), "by": s.by, "block": s.block})).collect();
    json!({"id": item.id.to_string(), "owner": item.owner, "size": item.size, "tags": item.tags, "statements": statements})
}

fn list(global: &GlobalArgs) -> Result<(), CliError> {
    let node = open(global)?;
    let items = node.drive_items().map_err(node_error)?;
    let blocks = node.drive_blocks().map_err(node_error)?;
    if global.json {
        print_json(&json!({"items": items.iter().map(item_json).collect::<Vec<_>>(), "blocks": blocks}));
        return Ok(());
    }
    if items.is_empty() && blocks.is_empty() {
        global.notice("the drive is empty; add a file with `ao drive add FILE`");
        return Ok(());
    }
    if !items.is_empty() {
        println!("{:43}  {:>10}  STATEMENTS", "ITEM", "SIZE");
        for item in &items {
            let statements: Vec<String> = item
                .statements
                .iter()
                .map(|s| format!("{} by {} in block {}", s.kind.as_str(), s.by, s.block))
                .collect();
            let statements = if statements.is_empty() { "-".to_string() } else { statements.join("; ") };
            println!("{}  {:>10}  {statements}", item.id, item.size);
        }
    }
    if !blocks.is_empty() {
        let heights: Vec<String> = blocks.iter().map(u64::to_string).collect();
        println!("blocks: {}", heights.join(" "));
    }
    Ok(())
}
