-- .crypto.cipher.aes256: AES-256 on one 16-byte block (byte arrays), as aos's.
return require(".crypto.cipher.block")(256)
