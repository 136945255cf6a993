// aoconnect-load.cjs: @permaweb/aoconnect@0.0.98 (legacy mode) as a load client of `ao serve`:
//   node aoconnect-load.cjs BASE_URL JWK PROCESS COUNT CONCURRENCY
// Sends COUNT messages (Action=Ping) with CONCURRENCY in flight, each signed by aoconnect's
// signer (RSA-PSS, 4096 bits, as users' wallets); prints how many were acknowledged and how long
// it took, as JSON.
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [base, jwkFile, processId, count, concurrency] = process.argv.slice(2);
const peers = createRequire(path.join(process.env.AO_NPM_DIR, 'package.json'));
const aoconnect = peers('@permaweb/aoconnect');
const ao = aoconnect.connect({ MODE: 'legacy', MU_URL: `${base}/mu`, CU_URL: `${base}/cu`, GATEWAY_URL: base, noLog: true });
const signer = aoconnect.createDataItemSigner(JSON.parse(fs.readFileSync(jwkFile, 'utf8')));

(async () => {
  let next = 0;
  let acknowledged = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < Number(count)) {
      const n = next++;
      await ao.message({ process: processId, signer, tags: [{ name: 'Action', value: 'Ping' }], data: String(n) });
      acknowledged += 1;
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ acknowledged, seconds, perSecond: acknowledged / seconds }));
})();
