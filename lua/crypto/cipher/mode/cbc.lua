-- .crypto.cipher.mode.cbc: the CBC mode's Cipher() and Decipher() objects, as aos's.
return require(".crypto.cipher.mode.chain")("CBC")
