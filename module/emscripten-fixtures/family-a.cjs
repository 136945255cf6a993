// family-a.cjs: turns a "-e2" fixture into one for the loader format `wasm32-unknown-emscripten`
// (family A), whose glue (@permaweb/ao-loader 0.0.49 src/formats/emscripten.cjs) comes from a
// minified emscripten build: every import is module "a" with a one-letter field, and it finds its
// exports by one-letter names. emscripten 3.1.6 cannot be told which letters to use, but the
// family-A import set is the family-B one (same functions, same signatures), so renaming is all
// it takes. Only the import and export sections are rewritten; every other byte is copied.
// Exports the glue does not use are dropped (family-A binaries export only E..O). A
// `metering.usegas` import is left as it is (the glue provides it under "metering").
//
//   node family-a.cjs IN.wasm OUT.wasm
const fs = require('fs');

// Import field -> letter, from the glue's asmLibraryArg.
const IMPORTS = {
  __syscall_dup3: 'w', __syscall_fcntl64: 'd', __syscall_ioctl: 'z', __syscall_lstat64: 'r',
  __syscall_openat: 'g', __syscall_renameat: 's', __syscall_rmdir: 't', __syscall_unlinkat: 'e',
  _emscripten_date_now: 'a', _emscripten_get_now_is_monotonic: 'A', _emscripten_throw_longjmp: 'p',
  _gmtime_js: 'B', _localtime_js: 'C', _mktime_js: 'i', _tzset_js: 'j', abort: 'D',
  emscripten_memcpy_big: 'k', emscripten_resize_heap: 'q', environ_get: 'u', environ_sizes_get: 'v',
  exit: 'l', fd_close: 'c', fd_read: 'y', fd_seek: 'o', fd_write: 'f', getTempRet0: 'h',
  invoke_vii: 'x', setTempRet0: 'b', strftime: 'n', system: 'm',
};
// Export -> letter, from the glue's receiveInstance and export wrappers (Module.asm.E ... O).
const EXPORTS = {
  memory: 'E', __wasm_call_ctors: 'F', handle: 'G', main: 'H', __indirect_function_table: 'I',
  malloc: 'J', __errno_location: 'K', setThrew: 'L', stackSave: 'M', stackRestore: 'N', stackAlloc: 'O',
};

function readU32(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    if (!(byte & 0x80)) return [result >>> 0, pos];
    shift += 7;
  }
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

function readName(buf, pos) {
  const [len, at] = readU32(buf, pos);
  return [buf.toString('utf8', at, at + len), at + len];
}

// Length in bytes of an import descriptor (after the kind byte).
function descLength(buf, pos, kind) {
  const start = pos;
  const limits = () => {
    const flags = buf[pos++];
    [, pos] = readU32(buf, pos);
    if (flags & 1) [, pos] = readU32(buf, pos);
  };
  if (kind === 0) [, pos] = readU32(buf, pos);          // func: type index
  else if (kind === 1) { pos++; limits(); }             // table: reftype, limits
  else if (kind === 2) limits();                        // memory
  else if (kind === 3) pos += 2;                        // global: valtype, mut
  else throw new Error(`unknown import kind ${kind}`);
  return pos - start;
}

function rewriteImports(body) {
  let [count, pos] = readU32(body, 0);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, pos] = readName(body, pos);
    [field, pos] = readName(body, pos);
    const kind = body[pos++];
    const len = descLength(body, pos, kind);
    const desc = body.subarray(pos, pos + len);
    pos += len;
    if (module !== 'metering') {
      const letter = IMPORTS[field];
      if (!letter) throw new Error(`import ${module}.${field} has no family-A letter`);
      module = 'a';
      field = letter;
    }
    entries.push(Buffer.concat([name(module), name(field), Buffer.from([kind]), desc]));
  }
  return Buffer.concat([u32(entries.length), ...entries]);
}

function rewriteExports(body) {
  let [count, pos] = readU32(body, 0);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let field;
    [field, pos] = readName(body, pos);
    const kind = body[pos++];
    let index;
    [index, pos] = readU32(body, pos);
    if (EXPORTS[field]) entries.push(Buffer.concat([name(EXPORTS[field]), Buffer.from([kind]), u32(index)]));
  }
  const missing = Object.keys(EXPORTS).length - entries.length;
  if (missing) throw new Error(`${missing} of the exports family A needs are missing`);
  return Buffer.concat([u32(entries.length), ...entries]);
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node family-a.cjs IN.wasm OUT.wasm\n');
  process.exit(2);
}
const wasm = fs.readFileSync(input);
const parts = [wasm.subarray(0, 8)];
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, at] = readU32(wasm, pos + 1);
  let body = wasm.subarray(at, at + size);
  if (id === 2) body = rewriteImports(body);
  if (id === 7) body = rewriteExports(body);
  parts.push(Buffer.from([id]), u32(body.length), body);
  pos = at + size;
}
const result = Buffer.concat(parts);
if (!WebAssembly.validate(result)) throw new Error(`${output} does not validate`);
fs.writeFileSync(output, result);
