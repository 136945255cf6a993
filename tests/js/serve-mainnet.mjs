// serve-mainnet.mjs: @permaweb/aoconnect@0.0.98 in mainnet mode (HyperBEAM routes) as a client of
// `ao serve`, for the interop tests. Mainnet mode needs aoconnect's ES module build.
//   node serve-mainnet.mjs BASE_URL JWK AOS_MODULE
// Spawns on ao's module, sends messages, reads results (by slot and by message id), the results
// listing, and a dry run; prints what each call returned, as JSON.
import fs from 'fs';
import path from 'path';

const [base, jwkFile, aosModule] = process.argv.slice(2);
const dist = path.join(process.env.AO_NPM_DIR, 'node_modules/@permaweb/aoconnect/dist/index.js');
const { connect, createSigner } = await import(dist);
const signer = createSigner(JSON.parse(fs.readFileSync(jwkFile, 'utf8')));
const ao = connect({ MODE: 'mainnet', URL: base, signer });
const out = {};
try {
  out.process = await ao.spawn({ module: aosModule, tags: [{ name: 'Name', value: 'mainnet' }] });
  out.evalSlot = await ao.message({
    process: out.process, tags: [{ name: 'Action', value: 'Eval' }],
    data: "Count = 9 Handlers.add('get', 'Get', function(m) m.reply({ Data = tostring(Count) }) end) print('set')",
  });
  out.evalResult = await ao.result({ process: out.process, slot: out.evalSlot });
  const sent = await ao.message({ process: out.process, tags: [{ name: 'Action', value: 'Get' }], returnMessageId: true, returnAssignmentSlot: true });
  out.getId = sent.id;
  out.getSlot = sent.slot;
  out.getResult = await ao.result({ process: out.process, message: sent.id });
  out.results = await ao.results({ process: out.process });
  out.dryrun = await ao.dryrun({ process: out.process, tags: [{ name: 'Action', value: 'Get' }] });
} catch (error) {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
}
console.log(JSON.stringify(out));
