-- .crypto.digest.sha3: sha3_256, sha3_512 (FIPS 202) and keccak256, keccak512 (Keccak's original
-- padding, as Ethereum uses) of a string.
local C = require("ao.digest")
local text = require(".crypto.digest.text")
local result = require(".crypto.util.result")

local sha3 = {}
for _, name in ipairs({ "sha3_256", "sha3_512", "keccak256", "keccak512" }) do
  sha3[name] = function(input) return result(C[name](text(input))) end
end
return sha3
