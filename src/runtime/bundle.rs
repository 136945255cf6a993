//! The Lua process library inside a module: its byte format and the wasm custom section holding it.
//!
//! Shared by `build.rs` (which appends `lua/` to `module/ao-base.wasm`) and the runtime (which hands
//! the bundle to the module's `ao_boot`), so this file depends on nothing but `std` and
//! `crate::varint`, which build.rs includes too.
//! A bundle is a sequence of records `u32le name_len, name, u32le source_len, source`; the module's
//! C glue turns each into `package.preload[name]`.

/// Name of the wasm custom section that carries the Lua bundle.
pub const SECTION_NAME: &str = "ao-lua-bundle";

/// Serializes `(module name, source)` pairs into a bundle.
pub fn encode(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, source) in files {
        for part in [name.as_bytes(), source.as_slice()] {
            let len = u32::try_from(part.len()).expect("bundle part over 4 GiB");
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(part);
        }
    }
    out
}

/// Splits a bundle back into `(module name, source)` pairs; `None` if it is malformed.
pub fn decode(mut bundle: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    while !bundle.is_empty() {
        let mut parts = [&[][..], &[][..]];
        for part in &mut parts {
            let len = u32::from_le_bytes(bundle.get(..4)?.try_into().ok()?) as usize;
            *part = bundle.get(4..4 + len)?;
            bundle = &bundle[4 + len..];
        }
        files.push((String::from_utf8(parts[0].to_vec()).ok()?, parts[1].to_vec()));
    }
    Some(files)
}

/// Returns `wasm` with a custom section `name` holding `payload` appended.
pub fn append_custom_section(wasm: &[u8], name: &str, payload: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(name.len() + payload.len() + 5);
    crate::varint::write(&mut body, name.len() as u64);
    body.extend_from_slice(name.as_bytes());
    body.extend_from_slice(payload);
    let mut out = Vec::with_capacity(wasm.len() + body.len() + 6);
    out.extend_from_slice(wasm);
    out.push(0); // custom section id
    crate::varint::write(&mut out, body.len() as u64);
    out.extend_from_slice(&body);
    out
}

/// Finds the payload of the first custom section called `name`, if the module has one.
/// Returns `None` for bytes that are not a well-formed sequence of wasm sections.
pub fn find_custom_section<'a>(wasm: &'a [u8], name: &str) -> Option<&'a [u8]> {
    const HEADER: [u8; 8] = [0, b'a', b's', b'm', 1, 0, 0, 0];
    let mut rest = wasm.strip_prefix(&HEADER)?;
    while !rest.is_empty() {
        let id = rest[0];
        let (size, used) = crate::varint::read(&rest[1..])?;
        let after_size = &rest[1 + used..];
        let size = usize::try_from(size).ok()?;
        if after_size.len() < size {
            return None;
        }
        let (section, next) = after_size.split_at(size);
        if id == 0 {
            let (name_len, used) = crate::varint::read(section)?;
            let after_len = &section[used..];
            let name_len = usize::try_from(name_len).ok()?;
            if after_len.len() >= name_len && &after_len[..name_len] == name.as_bytes() {
                return Some(&after_len[name_len..]);
            }
        }
        rest = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_round_trip_through_a_custom_section() {
        let files = vec![(".a".to_string(), b"return 1".to_vec()), (".b.c".to_string(), Vec::new())];
        let wasm = append_custom_section(b"\0asm\x01\0\0\0", SECTION_NAME, &encode(&files));
        let found = find_custom_section(&wasm, SECTION_NAME).unwrap();
        assert_eq!(decode(found).unwrap(), files);
        assert_eq!(find_custom_section(&wasm, "other"), None);
        assert_eq!(decode(&found[..found.len() - 1]), None);
    }
}
