// metering-oracle.mjs: the reference for src/runtime/emscripten/metering.rs. Meters wasm modules
// with the very @permaweb/wasm-metering code @permaweb/ao-loader@0.0.49 bundles (extracted from
// its dist/index.cjs, and checked to agree with the standalone npm package), the way the loader
// calls it (`meterWASM(binary, { meterType })`, i32 for wasm32 formats, i64 for wasm64), and
// compares the result with ours.
//
// Needs the pinned npm packages (tools/install-npm.sh); AO_NPM_DIR defaults to .cache/npm.
//
//   node tools/metering-oracle.mjs meter IN.wasm i32|i64 [OUT.wasm]
//       meter IN; print the output's size and sha256 (and write it to OUT), or `ERROR: message`
//       and exit 2 when the JS throws.
//   node tools/metering-oracle.mjs diff --rust 'CMD' IN.wasm:i32|i64 ...
//       for each input run `CMD IN TYPE OUT` (which must write OUT, or print `ERROR: ...` and exit
//       non-zero) and compare with the JS: byte-identical outputs, or both failing, or REFUSED (we
//       refuse what the JS misreads into a corrupt module). Exit 1 on any other mismatch (and
//       report the first differing byte and its section). CMD is any program calling
//       `metering::inject(&std::fs::read(IN)?, TYPE)` and writing the result to OUT, printing
//       `ERROR: {error}` and exiting 2 on an error (ao has none built in).
//   node tools/metering-oracle.mjs costs
//       the JS's cost and segment-ending behaviour of every opcode, found by metering probe
//       functions (black box), as JSON {"0x6a": [45, false], ...}.
//   node tools/metering-oracle.mjs allops i32|i64 [OUT.wasm]
//       a module with one function `OP IMMEDIATES nop end` per opcode the toolkit knows but `end`
//       (`if` first for `else`; not valid wasm: the metering never validates, and wasmparser only
//       checks the nesting), metered; prints the input and output sha256.
//   node --experimental-wasm-memory64 tools/metering-oracle.mjs run IN.wasm wasm32|wasm64
//       load IN through ao-loader with the `-metering` format of that width, check that the bytes
//       the loader compiles are what `meter` gives, and print GasUsed for a few aos messages.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npmDir = process.env.AO_NPM_DIR || path.join(root, '.cache', 'npm');
const npmRequire = createRequire(path.join(npmDir, 'package.json'));

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// The metering module exactly as the loader bundles it: everything from bn.js up to (not
// including) the loader's own src/index.cjs, evaluated with esbuild's __commonJS helper.
function bundledMetering() {
  const file = npmRequire.resolve('@permaweb/ao-loader');
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf('// node_modules/bn.js/lib/bn.js');
  const end = source.indexOf('// src/index.cjs');
  const helper = source.slice(0, source.indexOf('\n\n'));
  if (start < 0 || end < start || !helper.includes('__commonJS')) {
    throw new Error(`unexpected layout of ${file}`);
  }
  const body = `${helper}\n${source.slice(start, end)}\nreturn require_wasm_metering();`;
  return new Function('require', body)(createRequire(file));
}

const reference = bundledMetering();
const standalone = npmRequire('@permaweb/wasm-metering');

// Meters as ao-loader does; { ok: Buffer } or { error: message }. Also runs the standalone package
// and throws if it disagrees with the bundled copy.
function meter(wasm, meterType) {
  const run = (metering) => {
    try {
      return { ok: Buffer.from(metering.meterWASM(Buffer.from(wasm), { meterType })) };
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) };
    }
  };
  const bundled = run(reference);
  const plain = run(standalone);
  const same = bundled.ok && plain.ok ? bundled.ok.equals(plain.ok) : bundled.error === plain.error;
  if (!same) throw new Error('the loader-bundled and the standalone @permaweb/wasm-metering disagree');
  return bundled;
}

function checkMeterType(meterType) {
  if (meterType !== 'i32' && meterType !== 'i64') throw new Error(`meter type must be i32 or i64, not ${meterType}`);
  return meterType;
}

function cmdMeter([input, meterType, output]) {
  const result = meter(readFileSync(input), checkMeterType(meterType));
  if (result.error) {
    console.log(`ERROR: ${result.error}`);
    process.exit(2);
  }
  if (output) writeFileSync(output, result.ok);
  console.log(`${result.ok.length} bytes sha256 ${sha256(result.ok)}`);
}

// The section (by id) holding byte `offset` of a module, for mismatch reports.
function sectionAt(wasm, offset) {
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    let size = 0;
    let shift = 0;
    let p = pos + 1;
    for (;;) {
      const byte = wasm[p++];
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    if (offset < p + size) return `section id ${id} at ${pos}`;
    pos = p + size;
  }
  return 'past the end';
}

function compiles(wasm) {
  try {
    new WebAssembly.Module(wasm);
    return 'which V8 compiles';
  } catch (error) {
    return `which V8 rejects: ${error.message}`;
  }
}

function cmdDiff(args) {
  const at = args.indexOf('--rust');
  if (at < 0 || !args[at + 1]) throw new Error("diff needs --rust 'CMD'");
  const [cmd, ...cmdArgs] = args[at + 1].split(' ');
  const inputs = args.filter((_, i) => i !== at && i !== at + 1);
  const dir = mkdtempSync(path.join(tmpdir(), 'metering-oracle-'));
  let failures = 0;
  try {
    for (const spec of inputs) {
      const split = spec.lastIndexOf(':');
      const input = spec.slice(0, split);
      const meterType = checkMeterType(spec.slice(split + 1));
      const wasm = readFileSync(input);
      const started = process.hrtime.bigint();
      const js = meter(wasm, meterType);
      const jsMs = Number(process.hrtime.bigint() - started) / 1e6;
      const out = path.join(dir, 'out.wasm');
      let rust;
      const rustStarted = process.hrtime.bigint();
      try {
        execFileSync(cmd, [...cmdArgs, input, meterType, out], { stdio: ['ignore', 'pipe', 'pipe'] });
        rust = { ok: readFileSync(out) };
      } catch (error) {
        rust = { error: String(error.stdout || error.message).trim() };
      }
      const rustMs = Number(process.hrtime.bigint() - rustStarted) / 1e6;
      rmSync(out, { force: true });
      const name = `${path.basename(input)} (${meterType})`;
      const times = `js ${jsMs.toFixed(0)} ms, rust process ${rustMs.toFixed(0)} ms`;
      if (js.ok && rust.ok && js.ok.equals(rust.ok)) {
        console.log(`IDENTICAL  ${name}: ${js.ok.length} bytes sha256 ${sha256(js.ok)} [${times}]`);
      } else if (js.error && rust.error) {
        console.log(`BOTH FAIL  ${name}\n    js:   ${js.error}\n    rust: ${rust.error}`);
      } else if (js.ok && rust.error && rust.error.includes('would corrupt')) {
        // Deliberate: what the JS makes of these is corrupt (and often not even valid wasm).
        console.log(`REFUSED    ${name}: the JS misreads it into ${js.ok.length} bytes (${compiles(js.ok)})\n    rust: ${rust.error}`);
      } else {
        failures++;
        console.log(`MISMATCH   ${name}`);
        console.log(`    js:   ${js.error ? `ERROR ${js.error}` : `${js.ok.length} bytes sha256 ${sha256(js.ok)}`}`);
        console.log(`    rust: ${rust.error ? rust.error : `${rust.ok.length} bytes sha256 ${sha256(rust.ok)}`}`);
        if (js.ok && rust.ok) {
          let i = 0;
          while (i < js.ok.length && js.ok[i] === rust.ok[i]) i++;
          console.log(`    first difference at byte ${i}, in ${sectionAt(js.ok, i)} of the JS output`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
}

// Probe bodies: `OP IMMEDIATES nop end` for each opcode the toolkit knows. The immediates are
// zeros of the shape immediates.json gives the op.
const toolkitRequire = createRequire(npmRequire.resolve('@permaweb/wasm-metering'));
const wasm2json = toolkitRequire('@permaweb/wasm-json-toolkit/wasm2json');
const IMMEDIATES = toolkitRequire('@permaweb/wasm-json-toolkit/immediates.json');
const IMMEDIATE_BYTES = {
  block_type: [0x40],
  varuint1: [0],
  varuint32: [0],
  varint32: [0],
  varint64: [0],
  uint32: [0, 0, 0, 0],
  uint64: [0, 0, 0, 0, 0, 0, 0, 0],
  br_table: [0, 0],
  call_indirect: [0, 0],
  memory_immediate: [0, 0],
};

// With `end` for `costs`; without it for `allops`, whose bodies must stay readable by wasmparser.
function probeOpcodes({ withEnd }) {
  return Object.keys(wasm2json.OPCODES)
    .map(Number)
    .filter((op) => withEnd || op !== 0x0b)
    .sort((a, b) => a - b);
}

// (For allops, `else` comes after an `if` with an empty block type, wasmparser insisting.)
function probeBody(op, { inIf = false } = {}) {
  const [type, name] = wasm2json.OPCODES[op].split('.');
  const immediates = IMMEDIATES[name === undefined ? type : name === 'const' ? type : name];
  const body = [op, ...(immediates ? IMMEDIATE_BYTES[immediates] : []), 0x01, 0x0b];
  return inIf && op === 0x05 ? [0x00, 0x04, 0x40, ...body, 0x0b] : [0x00, ...body];
}

const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const section = (id, payload) => [id, ...uleb(payload.length), ...payload];

// A module (type 0 = func, one import env.f, one function per body) around raw bodies.
function probeModule(bodies) {
  const types = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [1, 3, ...Buffer.from('env'), 1, ...Buffer.from('f'), 0, 0]);
  const funcs = section(3, [...uleb(bodies.length), ...bodies.map(() => 0)]);
  const code = section(10, [...uleb(bodies.length), ...bodies.flatMap((body) => [...uleb(body.length), ...body])]);
  return Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...code]);
}

function cmdCosts() {
  const table = {};
  for (const op of probeOpcodes({ withEnd: true })) {
    const json = wasm2json(probeModule([probeBody(op)]));
    reference.meterJSON(json, { meterType: 'i32' });
    const code = json.find((s) => s.name === 'code').entries[0].code;
    // Metering statements are `i32.const N; call 1` (1: the metering import's index).
    const statement = (i) =>
      code[i] && code[i].name === 'const' && code[i + 1] && code[i + 1].name === 'call' && String(code[i + 1].immediates) === '1';
    const inStatement = (i) => statement(i) || statement(i - 1);
    const opIndex = code.findIndex((_, i) => !inStatement(i));
    const nopIndex = code.length - 2;
    // `OP nop end`: a segment-ending OP puts nop in a segment (and statement) of its own.
    const ends = inStatement(nopIndex - 1);
    const before = statement(opIndex - 2) ? Number(code[opIndex - 2].immediates) : 0;
    const cost = ends ? (before ? before - 91 : 0) : before - 91 - 1;
    table[`0x${op.toString(16).padStart(2, '0')}`] = [cost, ends];
  }
  console.log(JSON.stringify(table));
}

function cmdAllops([meterType, output]) {
  const opcodes = probeOpcodes({ withEnd: false });
  const input = probeModule(opcodes.map((op) => probeBody(op, { inIf: true })));
  const result = meter(input, checkMeterType(meterType));
  if (result.error) throw new Error(result.error);
  if (output) writeFileSync(output, result.ok);
  console.log(`opcodes ${opcodes.length}`);
  console.log(`input  ${input.length} bytes sha256 ${sha256(input)}`);
  console.log(`output ${result.ok.length} bytes sha256 ${sha256(result.ok)}`);
}

async function cmdRun([input, width]) {
  const format = {
    wasm32: 'wasm32-unknown-emscripten-metering',
    wasm64: 'wasm64-unknown-emscripten-draft_2024_10_16-metering',
  }[width];
  if (!format) throw new Error('width must be wasm32 or wasm64');
  const wasm = readFileSync(input);
  const expected = meter(wasm, width === 'wasm32' ? 'i32' : 'i64');
  if (expected.error) throw new Error(`the metering fails: ${expected.error}`);
  // Capture what the loader actually compiles.
  const compiled = [];
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (source, imports) {
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) compiled.push(Buffer.from(source));
    return instantiate.call(this, source, imports);
  };
  const AoLoader = npmRequire('@permaweb/ao-loader');
  const id = (name) => name.padEnd(43, '-');
  const processTags = [
    { name: 'Data-Protocol', value: 'ao' },
    { name: 'Variant', value: 'ao.TN.1' },
    { name: 'Type', value: 'Process' },
    { name: 'Module', value: id('module') },
    { name: 'Scheduler', value: id('mu') },
    { name: 'Authority', value: id('mu') },
  ];
  const env = {
    Process: { Id: id('process'), Owner: id('owner'), Tags: processTags },
    Module: { Id: id('module'), Owner: id('owner'), Tags: [] },
  };
  const message = (n, tags, data) => ({
    Id: n === 0 ? id('process') : id(`message-${n}`), Owner: id('owner'), From: id('owner'), Target: id('process'),
    Tags: tags, Data: data, Timestamp: 1700000000000 + n * 1000, 'Block-Height': 1000 + n,
    Nonce: n, Epoch: 0, Cron: false, 'Read-Only': false,
  });
  const evalTags = [
    { name: 'Data-Protocol', value: 'ao' },
    { name: 'Variant', value: 'ao.TN.1' },
    { name: 'Type', value: 'Message' },
    { name: 'Action', value: 'Eval' },
  ];
  const messages = [
    ['boot', message(0, processTags, '')],
    ['Eval 1 + 1', message(1, evalTags, '1 + 1')],
    ['Eval loop 1e5', message(2, evalTags, 'local s = 0 for i = 1, 100000 do s = s + i end return s')],
    ['Eval 1 + 1 again', message(3, evalTags, '1 + 1')],
  ];
  const handle = await AoLoader(wasm, { format, inputEncoding: 'JSON-1', outputEncoding: 'JSON-1', memoryLimit: '1-gb', computeLimit: 9e15, extensions: [] });
  WebAssembly.instantiate = instantiate;
  const same = compiled.length === 1 && compiled[0].equals(expected.ok);
  console.log(`loader compiled ${compiled.length} module(s); ${same ? 'identical to' : 'DIFFERENT from'} meterWASM output sha256 ${sha256(expected.ok)}`);
  let memory = null;
  for (const [label, msg] of messages) {
    const { Memory, GasUsed, Output, Error: error } = await handle(memory, msg, env);
    if (!error) memory = Memory;
    const output = error ? `Error ${JSON.stringify(error).slice(0, 80)}` : `Output.data ${JSON.stringify(Output && Output.data).slice(0, 60)}`;
    console.log(`${label.padEnd(18)} GasUsed ${GasUsed}  ${output}`);
  }
}

const [command, ...args] = process.argv.slice(2);
const commands = { meter: cmdMeter, diff: cmdDiff, costs: cmdCosts, allops: cmdAllops, run: cmdRun };
if (!commands[command]) {
  console.error('usage: metering-oracle.mjs meter|diff|costs|allops|run ... (see the header comment)');
  process.exit(64);
}
await commands[command](args);
