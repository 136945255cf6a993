-- .crypto: the crypto library (lua/crypto/init.lua), by the name aos processes require it.
return require(".crypto.init")
