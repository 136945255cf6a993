-- .crypto.cipher.aes128: AES-128 on one 16-byte block (byte arrays), as aos's.
return require(".crypto.cipher.block")(128)
