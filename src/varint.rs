//! Unsigned LEB128 varints (7 bits a byte, low first, high bit = more), as wasm sections and Avro
//! (under its zigzag mapping) write lengths. Depends on nothing, so `build.rs` can include it.

pub fn write(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a varint from the start of `bytes`: `(value, bytes used)`, or `None` if it is cut off or
/// longer than ten bytes.
pub fn read(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips() {
        for value in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            super::write(&mut out, value);
            assert_eq!(super::read(&out), Some((value, out.len())));
        }
        assert_eq!(super::read(&[0x80]), None);
        assert_eq!(super::read(&[0xff; 11]), None);
    }
}
