// arbundles-items.cjs: the reference for benches/protocol.rs — arbundles@0.11.2 signing, and parsing
// + verifying, the same kind of 1 KB ao message item. Prints {sign_ms, parse_verify_ms} per item.
//   AO_NPM_DIR=.cache/npm node benches/js/arbundles-items.cjs JWK [COUNT]
const fs = require('fs');
const { peers } = require('../../tests/js/peers.cjs');
const arbundles = peers('arbundles');

async function main(jwkFile, count) {
  const signer = new arbundles.ArweaveSigner(JSON.parse(fs.readFileSync(jwkFile, 'utf8')));
  const tags = [
    { name: 'Action', value: 'Transfer' }, { name: 'Recipient', value: 'kbsjkeFXHEAC2SQlu-MkNu-y_-e1nOEDRTQ9wlbbGOk' },
    { name: 'Quantity', value: '1000' }, { name: 'SDK', value: 'aoconnect' }, { name: 'Data-Protocol', value: 'ao' },
    { name: 'Variant', value: 'ao.TN.1' }, { name: 'Type', value: 'Message' },
  ];
  const data = Buffer.alloc(1024, 'x');
  const target = 'kbsjkeFXHEAC2SQlu-MkNu-y_-e1nOEDRTQ9wlbbGOk';
  const raws = [];
  let start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const item = arbundles.createData(data, signer, { tags, target });
    await item.sign(signer);
    raws.push(item.getRaw());
  }
  const signMs = Number(process.hrtime.bigint() - start) / 1e6 / count;
  start = process.hrtime.bigint();
  for (const raw of raws) {
    if (!(await new arbundles.DataItem(raw).isValid())) throw new Error('invalid');
  }
  const verifyMs = Number(process.hrtime.bigint() - start) / 1e6 / count;
  console.log(JSON.stringify({ sign_ms: signMs, parse_verify_ms: verifyMs }));
}

main(process.argv[2], Number(process.argv[3] || 200));
