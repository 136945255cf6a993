//! Just enough DER to hand an RSA private key (PKCS#1 `RSAPrivateKey`) to the signer.

/// `RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, dp, dq, qi }`, each a big-endian
/// unsigned integer.
pub(crate) fn rsa_private_key(integers: [&[u8]; 8]) -> Vec<u8> {
    let mut body = Vec::new();
    write_integer(&mut body, &[0]);
    for integer in integers {
        write_integer(&mut body, integer);
    }
    let mut out = vec![0x30];
    write_length(&mut out, body.len());
    out.extend_from_slice(&body);
    out
}

fn write_integer(out: &mut Vec<u8>, big_endian: &[u8]) {
    let first_nonzero = big_endian.iter().position(|&b| b != 0).unwrap_or(big_endian.len());
    let digits = &big_endian[first_nonzero..];
    let pad = digits.first().is_none_or(|&b| b & 0x80 != 0); // keep it positive; 0 is one 0x00 byte
    out.push(0x02);
    write_length(out, digits.len() + usize::from(pad));
    if pad {
        out.push(0);
    }
    out.extend_from_slice(digits);
}

fn write_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().position(|&b| b != 0).unwrap();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn integers_are_minimal_and_positive() {
        let mut out = Vec::new();
        super::write_integer(&mut out, &[0, 0, 0x7f]);
        super::write_integer(&mut out, &[0x80]);
        super::write_integer(&mut out, &[0, 0]);
        assert_eq!(out, [0x02, 1, 0x7f, 0x02, 2, 0, 0x80, 0x02, 1, 0]);
        let mut long = Vec::new();
        super::write_length(&mut long, 0x1234);
        assert_eq!(long, [0x82, 0x12, 0x34]);
    }
}
