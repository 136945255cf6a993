// arbundles.cjs: the arbundles@0.11.2 side of ao's protocol interop tests.
//   node arbundles.cjs inspect FILE...   items as arbundles parses them, and isValid()
//   node arbundles.cjs sign OUTDIR JWK   items signed by arbundles' Arweave, Ethereum and Solana signers
const fs = require('fs');
const path = require('path');
const { peers, inner, describe } = require('./peers.cjs');
const arbundles = peers('arbundles');

async function inspect(files) {
  const out = [];
  for (const file of files) {
    const item = new arbundles.DataItem(fs.readFileSync(file));
    out.push({ file, ...describe(item, await item.isValid()) });
  }
  return out;
}

async function sign(outDir, jwkFile) {
  const jwk = JSON.parse(fs.readFileSync(jwkFile, 'utf8'));
  const ed = inner('arbundles', '@noble/ed25519');
  const bs58 = inner('arbundles', 'bs58');
  const seed = Buffer.alloc(32, 7);
  const solanaKey = bs58.encode(Buffer.concat([seed, Buffer.from(await ed.getPublicKey(seed))]));
  const signers = {
    arweave: new arbundles.ArweaveSigner(jwk),
    ethereum: new arbundles.EthereumSigner('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'),
    solana: new arbundles.SolanaSigner(solanaKey),
  };
  const shapes = {
    full: {
      data: 'hello from arbundles',
      opts: {
        target: 'kbsjkeFXHEAC2SQlu-MkNu-y_-e1nOEDRTQ9wlbbGOk',
        anchor: '00000000000000000000000000000042',
        tags: [{ name: 'Action', value: 'Eval' }, { name: 'Data-Protocol', value: 'ao' }, { name: 'Ünïcode', value: '✓' }],
      },
    },
    bare: { data: Buffer.from([0, 255, 1, 254]), opts: {} },
  };
  const out = [];
  for (const [signerName, signer] of Object.entries(signers)) {
    for (const [shape, { data, opts }] of Object.entries(shapes)) {
      const item = arbundles.createData(data, signer, opts);
      await item.sign(signer);
      const file = path.join(outDir, `arbundles-${signerName}-${shape}.bin`);
      fs.writeFileSync(file, item.getRaw());
      out.push({ file, signer: signerName, ...describe(item, await item.isValid()) });
    }
  }
  return out;
}

const [command, ...args] = process.argv.slice(2);
const run = { inspect: () => inspect(args), sign: () => sign(args[0], args[1]) }[command];
if (!run) throw new Error(`unknown command ${command}`);
run().then((out) => console.log(JSON.stringify(out)));
