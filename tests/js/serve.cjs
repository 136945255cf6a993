// serve.cjs: @permaweb/aoconnect@0.0.98 as a client of `ao serve`, for the interop tests.
//   node serve.cjs legacy BASE_URL JWK AOS_MODULE PUBLISHED_MODULE SCHEDULER
// Drives the real aoconnect in legacy mode against the server's /mu, /cu and /graphql: spawns on
// ao's module and on a registered published module, messages, results, a dry run, monitor and
// unmonitor, an assignment; prints what each call returned, as JSON.
const fs = require('fs');
const { peers } = require('./peers.cjs');
const aoconnect = peers('@permaweb/aoconnect');

async function legacy(base, jwkFile, aosModule, publishedModule, scheduler) {
  const ao = aoconnect.connect({
    MODE: 'legacy', MU_URL: `${base}/mu`, CU_URL: `${base}/cu`, GATEWAY_URL: base, noLog: true,
  });
  const signer = aoconnect.createDataItemSigner(JSON.parse(fs.readFileSync(jwkFile, 'utf8')));
  const out = {};
  out.process = await ao.spawn({ module: aosModule, scheduler, signer, tags: [{ name: 'Name', value: 'served' }] });
  out.eval = await ao.message({
    process: out.process, signer, tags: [{ name: 'Action', value: 'Eval' }],
    data: "Count = 41 Handlers.add('count', 'Count', function(m) Count = Count + 1; m.reply({ Data = tostring(Count) }) end) print('ready')",
  });
  out.evalResult = await ao.result({ process: out.process, message: out.eval });
  out.count = await ao.message({ process: out.process, signer, tags: [{ name: 'Action', value: 'Count' }] });
  out.countResult = await ao.result({ process: out.process, message: out.count });
  out.results = await ao.results({ process: out.process, sort: 'DESC', limit: 2 });
  out.resultsAll = await ao.results({ process: out.process, sort: 'ASC', limit: 100 });
  out.dryrun = await ao.dryrun({ process: out.process, tags: [{ name: 'Action', value: 'Eval' }], data: 'return Count' });
  out.monitor = await ao.monitor({ process: out.process, signer });
  out.unmonitor = await ao.unmonitor({ process: out.process, signer });

  out.published = await ao.spawn({ module: publishedModule, scheduler, signer, tags: [{ name: 'Name', value: 'published' }] });
  out.publishedEval = await ao.message({
    process: out.published, signer, tags: [{ name: 'Action', value: 'Eval' }], data: 'Seen = 0 return 1 + 1',
  });
  out.publishedResult = await ao.result({ process: out.published, message: out.publishedEval });
  // The published process gets the counting message too, by assignment.
  out.assignment = await ao.assign({ process: out.published, message: out.count });
  out.assignmentResult = await ao.result({ process: out.published, message: out.assignment });
  return out;
}

const [command, ...args] = process.argv.slice(2);
const run = { legacy: () => legacy(...args) }[command];
if (!run) throw new Error(`unknown command ${command}`);
run().then((out) => console.log(JSON.stringify(out)), (error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
