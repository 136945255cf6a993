-- .crypto.cipher.aes192: AES-192 on one 16-byte block (byte arrays), as aos's.
return require(".crypto.cipher.block")(192)
