// meter.cjs: injects gas metering into a fixture the way @permaweb/ao-loader 0.0.49 does for its
// `*-metering` formats (src/index.cjs: `metering.meterWASM(binary, { meterType })`, with
// meterType 'i32' for wasm32), using the real @permaweb/wasm-metering package: default cost table,
// import `metering.usegas(i32)` appended after the module's other function imports.
// Family-B modules ship pre-metered like this; the emscripten2/3 glue always provides
// `metering.usegas` and counts what it is given into GasUsed.
//
//   node meter.cjs IN.wasm OUT.wasm
//
// The package is found in $AO_NPM_DIR (default: <repo>/.cache/npm).
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const npmDir = process.env.AO_NPM_DIR || path.join(__dirname, '..', '..', '.cache', 'npm');
const metering = createRequire(path.join(npmDir, 'package.json'))('@permaweb/wasm-metering');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node meter.cjs IN.wasm OUT.wasm\n');
  process.exit(2);
}
const metered = metering.meterWASM(fs.readFileSync(input), { meterType: 'i32' });
WebAssembly.validate(metered) || (process.stderr.write(`meter.cjs: ${output} does not validate\n`), process.exit(1));
fs.writeFileSync(output, metered);
