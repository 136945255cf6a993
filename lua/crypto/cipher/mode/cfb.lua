-- .crypto.cipher.mode.cfb: the CFB mode's Cipher() and Decipher() objects, as aos's.
return require(".crypto.cipher.mode.chain")("CFB")
