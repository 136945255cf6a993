-- .crypto.cipher.mode.ctr: the CTR mode's Cipher() and Decipher() objects, as aos's.
return require(".crypto.cipher.mode.chain")("CTR")
