// arweave.cjs: the arweave@1.15.7 side of ao's wallet interop test.
//   node arweave.cjs address JWK   the wallet's address as arweave-js computes it
const fs = require('fs');
const { peers } = require('./peers.cjs');
const Arweave = peers('arweave');

const [command, jwkFile] = process.argv.slice(2);
if (command !== 'address') throw new Error(`unknown command ${command}`);
const arweave = Arweave.init({});
arweave.wallets.jwkToAddress(JSON.parse(fs.readFileSync(jwkFile, 'utf8'))).then((address) => console.log(JSON.stringify({ address })));
