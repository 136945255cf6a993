// aoconnect.cjs: the @permaweb/aoconnect@0.0.98 side of ao's protocol interop tests.
//   node aoconnect.cjs build OUTDIR JWK PROCESS MODULE SCHEDULER   what message() and spawn() send
// Runs the real message()/spawn() with a fetch that plays MU and gateway and keeps the bytes, so
// the items are signed by aoconnect's Node signer (RSA-PSS with Node's maximum salt, 478 bytes).
const fs = require('fs');
const path = require('path');
const { peers, describe } = require('./peers.cjs');
const aoconnect = peers('@permaweb/aoconnect');
const arbundles = peers('arbundles');

async function build(outDir, jwkFile, processId, moduleId, scheduler) {
  const sent = [];
  const fetch = async (url, options) => {
    if (url.endsWith('/graphql')) {
      const node = { owner: { address: 'x' }, tags: [
        { name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Module' },
        { name: 'Module-Format', value: 'wasm32-unknown-emscripten4' },
        { name: 'Input-Encoding', value: 'JSON-1' }, { name: 'Output-Encoding', value: 'JSON-1' }] };
      return new Response(JSON.stringify({ data: { transactions: { edges: [{ node }] } } }));
    }
    sent.push(Buffer.from(options.body));
    return new Response(JSON.stringify({ id: 'x', message: 'Processing DataItem' }), { status: 202 });
  };
  const ao = aoconnect.connect({ MODE: 'legacy', MU_URL: 'http://mu.test', CU_URL: 'http://cu.test',
    GRAPHQL_URL: 'http://gateway.test/graphql', fetch, noLog: true });
  const signer = aoconnect.createDataItemSigner(JSON.parse(fs.readFileSync(jwkFile, 'utf8')));
  const calls = [
    { kind: 'message', input: { tags: [{ name: 'Action', value: 'Eval' }], data: 'return 1' } },
    { kind: 'message', input: { tags: [] } },
    { kind: 'message', input: { tags: [{ name: 'Variant', value: 'ao.TN.2' }, { name: 'Type', value: 'Mine' },
      { name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Gone' }, { name: 'Keep', value: '1' }], data: 'd',
      anchor: '00000000000000000000000000000003' } },
    { kind: 'spawn', input: { tags: [{ name: 'Name', value: 'demo' }, { name: 'Authority', value: scheduler }] } },
    { kind: 'spawn', input: { tags: [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Module', value: 'old' },
      { name: 'Cron-Interval', value: '1-minute' }], data: 'print("boot")' } },
  ];
  const out = [];
  for (const [i, { kind, input }] of calls.entries()) {
    if (kind === 'message') await ao.message({ process: processId, signer, ...input });
    else await ao.spawn({ module: moduleId, scheduler, signer, ...input });
    const raw = sent[sent.length - 1];
    const file = path.join(outDir, `aoconnect-${kind}-${i}.bin`);
    fs.writeFileSync(file, raw);
    const item = new arbundles.DataItem(raw);
    out.push({ file, kind, input, ...describe(item, await item.isValid()) });
  }
  return out;
}

const [command, ...args] = process.argv.slice(2);
const run = { build: () => build(...args) }[command];
if (!run) throw new Error(`unknown command ${command}`);
run().then((out) => console.log(JSON.stringify(out)));
