-- .crypto.cipher.mode.ofb: the OFB mode's Cipher() and Decipher() objects, as aos's.
return require(".crypto.cipher.mode.chain")("OFB")
