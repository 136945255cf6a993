// oracle.cjs: runs a fixture module under the reference loader (@permaweb/ao-loader 0.0.49) and
// prints one JSON line per message, so a Rust host can be compared with it differentially.
//
//   node oracle.cjs WASM FORMAT MESSAGES.json [--compute-limit N] [--mode same|fresh]
//
// MESSAGES.json: {"env": {...}, "messages": [msg, ...], "computeLimit"?: N, "mode"?: "same"|"fresh"}
//   (command-line options win over the file's). The memory carries from message to message and is
//   kept only when a message succeeds, as a CU does. mode "same" (default) hands it back to one
//   loader instance each call (what a CU with a cached instance does); "fresh" evaluates every
//   message in a new loader instance given the previous memory (a snapshot restore).
// Each line: {"i", "ok", "Output", "Messages", "Spawns", "Assignments", "Error", "GasUsed",
//   "memory": {"bytes", "sha256"}}; a thrown evaluation (ok:false response, trap, "out of gas!")
//   gives {"i", "ok": false, "Thrown": message, "memory": <of the last success>} (the loader does not
//   expose the gas counter of a call that threw).
// The loader is found in $AO_NPM_DIR (default: <repo>/.cache/npm).
//
// Two things of the host process leak into the module's memory through the glue, and are pinned
// here so that memory hashes are reproducible (and reproducible by another host):
//   - the time zone: _tzset_js/_localtime_js/_mktime_js use the host's; TZ is forced to UTC.
//   - the command line: the emscripten2 glue calls main(argc, argv) with argv = [process.argv[1],
//     ...process.argv.slice(2)] (strings written on the emscripten stack) and puts argv[0] in the
//     environment as `_=`; process.argv is set to [node, "thisProgram"] before the loader runs, so
//     main sees argc=1, argv=["thisProgram"]. (The emscripten3 glue calls main(0, 0).)
process.env.TZ = 'UTC';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { createRequire } = require('module');

const npmDir = process.env.AO_NPM_DIR || path.join(__dirname, '..', '..', '.cache', 'npm');
const AoLoader = createRequire(path.join(npmDir, 'package.json'))('@permaweb/ao-loader');

// The loader mutes console.log during handle and restores it only on success: print through a
// saved reference.
const write = process.stdout.write.bind(process.stdout);

function usage() {
  process.stderr.write('usage: node oracle.cjs WASM FORMAT MESSAGES.json [--compute-limit N] [--mode same|fresh]\n');
  process.exit(2);
}

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

async function main(argv) {
  if (argv.length < 3) usage();
  const [wasmPath, format, messagesPath, ...rest] = argv;
  const spec = JSON.parse(fs.readFileSync(messagesPath, 'utf8'));
  let computeLimit = spec.computeLimit ?? 9e12;
  let mode = spec.mode ?? 'same';
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--compute-limit') computeLimit = Number(rest[i + 1]);
    else if (rest[i] === '--mode') mode = rest[i + 1];
    else usage();
  }
  if (mode !== 'same' && mode !== 'fresh') usage();
  const wasm = fs.readFileSync(wasmPath);
  process.argv = [process.argv[0], 'thisProgram'];
  const options = () => ({
    format,
    inputEncoding: 'JSON-1',
    outputEncoding: 'JSON-1',
    memoryLimit: '524288000',
    computeLimit,
    extensions: [],
  });
  const env = spec.env ?? {};
  let handle = mode === 'same' ? await AoLoader(wasm, options()) : null;
  let memory = null;
  let lastGood = null;
  for (const [i, msg] of spec.messages.entries()) {
    if (mode === 'fresh') handle = await AoLoader(wasm, options());
    let line;
    try {
      const { Memory, GasUsed, Error: error, Output, Messages, Spawns, Assignments } = await handle(memory, msg, env);
      const bytes = new Uint8Array(Memory);
      line = { i, ok: true, Output, Messages, Spawns, Assignments, Error: error ?? null, GasUsed: GasUsed ?? null };
      if (!error) {
        memory = Memory;
        lastGood = { bytes: bytes.byteLength, sha256: sha256(bytes) };
      }
      line.memory = { bytes: bytes.byteLength, sha256: sha256(bytes) };
    } catch (e) {
      const thrown = typeof e === 'string' ? e : e && e.message ? e.message : String(e);
      line = { i, ok: false, Thrown: thrown, memory: lastGood };
    }
    write(JSON.stringify(line) + '\n');
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`oracle: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
