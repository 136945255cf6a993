#!/usr/bin/env python3
"""Writes tests/scenarios/crypto.json, the .crypto scenario.

Standard vectors are computed here (hashlib; pycryptodome for MD2, MD4, Keccak and AES modes;
RFC 2202/4231/6070, FIPS-197, SP 800-38A, ISAAC's randvect.txt, Wycheproof's MORUS, the NORX
paper). Where aos's construction is its own (createHmac's 32-byte block, AES's framing, ISAAC's
seeding, MORUS/NORX output layout, the utils) the expected output is what the published aos 2.0.6
module returns, run here through tests/js/aos-reference.cjs; every standard vector is checked
against aos too, and a step where aos deliberately differs carries `differs`.

    pip install pycryptodome && tools/install-npm.sh && python3 tools/crypto-vectors.py
"""
import hashlib, hmac, json, os, subprocess, tempfile
from Crypto.Hash import MD2, MD4, keccak
from Crypto.Cipher import AES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TEXTS = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'a' * 1000]
LUA_TEXTS = "{'', 'abc', 'The quick brown fox jumps over the lazy dog', string.rep('a', 1000)}"
PRE = "local c = require('.crypto') local S, A, H = c.utils.stream, c.utils.array, c.utils.hex "

def hm(name, bs, key, data):
    h = lambda b: hashlib.new(name, b).digest()
    if len(key) > bs: key = h(key)
    key = key.ljust(bs, b'\0')
    return h(bytes(k ^ 0x5c for k in key) + h(bytes(k ^ 0x36 for k in key) + data)).hex()

steps = []
def step(desc, lua, expect=None, error=None, differs=None):
    s = {"action": "Eval", "data": PRE + lua, "_desc": desc}
    if differs: s["differs"] = differs
    if expect is not None: s["expect"] = {"output": expect}
    if error is not None: s["expect"] = {"error": error}
    steps.append(s)

exp = []
for t in TEXTS:
    b = t.encode()
    exp += [MD2.new(b).hexdigest(), MD4.new(b).hexdigest(), hashlib.md5(b).hexdigest(), hashlib.sha1(b).hexdigest(), hashlib.sha256(b).hexdigest()]
step("stream digests", f"local out = {{}} for _, t in ipairs({LUA_TEXTS}) do for _, n in ipairs({{'md2', 'md4', 'md5', 'sha1', 'sha2_256'}}) do out[#out + 1] = c.digest[n](S.fromString(t)).asHex() end end return table.concat(out, ' ')", ' '.join(exp))

exp = []
for t in TEXTS:
    b = t.encode()
    exp += [hashlib.sha512(b).hexdigest(), hashlib.sha3_256(b).hexdigest(), hashlib.sha3_512(b).hexdigest(),
            keccak.new(data=b, digest_bits=256).hexdigest(), keccak.new(data=b, digest_bits=512).hexdigest(),
            hashlib.blake2b(b).hexdigest(), hashlib.blake2b(b, digest_size=32).hexdigest(), hashlib.blake2b(b + b'!', digest_size=20, key=b'secret_key').hexdigest()]
step("string digests", f"local d, out = c.digest, {{}} for _, t in ipairs({LUA_TEXTS}) do out[#out + 1] = table.concat({{d.sha2_512(t).asHex(), d.sha3_256(t).asHex(), d.sha3_512(t).asHex(), d.keccak256(t).asHex(), d.keccak512(t).asHex(), d.blake2b(t).asHex(), d.blake2b(t, 32).asHex(), d.blake2b(t .. '!', 20, 'secret_key').asHex()}}, ' ') end return table.concat(out, ' ')", ' '.join(exp))

step("result shapes", "local d = c.digest local m = d.md5(S.fromString('ao')) local w = d.sha2_512('ao').asBytes() local b = d.blake2b('ao', 4).asBytes() return table.concat({#m.asBytes(), m.asBytes()[1], #m.asString(), #w, math.type(w[1]), w[1], w[8], #b, type(b[1]), b[1] == d.blake2b('ao', 4).asString():sub(1, 1) and 'same' or 'other', d.sha1(S.fromString('ao')).asString() == H.hexToString(d.sha1(S.fromString('ao')).asHex()) and 'ok' or 'bad'}, ' ')")
step("blake2b parameters", "local r1, e1 = c.digest.blake2b('x', 65) local r2, e2 = c.digest.blake2b('x', 0) local r3, e3 = c.digest.blake2b('x', 32, string.rep('k', 65)) return tostring(r1) .. ' ' .. e1 .. ' ' .. tostring(r2) .. ' ' .. e2 .. ' ' .. tostring(r3) .. ' ' .. e3 .. ' ' .. c.digest.blake2b('x', 64, string.rep('k', 64)).asHex()",
     "nil illegal parameters nil illegal parameters nil illegal parameters " + hashlib.blake2b(b'x', key=b'k' * 64).hexdigest())

step("keyed BLAKE2b of nothing", "return c.digest.blake2b('', 32, 'secret_key').asHex()", hashlib.blake2b(b'', digest_size=32, key=b'secret_key').hexdigest(), differs="aos's keyed BLAKE2b of empty data compresses the key block as not the last and then a block of zeros, which is not RFC 7693's BLAKE2b; ao's is RFC 7693's")
step("digests at the lengths where aos's are not standard", "local d = c.digest return table.concat({d.sha2_512(string.rep('a', 112)).asHex(), d.sha2_512(string.rep('b', 1014)).asHex(), d.sha3_256(string.rep('a', 135)).asHex(), d.keccak256(string.rep('a', 271)).asHex(), d.sha3_512(string.rep('a', 71)).asHex(), d.keccak512(string.rep('a', 143)).asHex(), d.blake2b(string.rep('a', 128)).asHex(), d.blake2b(string.rep('a', 256), 32, 'k').asHex()}, ' ')",
     ' '.join([hashlib.sha512(b'a' * 112).hexdigest(), hashlib.sha512(b'b' * 1014).hexdigest(), hashlib.sha3_256(b'a' * 135).hexdigest(), keccak.new(data=b'a' * 271, digest_bits=256).hexdigest(), hashlib.sha3_512(b'a' * 71).hexdigest(), keccak.new(data=b'a' * 143, digest_bits=512).hexdigest(), hashlib.blake2b(b'a' * 128).hexdigest(), hashlib.blake2b(b'a' * 256, digest_size=32, key=b'k').hexdigest()]),
     differs="aos's pure-Lua sha512 writes an 8-byte length when the last block has 112..118 bytes, its sha3/keccak pad with an extra block when the input is one byte short of the rate, and its blake2b ends on an empty block when the input is a multiple of 128 bytes: those results are not the standards' (FIPS 180-4, FIPS 202, RFC 7693); ao's are")
keys = ['super_secret_key', 'k' * 32, 'a much longer key that has more than thirty two bytes']
exp = []
for k in keys:
    for alg in ['sha1', 'sha1', 'sha256']:
        exp.append(hm(alg, 32, k.encode(), b'ao'))
step("createHmac (aos pads keys to 32-byte blocks)", "local out = {} for _, k in ipairs({'super_secret_key', string.rep('k', 32), 'a much longer key that has more than thirty two bytes'}) do out[#out + 1] = c.mac.createHmac(S.fromString('ao'), A.fromString(k)).asHex() out[#out + 1] = c.mac.createHmac(S.fromString('ao'), A.fromString(k), 'sha1').asHex() out[#out + 1] = c.mac.createHmac(S.fromString('ao'), A.fromString(k), 'sha256').asHex() end return table.concat(out, ' ')", ' '.join(exp))
step("HMAC() with 64-byte blocks is RFC 2104's (RFC 2202 / 4231 case 2)", "local M = require('.crypto.mac.hmac') local function mac(ctor) return M.HMAC().setBlockSize(64).setDigest(ctor).setKey(A.fromString('Jefe')).init().update(S.fromString('what do ya want ')).update(S.fromString('for nothing?')).finish().asHex() end return mac(require('.crypto.digest.sha1').SHA1) .. ' ' .. mac(require('.crypto.digest.sha2_256').SHA2_256)",
     hmac.new(b'Jefe', b'what do ya want for nothing?', 'sha1').hexdigest() + ' ' + hmac.new(b'Jefe', b'what do ya want for nothing?', 'sha256').hexdigest())
step("a running digest read before finish()", "return require('.crypto.digest.sha2_256').SHA2_256().update(S.fromString('ao')).asHex()", error="the digest is not finished: call finish() first", differs="aos gives the hex of SHA-256's initial state; ao says the object is not finished")
step("createHmac with an unknown algorithm", "return c.mac.createHmac(S.fromString('ao'), A.fromString('k'), 'md5').asHex()", error="Unsupported algorithm: md5")

pb = [('password', 'salt', 1, 20, 'sha1'), ('password', 'salt', 2, 20, None), ('password', 'salt', 4096, 20, 'sha1'),
      ('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 3, 25, 'sha1'), ('password', 'salt', 1, 32, 'sha256'), ('password', 'salt', 2, 70, 'sha256'), ('pw', 'salt', 0, 16, 'sha1'), ('pw', 'salt', 3, 0, 'sha1')]
exp, calls = [], []
for pw, salt, it, n, alg in pb:
    exp.append(hashlib.pbkdf2_hmac(alg or 'sha1', pw.encode(), salt.encode(), it, n).hex().upper() if it > 0 and n > 0 else '')
    calls.append(f"c.kdf.pbkdf2(A.fromString('{pw}'), A.fromString('{salt}'), {it}, {n}{', ' + repr(alg) if alg else ''}).asHex()")
step("pbkdf2 (RFC 6070 and more)", "return table.concat({" + ', '.join(calls) + "}, ' ')", ' '.join(exp))

# AES: FIPS-197 blocks and SP 800-38A F.1-F.5 first two blocks
K128, K192, K256 = '2b7e151628aed2a6abf7158809cf4f3c', '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b', '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4'
PT = '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51'
IV, CTR = '000102030405060708090a0b0c0d0e0f', 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'
exp, calls = [], []
for kh, bits in [(K128, 128), (K192, 192), (K256, 256)]:
    k = bytes.fromhex(kh); pt = bytes.fromhex(PT)
    for mode in ['ECB', 'CBC', 'CFB', 'OFB', 'CTR']:
        iv = '' if mode == 'ECB' else (CTR if mode == 'CTR' else IV)
        c = {'ECB': lambda: AES.new(k, AES.MODE_ECB), 'CBC': lambda: AES.new(k, AES.MODE_CBC, iv=bytes.fromhex(iv)),
             'CFB': lambda: AES.new(k, AES.MODE_CFB, iv=bytes.fromhex(iv), segment_size=128), 'OFB': lambda: AES.new(k, AES.MODE_OFB, iv=bytes.fromhex(iv)),
             'CTR': lambda: AES.new(k, AES.MODE_CTR, nonce=b'', initial_value=bytes.fromhex(iv))}[mode]()
        exp.append(c.encrypt(pt).hex().upper()); exp.append(PT.upper())
        calls.append(f"enc('{kh}', '{iv}', '{mode}', {bits})")
fips = AES.new(bytes.fromhex('000102030405060708090a0b0c0d0e0f'), AES.MODE_ECB).encrypt(bytes.fromhex('00112233445566778899aabbccddeeff')).hex().upper()
step("AES in every mode and key size (SP 800-38A)", "local function enc(k, iv, mode, bits) local e = c.cipher.aes.encrypt(H.hexToString('" + PT + "'), H.hexToString(k), H.hexToString(iv), mode, bits).asHex() return e .. ' ' .. c.cipher.aes.decrypt(e, H.hexToString(k), H.hexToString(iv), mode, bits).asHex() end return table.concat({" + ', '.join(calls) + "}, ' ')", ' '.join(exp))
step("AES on one block (FIPS-197 C.1)", "local b = require('.crypto.cipher.aes128') local key = A.fromHex('000102030405060708090a0b0c0d0e0f') local e = b.encrypt(key, A.fromHex('00112233445566778899aabbccddeeff')) return A.toHex(e) .. ' ' .. A.toHex(b.decrypt(key, e)) .. ' ' .. b.blockSize",
     fips + ' 00112233445566778899AABBCCDDEEFF 16')
step("AES as aos frames it (zero fill, default iv, ECB iv block, odd lengths)", "local out = {} local aes = c.cipher.aes for _, mode in ipairs({'CBC', 'ECB', 'CFB', 'OFB', 'CTR', 'XYZ'}) do for _, bits in ipairs({128, 192, 256}) do local key = string.sub('super_duper_secret_password_shhh', 1, bits // 8) for _, data in ipairs({'', 'ao', string.rep('x', 16), string.rep('y', 33)}) do for _, iv in ipairs({'super_secret_shh', '', 'short'}) do local e = aes.encrypt(data, key, iv, mode, bits).asHex() out[#out + 1] = e .. '/' .. aes.decrypt(e, key, iv, mode, bits).asHex() end out[#out + 1] = aes.encrypt(data, key, nil, mode, bits).asHex() .. '/' .. #aes.encrypt(data, key, nil, mode, bits).asString() .. '/' .. #aes.encrypt(data, key, nil, mode, bits).asBytes() end end end return table.concat(out, ' ')")
step("an AES result read twice", "local e = c.cipher.aes.encrypt('ao', 'super_secret_shh') local d = c.cipher.aes.decrypt(e.asHex(), 'super_secret_shh') return e.asHex() .. ' ' .. e.asHex() .. ' ' .. d.asString():sub(1, 2) .. d.asString():sub(1, 2)",
     AES.new(b'super_secret_shh', AES.MODE_CBC, iv=bytes(16)).encrypt(b'ao'.ljust(16, b'\0')).hex().upper() * 1 + ' ' + AES.new(b'super_secret_shh', AES.MODE_CBC, iv=bytes(16)).encrypt(b'ao'.ljust(16, b'\0')).hex().upper() + ' aoao',
     differs="aos's aes results give their bytes once (its asHex empties a queue: a second call gives \"\"); ao's can be read again")
step("aos's AES test", "local out = {} for _, mode in ipairs({'CBC', 'ECB', 'CFB', 'OFB', 'CTR'}) do local iv = mode == 'ECB' and '' or 'super_secret_shh' local e = c.cipher.aes.encrypt('ao', 'super_secret_shh', iv, mode, 128).asHex() out[#out + 1] = e out[#out + 1] = c.cipher.aes.decrypt(e, 'super_secret_shh', iv, mode, 128).asHex() end return table.concat(out, ', ')",
     'A3B9E6E1FBD9D46930E5F76807C84B8E, 616F0000000000000000000000000000, 3FF54BD61AD1AA06BC367A10575CC7C5, 616F0000000000000000000000000000, 1DA7169C093D6B23160B6785B28E4BED, 616F0000000000000000000000000000, 1DA7169C093D6B23160B6785B28E4BED, 616F0000000000000000000000000000, 1DA7169C093D6B23160B6785B28E4BED, 616F0000000000000000000000000000')
step("block mode objects as aos's", "local out = {} for _, m in ipairs({'ecb', 'cbc', 'cfb', 'ofb', 'ctr'}) do local mode = require('.crypto.cipher.mode.' .. m) local zero = require('.crypto.padding.zero') for _, bits in ipairs({128, 256}) do local key = A.fromString(string.sub('super_duper_secret_password_shhh', 1, bits // 8)) local e = mode.Cipher().setKey(key).setBlockCipher(require('.crypto.cipher.aes' .. bits)).setPadding(zero).init().update(S.fromString('super_secret_shh')).update(S.fromString('some data, more than a block')).finish() local hex = e.asHex() local again = e.asHex() local d = mode.Decipher().setKey(key).setBlockCipher(require('.crypto.cipher.aes' .. bits)).setPadding(zero).init().update(S.fromString('super_secret_shh')).update(S.fromHex(hex)).finish() out[#out + 1] = hex .. '/' .. again .. '/' .. d.asHex() end end return table.concat(out, ' ')")

step("ISAAC (seeded) and random", "local i = c.cipher.issac local out = {c.random(0, 100, 'seed'), c.random(nil, nil, 'seed'), i.random(5, 10, 'other seed'), c.random(-50, 50, 'seed')} i.seedIsaac('key', true) for n = 1, 600 do out[#out + 1] = i.getRandom() end i.seedIsaac('key', false) for n = 1, 5 do out[#out + 1] = i.getRandom() end for n = 1, 5 do out[#out + 1] = i.getRandomChar() end return table.concat(out, ' ')")
step("ISAAC's reference vector (seed all zero: randvect.txt's first value)", "local i = c.cipher.issac i.seedIsaac('', true) for n = 1, 256 do i.getRandom() end return string.format('%08x %08x %08x', i.getRandom(), i.getRandom(), i.getRandom())", "f650e4c8 e448e96d 98db2fb4")
step("ISAAC cipher", "local i = c.cipher.issac local e = i.encrypt('ao', 'secret_key') local long = 'Hello, World! ~ printable text 0123456789' local e2 = i.encrypt(long, 'k2') return e.asHex() .. ' ' .. i.decrypt(e.asString(), 'secret_key') .. ' ' .. e2.asHex() .. ' ' .. i.decrypt(e2.asString(), 'k2') .. ' ' .. #e2.asBytes() .. ' ' .. e2.asBytes()[1]")
step("MORUS", "local m = c.cipher.morus local out = {m.variant, m.key_size, m.nonce_size} local k16, k32, iv = 'super_secret_shh', 'super_duper_secret_password_shhh', '0000000000000000' for _, k in ipairs({k16, k32}) do for _, case in ipairs({{'ao', ''}, {'', ''}, {string.rep('m', 100), 'header'}, {string.rep('z', 64), string.rep('a', 40)}}) do local e = m.encrypt(k, iv, case[1], case[2]) out[#out + 1] = e.asHex() out[#out + 1] = #e.asBytes() out[#out + 1] = tostring(m.decrypt(k, iv, e.asString(), #case[2])) end end local e = m.encrypt(k16, iv, 'ao').asString() local bad = e:sub(1, -2) .. string.char((e:byte(-1) + 1) % 256) local r, err = m.decrypt(k16, iv, bad) out[#out + 1] = tostring(r) .. ' ' .. err return table.concat(out, ' ')")
MORUS_KAT = [  # Wycheproof's MORUS-1280-128 vectors: key, iv, ad, message, ciphertext .. tag
 ("3c24399f107ba81b80dab291f924c206", "4bedc807541a52a2a110deb5f8edf387", "", "69", "88c34cf02f43761396da7634334ed53973"),
 ("5d6f4139a1d497160985f4aec36b9a3e", "6c38cfa1e573419d29bc21d2c235cbbf", "7b015d082912ec2449f34df7c0fefb413cf8796cb690d40deede2360f2e508cc97", "", "2864785155d8564a583ef7beee21fe94"),
 ("c84b9bf501ba8cbd0ea321169f462a63", "d714295d455936442ed94d3b9e0f5be5", "e6ddb8c489f8e0ca4f107a5f9cd88b663b86bf86d450e0a776ef5c720f1fc3d4ee", "f5a6462cce978a516f46a6839ba1bce8053642a716f8c1ada7fb9468c537ab8a72", "5910841c834c8bfcfd2e4b4684ff784e50da5cb9611df5b9febb7fae8cc124bd8c6f1f9bcec6c13708065ae5961095c25e"),
]
calls = ' '.join(f"out[#out + 1] = m.encrypt(H.hexToString('{k}'), H.hexToString('{iv}'), H.hexToString('{pt}'), H.hexToString('{ad}')).asHex()" for k, iv, ad, pt, _ in MORUS_KAT)
step("MORUS-1280-128 and NORX64-4-1 standard vectors (Wycheproof; the NORX v3.0 paper)", "local m, n, out = c.cipher.morus, c.cipher.norx, {} " + calls + " local function seq(a, len) local t = {} for i = 0, len - 1 do t[#t + 1] = string.char(a + i) end return table.concat(t) end local e = n.encrypt(seq(0, 32), seq(32, 32), seq(0, 128), seq(0, 128), seq(0, 128)).asString() out[#out + 1] = H.stringToHex(e:sub(-32)) out[#out + 1] = tostring(n.decrypt(seq(0, 32), seq(32, 32), e, seq(0, 128), seq(0, 128)) == seq(0, 128)) return table.concat(out, ' ')",
     ' '.join(ad + ct for _, _, ad, _, ct in MORUS_KAT) + ' d1f2fa3305a32376e23a61d1c989303fbfbd935aa55b17e4e7254733c473408e true')
step("NORX", "local n = c.cipher.norx local out = {n.variant, n.key_size, n.nonce_size} local key, nonce = 'super_duper_secret_password_shhh', '00000000000000000000000000000000' for _, case in ipairs({{'ao', 'ao', 'ao'}, {'', nil, nil}, {string.rep('p', 96), 'h', ''}, {string.rep('q', 250), string.rep('h', 100), string.rep('t', 97)}}) do local e = n.encrypt(key, nonce, case[1], case[2], case[3]) out[#out + 1] = e.asHex() out[#out + 1] = #e.asBytes() out[#out + 1] = tostring(n.decrypt(key, nonce, e.asString(), case[2], case[3])) end local e = n.encrypt(key, nonce, 'ao').asString() local r, err = n.decrypt(key, nonce, 'x' .. e:sub(2)) out[#out + 1] = tostring(r) .. ' ' .. err return table.concat(out, ' ')")
step("utils: stream, array, hex, queue", "local out = {} out[#out + 1] = S.toHex(S.fromString('ao')) .. ' ' .. S.toString(S.fromHex('616f')) .. ' ' .. S.toString(S.fromArray({97, 111})) .. ' ' .. table.concat(S.toArray(S.fromString('ao')), ',') .. ' ' .. S.toString(S.fromHex('61zz6f')) local s = S.fromString('abc') s() out[#out + 1] = S.toString(s) .. tostring((s())) out[#out + 1] = A.toHex(A.fromHex('616f')) .. ' ' .. A.toString(A.fromString('ao')) .. ' ' .. A.size(A.fromString('abc')) .. ' ' .. table.concat(A.concat(A.fromString('a'), A.fromString('o')), ',') .. ' ' .. table.concat(A.truncate(A.fromString('abcdef'), 2), ',') .. ' ' .. table.concat(A.XOR(A.fromString('ab'), A.fromString('ba')), ',') .. ' ' .. table.concat(A.slice(A.fromString('abcdef'), 2, -2), ',') .. ' ' .. table.concat(A.slice(A.fromString('abcdef'), -3), ',') .. ' ' .. table.concat(A.copy({1, 2, 3}), ',') .. ' ' .. table.concat(A.substitute({1, 2}, {10, 20}), ',') .. ' ' .. table.concat(A.permute({10, 20, 30}, {3, 1}), ',') .. ' ' .. table.concat(A.fromStream(S.fromString('xy')), ',') .. ' ' .. S.toString(A.toStream({104, 105})) .. ' ' .. tostring(A.fromHex('61zz62')[2]) .. ' ' .. A.fromHex('61zz62')[3] local q = c.utils.queue() q.push(1) q.push(2) q.push(3) out[#out + 1] = q.pop() .. ' ' .. q.size() .. ' ' .. q.getHead() .. ' ' .. q.getTail() q.reset() out[#out + 1] = tostring(q.pop()) .. ' ' .. q.size() local arr = A.readFromQueue((function() local q2 = c.utils.queue() A.writeToQueue(q2, {7, 8, 9}) return q2 end)(), 2) out[#out + 1] = table.concat(arr, ',') out[#out + 1] = H.stringToHex('hello world', 4, ':') .. ' ' .. H.stringToHex('ao') .. ' ' .. H.hexToString('61 6F\\n62') .. ' ' .. H.hexToString('6162', true) .. ' ' .. tostring(pcall(H.hexToString, '6')) .. ' ' .. tostring(pcall(H.hexToString, '6g')) out[#out + 1] = c._version .. ' ' .. c.digest._version .. ' ' .. c.utils.bit.bxor(5, 3) .. ' ' .. type(require('.crypto.init').digest) return table.concat(out, ' | ')")
step("a stream of any function and one already begun", "local t = {104, 105} local i = 0 local f = function() i = i + 1 return t[i] end local s = S.fromString('xxabc') s() s() return c.digest.sha1(f).asHex() .. ' ' .. c.digest.md5(s).asHex() .. ' ' .. tostring((s()))", hashlib.sha1(b'hi').hexdigest() + ' ' + hashlib.md5(b'abc').hexdigest() + ' nil')

# aos's results: every step as one message to one published aos 2.0.6 process
owner, process = 'O' * 43, 'P' * 43
env = {"Process": {"Id": process, "Owner": owner, "Tags": [{"name": "Name", "value": "crypto"}]},
       "Module": {"Id": "M" * 43, "Owner": owner, "Tags": []}}
def message(n, tags, data):
    return {"Id": str(n).rjust(43, "0"), "Owner": owner, "From": owner, "Target": process, "Tags": tags, "Data": data,
            "Timestamp": 1700000000000 + n, "Block-Height": 1000000 + n, "Module": "M" * 43}
msgs = [dict(message(0, env["Process"]["Tags"], ""), Id=process)]
msgs += [message(n + 1, [{"name": "Action", "value": "Eval"}], s["data"]) for n, s in enumerate(steps)]
with tempfile.NamedTemporaryFile("w", suffix=".json") as runs:
    json.dump({"runs": [{"env": env, "messages": msgs}]}, runs)
    runs.flush()
    npm = os.path.join(ROOT, ".cache/npm")
    out = subprocess.run(["node", "--experimental-wasm-memory64", os.path.join(ROOT, "tests/js/aos-reference.cjs"), runs.name],
                         env={**os.environ, "AO_NPM_DIR": npm}, capture_output=True, text=True, check=True).stdout
results = json.loads(out)[0][1:]
problems = 0
for n, (s, r) in enumerate(zip(steps, results)):
    got = (r.get("Output") or {}).get("data")
    want = s.get("expect", {}).get("output")
    if s.get("differs"):
        continue
    if "expect" not in s:
        if r.get("Error"):
            problems += 1
            print("aos fails step", n, s["_desc"], r["Error"][:300])
        s["expect"] = {"output": got}
    elif want is not None and got != want:
        problems += 1
        print("aos differs from the standard at step", n, s["_desc"], f"\n  aos:  {str(got)[:300]}\n  want: {want[:300]}")
out = {"description": "aos's .crypto library (digests, ciphers, ISAAC random, HMAC, PBKDF2, utils): standard vectors (hashlib / pycryptodome, RFC 2202/4231/6070, FIPS-197, SP 800-38A, ISAAC's randvect.txt, Wycheproof's MORUS, the NORX paper) and aos's own results where its construction is its own (createHmac's 32-byte block, AES's framing, MORUS, NORX, ISAAC's seeding). Written by tools/crypto-vectors.py", "steps": []}
for s in steps:
    s.pop("_desc")
    out["steps"].append(s)
with open(os.path.join(ROOT, "tests/scenarios/crypto.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote tests/scenarios/crypto.json ({len(steps)} steps; {problems} unexpected)")
