//! `ao item sign|inspect|verify`: ANS-104 data items on disk, for people debugging the wire.
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::input::{parse_id, parse_tag, read_data, read_file, signing_wallet};
use super::{CliError, GlobalArgs, print_json};
use crate::protocol::{DataItem, Id, ItemBuilder, Tag, b64};

#[derive(Debug, Subcommand)]
pub enum ItemCommand {
    /// Sign a data item with the wallet and write it to a file
    Sign(SignArgs),
    /// Print a data item as JSON (fields, and whether it is valid)
    Inspect(FileArg),
    /// Exit 0 if a data item is valid, 1 (with the reason) if not
    Verify(FileArg),
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Target (a process id), 43 base64url characters
    #[arg(long, value_parser = parse_id, value_name = "ID")]
    target: Option<Id>,
    /// Anchor: 32 characters (as aoconnect writes them) or 32 bytes in base64url
    #[arg(long, value_name = "ANCHOR")]
    anchor: Option<String>,
    /// A tag; repeat for more, in order
    #[arg(short = 't', long = "tag", value_parser = parse_tag, value_name = "NAME=VALUE")]
    tags: Vec<Tag>,
    /// Data: the text itself, or @FILE for a file's bytes
    #[arg(short = 'd', long, value_name = "TEXT|@FILE")]
    data: Option<String>,
    /// Where to write the signed item
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
pub struct FileArg {
    /// A file holding one data item (binary)
    file: PathBuf,
}

impl ItemCommand {
    pub fn run(self, global: &GlobalArgs) -> Result<(), CliError> {
        match self {
            ItemCommand::Sign(args) => sign(args, global),
            ItemCommand::Inspect(FileArg { file }) => {
                let item = parse(&file)?;
                print_json(&describe(&item));
                Ok(())
            }
            ItemCommand::Verify(FileArg { file }) => verify(&file, global),
        }
    }
}

fn sign(args: SignArgs, global: &GlobalArgs) -> Result<(), CliError> {
    let anchor = args.anchor.as_deref().map(parse_anchor).transpose()?;
    let data = read_data(args.data.as_deref())?;
    let wallet = signing_wallet(global)?;
    let builder = ItemBuilder { target: args.target, anchor, tags: args.tags, data };
    let item = builder.sign(&wallet).map_err(|e| CliError::input(format!("cannot sign: {e}")))?;
    write_atomically(&args.out, &item.to_bytes())?;
    if global.json {
        print_json(&json!({"id": item.id(), "out": args.out}));
    } else {
        println!("{}", item.id());
    }
    Ok(())
}

fn verify(file: &Path, global: &GlobalArgs) -> Result<(), CliError> {
    let bytes = read_file(file)?;
    let outcome = DataItem::parse(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|item| item.verify().map(|()| item.id()).map_err(|e| e.to_string()));
    if global.json {
        match &outcome {
            Ok(id) => print_json(&json!({"valid": true, "id": id})),
            Err(reason) => print_json(&json!({"valid": false, "reason": reason})),
        }
    }
    match outcome {
        Ok(id) => {
            if !global.json {
                println!("valid {id}");
            }
            Ok(())
        }
        Err(reason) => Err(CliError::failed(format!("invalid data item {}: {reason}", file.display()))),
    }
}

fn parse(file: &Path) -> Result<DataItem, CliError> {
    DataItem::parse(&read_file(file)?)
        .map_err(|e| CliError::input(format!("{} is not a data item: {e}", file.display())))
}

/// The JSON `ao item inspect` prints.
fn describe(item: &DataItem) -> Value {
    let (data, encoding) = match std::str::from_utf8(item.data()) {
        Ok(text) => (text.to_string(), "utf-8"),
        Err(_) => (b64::encode(item.data()), "base64url"),
    };
    let mut out = json!({
        "id": item.id(),
        "signature_type": item.signature_type().code(),
        "signature_type_name": item.signature_type().name(),
        "owner": b64::encode(item.owner()),
        "address": item.owner_address(),
        "target": item.target(),
        "anchor": item.anchor().map(|a| String::from_utf8_lossy(a).into_owned()),
        "tags": item.tags(),
        "data": data,
        "data_encoding": encoding,
        "data_size": item.data().len(),
        "signature": b64::encode(item.signature()),
        "valid": true,
    });
    if let Err(reason) = item.verify() {
        out["valid"] = json!(false);
        out["reason"] = json!(reason.to_string());
    }
    out
}

/// An anchor is 32 bytes: 32 characters taken as they are, or 43 base64url characters.
fn parse_anchor(text: &str) -> Result<Vec<u8>, CliError> {
    if text.len() == 32 {
        return Ok(text.as_bytes().to_vec());
    }
    match b64::decode(text) {
        Ok(bytes) if bytes.len() == 32 => Ok(bytes),
        _ => Err(CliError::input(format!("invalid anchor {text:?}: expected 32 characters or 32 bytes in base64url"))),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let error = |e: std::io::Error| CliError::failed(format!("cannot write {}: {e}", path.display()));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(error)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        error(e)
    })
}
