-- .crypto.cipher.mode.ecb: the ECB mode's Cipher() and Decipher() objects, as aos's.
return require(".crypto.cipher.mode.chain")("ECB")
