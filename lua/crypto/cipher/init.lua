-- .crypto.cipher: aes, issac, morus, norx.
return {
  _version = "0.0.1",
  issac = require(".crypto.cipher.issac"),
  morus = require(".crypto.cipher.morus"),
  aes = require(".crypto.cipher.aes"),
  norx = require(".crypto.cipher.norx"),
}
