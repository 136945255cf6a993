// emscripten-time-oracle.mjs: the reference for src/runtime/emscripten/time.rs. Runs the time
// imports of @permaweb/ao-loader@0.0.49's own emscripten glue (`__gmtime_js`, `__localtime_js`,
// `__mktime_js`, `_strftime`, `__tzset_js`, cut out of its dist/index.cjs for each of the five glue
// generations) against a fake wasm memory, under TZ=UTC (the zone our host always has), over a broad
// generated set of cases, and prints each case with the glue's result. It also checks that the glue
// generations agree where they should (all five `_strftime`s, `__gmtime_js`s and `__localtime_js`s;
// the `__mktime_js`s of emscripten3/4 and wasm64, and of emscripten/emscripten2), and exits 1 if not.
//
// Needs the pinned npm packages (tools/install-npm.sh); AO_NPM_DIR defaults to .cache/npm. Compare
// the Rust side with the glue (the `oracle_file` unit test in time.rs checks every line of the file
// named by EMSCRIPTEN_TIME_ORACLE, and does nothing without it):
//
//   node tools/emscripten-time-oracle.mjs > /tmp/time-oracle.txt
//   EMSCRIPTEN_TIME_ORACLE=/tmp/time-oracle.txt cargo test emscripten::time -- --nocapture
//
// Output lines; integers in decimal, bytes in hex ("-" when there are none); TM is the ten fields
// sec min hour mday mon year wday yday isdst gmtoff:
//
//   tzset GLUE -> TZNAME0 TZNAME1 TIMEZONE DAYLIGHT
//   gmtime SECONDS -> TM              (the glue leaves isdst and gmtoff alone: shown as libc's zeroes)
//   localtime SECONDS -> TM
//   localtime_wasm64 SECONDS -> !ErrorName:HEX-MESSAGE SEC MIN HOUR MDAY MON YEAR WDAY YDAY
//                                     (wasm64's throws out of range, after writing those fields)
//   mktime TM -> SECONDS TM           (emscripten3, emscripten4, wasm64)
//   mktime_legacy TM -> SECONDS TM    (emscripten, emscripten2)
//   strftime FORMAT ZONE TM -> BYTES  (FORMAT, ZONE: memory from the pointer on, NUL and some bytes
//                                     after it included, ZONE "-" for a NULL tm_zone; BYTES: the
//                                     output without its NUL, or !ErrorName:HEX-MESSAGE if it throws)
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (new Date(2024, 6, 1).getTimezoneOffset() !== 0 || new Date(2024, 0, 1).getTimezoneOffset() !== 0) {
  throw new Error('the host zone is not UTC');
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npmDir = process.env.AO_NPM_DIR || resolve(root, '.cache', 'npm');
const gluePath = resolve(npmDir, 'node_modules', '@permaweb', 'ao-loader', 'dist', 'index.cjs');
const source = readFileSync(gluePath, 'utf8');

// ---------------------------------------------------------------------------------------------
// Cutting the functions out of the bundled glue.

function section(format) {
  const start = source.indexOf(`// src/formats/${format}.cjs`);
  if (start < 0) throw new Error(`no ${format} glue in ${gluePath}`);
  const next = source.slice(start + 1).search(/\n\/\/ (src\/formats|node_modules)\//);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

// The declaration of `name` (var/let/const/function), whole: up to the line where its braces close.
function declaration(text, name) {
  const match = new RegExp(`^[ \\t]*(?:var|let|const|function)[ \\t]+${name.replace(/\$/g, '\\$')}\\b`, 'm').exec(text);
  if (!match) return '';
  const lines = text.slice(match.index).split('\n');
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    for (const c of lines[i]) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    const line = lines[i].trim();
    if (depth === 0 && (line.endsWith(';') || line.endsWith('}'))) return lines.slice(0, i + 1).join('\n');
  }
  throw new Error(`unterminated declaration of ${name}`);
}

const NAMES = [
  'UTF8Decoder', 'UTF8ArrayToString', 'UTF8ToString', 'lengthBytesUTF8', 'stringToUTF8Array', 'stringToUTF8',
  'intArrayFromString', 'writeArrayToMemory', 'isLeapYear', '__isLeapYear', 'arraySum', '__arraySum',
  'MONTH_DAYS_LEAP', 'MONTH_DAYS_REGULAR', '__MONTH_DAYS_LEAP', '__MONTH_DAYS_REGULAR', 'MONTH_DAYS_LEAP_CUMULATIVE',
  'MONTH_DAYS_REGULAR_CUMULATIVE', 'ydayFromDate', 'addDays', '__addDays', 'MAX_INT53', 'MIN_INT53',
  'bigintToI53Checked', 'convertI32PairToI53Checked', '__gmtime_js', '__localtime_js', '__mktime_js', '_strftime',
  '_tzset_impl', '__tzset_js',
];

const MEMORY_SIZE = 1 << 21;
const TM = 1024; // struct tm (and sentinels around it)
const TIME = 2048; // a time_t for the older glue, which passes a pointer
const TZ = 2112; // timezone, daylight, tzname[2] or the two name buffers
const HEAP_START = 4096; // the fake malloc's arena
const FORMAT = 0x40000;
const ZONE = 0x80000;
const OUT = 0xc0000;
const REGION = 0x40000;

function loadGlue(format) {
  const text = section(format);
  const body = NAMES.map((name) => declaration(text, name)).filter(Boolean).join('\n');
  const memory = new ArrayBuffer(MEMORY_SIZE);
  const factory = new Function('memory', 'HEAP_START', `
    var HEAP8 = new Int8Array(memory), HEAPU8 = new Uint8Array(memory), HEAP32 = new Int32Array(memory),
      HEAPU32 = new Uint32Array(memory), HEAP64 = new BigInt64Array(memory), HEAPU64 = new BigUint64Array(memory);
    var tempRet0 = 0, tempDouble;
    var setTempRet0 = (value) => { tempRet0 = value; };
    var warnOnce = () => {}, err = () => {}, ptrToString = (ptr) => '0x' + ptr.toString(16);
    var assert = (condition, message) => { if (!condition) throw new Error('Assertion failed: ' + message); };
    var next = HEAP_START;
    var allocateUTF8 = (string) => {
      var size = lengthBytesUTF8(string) + 1, ptr = next;
      next += size;
      stringToUTF8Array(string, HEAPU8, ptr, size);
      return ptr;
    };
    ${body}
    return {
      gmtime: __gmtime_js, localtime: __localtime_js, mktime: __mktime_js, strftime: _strftime, tzset: __tzset_js,
      tempRet0: () => tempRet0, heap: { HEAPU8, HEAP32, HEAP64, HEAPU32 },
    };
  `);
  return { name: format, memory64: format.startsWith('wasm64'), ...factory(memory, HEAP_START) };
}

const GLUES = ['emscripten', 'emscripten2', 'emscripten3', 'emscripten4', 'wasm64-emscripten'].map(loadGlue);
const [V1, V2, V3, V4, W64] = GLUES;
// How each passes time_t: a pointer to an i32 (emscripten, emscripten2), two i32 halves, or an i64.
const TIME_BY_POINTER = new Set([V1, V2]);

// ---------------------------------------------------------------------------------------------
// Calling them.

const SENTINEL = 0x7a7a7a7a;
const FIELDS = ['sec', 'min', 'hour', 'mday', 'mon', 'year', 'wday', 'yday', 'isdst', 'gmtoff'];

function writeTm(glue, tm) {
  const { HEAP32, HEAP64 } = glue.heap;
  HEAP32.fill(SENTINEL, TM / 4 - 4, TM / 4 + 20);
  FIELDS.slice(0, 9).forEach((field, i) => (HEAP32[TM / 4 + i] = tm[i]));
  if (glue.memory64) HEAP64[(TM + 40) / 8] = tm[9] === SENTINEL ? 0x7a7a7a7a7a7a7a7an : BigInt(tm[9]);
  else HEAP32[TM / 4 + 9] = Number(tm[9]);
}

function readTm(glue) {
  const { HEAP32, HEAP64 } = glue.heap;
  const tm = FIELDS.slice(0, 9).map((field, i) => HEAP32[TM / 4 + i]);
  tm.push(glue.memory64 ? HEAP64[(TM + 40) / 8] : BigInt(HEAP32[TM / 4 + 9]));
  return tm;
}

// Words the glue must not have touched: before and after the struct, wasm64's padding, tm_zone.
function checkUntouched(glue, words) {
  const { HEAP32 } = glue.heap;
  const around = [-4, -3, -2, -1, ...(glue.memory64 ? [9, 12, 13] : [10, 11, 12, 13]), 14, 15, 16, 17];
  for (const word of [...around, ...words]) {
    if (HEAP32[TM / 4 + word] !== SENTINEL) throw new Error(`${glue.name} wrote word ${word} of the tm`);
  }
}

function timeArgs(glue, seconds) {
  if (TIME_BY_POINTER.has(glue)) {
    glue.heap.HEAP32[TIME / 4] = Number(seconds);
    return [TIME];
  }
  if (glue.memory64) return [seconds];
  return [Number(BigInt.asIntN(32, seconds)), Number(BigInt.asIntN(32, seconds >> 32n))];
}

const pointer = (glue, value) => (glue.memory64 ? BigInt(value) : value);

function gmtime(glue, seconds) {
  writeTm(glue, Array(10).fill(SENTINEL));
  glue.gmtime(...timeArgs(glue, seconds), pointer(glue, TM));
  checkUntouched(glue, glue.memory64 ? [8, 10, 11] : [8, 9]);
  return [...readTm(glue).slice(0, 8), 0, 0n]; // libc's gmtime_r zeroes tm_isdst and tm_gmtoff
}

function localtime(glue, seconds) {
  writeTm(glue, Array(10).fill(SENTINEL));
  try {
    glue.localtime(...timeArgs(glue, seconds), pointer(glue, TM));
  } catch (error) {
    // wasm64's throws on an Invalid Date (BigInt(NaN) for tm_gmtoff) after writing sec..yday.
    checkUntouched(glue, glue.memory64 ? [8, 10, 11] : [8, 9]);
    return [`!${error.constructor.name}:${hex(Buffer.from(error.message))}`, ...readTm(glue).slice(0, 8)];
  }
  checkUntouched(glue, []);
  return readTm(glue);
}

function mktime(glue, tm) {
  writeTm(glue, tm);
  const result = glue.mktime(pointer(glue, TM));
  checkUntouched(glue, []);
  let seconds;
  if (glue.memory64) seconds = result;
  else if (glue === V1 || glue === V2) seconds = BigInt(result);
  else seconds = (BigInt(glue.tempRet0()) << 32n) | BigInt(result >>> 0);
  return [BigInt.asIntN(64, seconds), ...readTm(glue)];
}

function strftime(glue, format, zone, tm) {
  const { HEAPU8, HEAPU32, HEAP64 } = glue.heap;
  for (const [at, bytes] of [[FORMAT, format], [ZONE, zone ?? []]]) {
    HEAPU8.fill(0, at, at + REGION);
    HEAPU8.set(bytes, at);
  }
  writeTm(glue, tm);
  if (glue.memory64) HEAP64[(TM + 48) / 8] = BigInt(zone ? ZONE : 0);
  else HEAPU32[TM / 4 + 10] = zone ? ZONE : 0;
  HEAPU8.fill(0xff, OUT, OUT + 8);
  let length;
  try {
    length = Number(glue.strftime(pointer(glue, OUT), pointer(glue, REGION), pointer(glue, FORMAT), pointer(glue, TM)));
  } catch (error) {
    return `!${error.constructor.name}:${hex(Buffer.from(error.message))}`;
  }
  if (length === 0 && HEAPU8[OUT] !== 0) throw new Error('strftime output did not fit');
  if (HEAPU8[OUT + length] !== 0) throw new Error('strftime output not NUL-terminated');
  return hex(HEAPU8.slice(OUT, OUT + length));
}

function tzset(glue) {
  const { HEAPU8, HEAP32, HEAPU32 } = glue.heap;
  HEAPU8.fill(0, TZ, TZ + 64);
  const [timezone, daylight, names] = [TZ, TZ + 8, TZ + 16];
  const cString = (at) => HEAPU8.slice(at, HEAPU8.indexOf(0, at));
  if (glue.tzset.length === 4) {
    const [std, dst] = [names, names + 24];
    glue.tzset(...[timezone, daylight, std, dst].map((at) => pointer(glue, at)));
    return [cString(std), cString(dst), HEAP32[timezone / 4], HEAP32[daylight / 4]];
  }
  glue.tzset(timezone, daylight, names);
  return [cString(HEAPU32[names / 4]), cString(HEAPU32[names / 4 + 1]), HEAP32[timezone / 4], HEAP32[daylight / 4]];
}

// ---------------------------------------------------------------------------------------------
// Cases.

function hex(bytes) {
  return bytes.length ? Buffer.from(bytes).toString('hex') : '-';
}

let seed = 0x9e3779b9;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (low, high) => Math.floor(low + random() * (high - low + 1));
const pick = (items) => items[int(0, items.length - 1)];
const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;
const MAX_SECONDS = 8_640_000_000_000;

let disagreements = 0;
function agree(what, results) {
  const shown = results.map(([glue, result]) => `${glue.name}: ${String(result)}`);
  if (new Set(results.map(([, result]) => String(result))).size > 1) {
    disagreements++;
    console.error(`glues disagree on ${what}:\n  ${shown.join('\n  ')}`);
  }
  return results[results.length - 1][1];
}

const out = [];
const line = (...parts) => out.push(parts.join(' '));

// tzset: what each generation stores for the zone.
for (const glue of GLUES) {
  const [std, dst, timezone, daylight] = tzset(glue);
  line('tzset', glue.name, '->', hex(std), hex(dst), timezone, daylight);
}

// gmtime / localtime.
const seconds = new Set();
for (const s of [0, 1, -1, 59, 60, 86399, 86400, -86400, -86401, 951782400, 951868800, 2 ** 31 - 1, -(2 ** 31), 2 ** 31,
  2 ** 32, 253402300799, 253402300800, -62135596800, -62135596801, -62167219200, -62198755200, -59011459200,
  -59011459201, MAX_SECONDS, MAX_SECONDS + 1, -MAX_SECONDS, -MAX_SECONDS - 1, MAX_SECONDS - 86400, -8639977881600,
  -8639977881601, 8639977881600, 2 ** 53, -(2 ** 53)]) {
  seconds.add(BigInt(s));
}
for (const s of [2n ** 62n, -(2n ** 62n), 2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n]) seconds.add(s);
// Year boundaries (for yday and, through strftime, ISO weeks), including years 0-99 and negative ones.
const yearStarts = [];
for (let year = -410; year <= 2410; year += year < 1890 || year > 2110 ? int(1, 40) : 1) yearStarts.push(year);
yearStarts.push(-271820, -271819, -100000, -1, 0, 1, 99, 100, 9999, 10000, 10001, 99999, 100000, 275759, 275760);
for (const year of yearStarts) {
  const date = new Date(0);
  const start = date.setUTCFullYear(year, 0, 1) / 1000; // NaN where 1 January is out of range
  for (const delta of [0, -1, 86399, 3 * 86400 + 5, 7 * 86400 - 1, 363 * 86400, 364 * 86400 + 3600]) {
    if (Math.abs(start + delta) <= MAX_SECONDS + 1) seconds.add(BigInt(start + delta));
  }
}
for (let i = 0; i < 1500; i++) {
  seconds.add(BigInt(int(-MAX_SECONDS, MAX_SECONDS)));
  seconds.add(BigInt(int(-5e9, 5e9)));
  seconds.add(BigInt(int(I32_MIN, I32_MAX)));
}
const sortedSeconds = [...seconds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const tmSamples = [];
for (const s of sortedSeconds) {
  const inI32 = s >= BigInt(I32_MIN) && s <= BigInt(I32_MAX);
  const glues = GLUES.filter((glue) => inI32 || !TIME_BY_POINTER.has(glue));
  const gm = agree(`gmtime ${s}`, glues.map((glue) => [glue, gmtime(glue, s)]));
  line('gmtime', s, '->', ...gm);
  const inRange = s >= -BigInt(MAX_SECONDS) && s <= BigInt(MAX_SECONDS);
  const local = agree(`localtime ${s}`, glues.filter((glue) => inRange || glue !== W64).map((glue) => [glue, localtime(glue, s)]));
  line('localtime', s, '->', ...local);
  if (!inRange) line('localtime_wasm64', s, '->', ...localtime(W64, s));
  tmSamples.push(gm);
}

// mktime: normal, out-of-range and extreme fields.
const mktimeCases = [];
const some = (ranges) => int(...pick(ranges));
for (let i = 0; i < 4000; i++) {
  const wide = i % 4 === 3;
  const tm = [
    some(wide ? [[I32_MIN, I32_MAX], [-100, 100]] : [[0, 60], [-200, 200], [0, 59]]),
    some(wide ? [[I32_MIN, I32_MAX], [-100, 100]] : [[0, 59], [-200, 200]]),
    some(wide ? [[I32_MIN, I32_MAX], [-100, 100]] : [[0, 23], [-100, 100]]),
    some(wide ? [[I32_MIN, I32_MAX], [-1000, 1000], [-5e7, 5e7]] : [[1, 31], [-400, 400], [0, 0]]),
    some(wide ? [[I32_MIN, I32_MAX], [-10_000_010, -9_999_990], [9_999_990, 10_000_010], [-2e6, 2e6]]
      : [[0, 11], [-30, 30], [12, 14]]),
    some(wide ? [[I32_MIN, I32_MAX], [-1_001_910, -998_000], [998_000, 1_001_910], [-273_800, -273_700],
      [273_800, 273_900]] : [[-1910, -1790], [-100, 200], [-2400, 8200], [-3000, 0]]),
    int(I32_MIN, I32_MAX),
    int(I32_MIN, I32_MAX),
    pick([-1, -7, 0, 0, 1, 5, I32_MIN, I32_MAX]),
    BigInt(pick([0, 3600, -18000, I32_MIN, I32_MAX])),
  ];
  mktimeCases.push(tm);
}
// The first and last valid days, and year -271821 where 1 January is not a valid Date.
for (const isdst of [-1, 0, 1]) {
  for (const [year, mon, mday, hour] of [[-271821, 3, 20, 0], [-271821, 3, 19, 23], [-271821, 3, 20, -1],
    [-271821, 11, 31, 0], [-271820, 0, 1, 0], [275760, 8, 13, 0], [275760, 8, 13, 1], [275760, 8, 14, 0],
    [275759, 11, 31, 0], [0, 0, 1, 0], [99, 11, 31, 23], [100, 0, 1, 0], [100, -1, 1, 0], [-1, 12, 1, 0],
    [-1, 0, 1, 0], [1970, 0, 1, 0], [2024, 1, 29, 12], [2023, 1, 29, 12], [2024, 14, 0, 0], [2024, 0, 0, -1],
    [1_000_000, 0, 1, 0], [1_000_001, -12, 1, 0], [1_000_000, -12_000_000, 1, 0], [-1_000_001, 12, 1, 0],
    [1970, 10_000_000, 1, 0], [1970, 10_000_001, 1, 0], [1970, -10_000_000, 1, 0], [1970, -10_000_001, 1, 0],
    [1970, 0, 100_000_001, 0], [1970, 0, -99_999_999, 0], [1970, 0, 100_000_000, 0]]) {
    mktimeCases.push([0, 0, hour, mday, mon, year - 1900, 9, 9, isdst, 7n]);
  }
}
// V8 counts days with truncating division on year + 399999: off by one where the month carries the
// year below -399,999 and a far-off mday (or hour) brings the date back into range.
for (let i = 0; i < 3000; i++) {
  const year = int(-1_000_000, -300_000);
  const mon = pick([int(-10_000_000, 10_000_000), int(-12_000, 12_000), int(-2_000_000, 0)]);
  const carried = year + Math.floor(mon / 12);
  const mday = Math.max(I32_MIN, Math.min(I32_MAX, Math.round(-(carried - 1970) * 365.2425) + int(-99_000_000, 99_000_000)));
  mktimeCases.push([int(-100, 100), int(-100, 100), pick([int(-30, 30), int(-2_000_000_000, 2_000_000_000)]), mday, mon,
    year - 1900, 0, 0, pick([-1, 0, 1]), 0n]);
}
for (const tm of mktimeCases) {
  const modern = agree(`mktime ${tm}`, [V3, V4, W64].map((glue) => [glue, mktime(glue, tm)]));
  line('mktime', ...tm, '->', ...modern);
  const legacy = agree(`mktime_legacy ${tm}`, [V1, V2].map((glue) => [glue, mktime(glue, tm)]));
  line('mktime_legacy', ...tm, '->', ...legacy);
}

// strftime.
const enc = (text) => [...Buffer.from(text, 'utf8')];
const CONVERSION_LETTERS = 'aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';
const formats = [[], enc('%'), enc('%%'), enc('%%%'), enc('%%c'), enc('%%%a'), enc('%%%%Y'), enc('a%'), enc('%E'),
  enc('%O'), enc('%5Y'), enc('%-d'), enc('%_H'), enc('%+'), enc('%#c'), enc('%0'), enc('% '), enc('%\n'),
  enc('%Y-%m-%dT%H:%M:%SZ'), enc('%c'), enc('%x %X'), enc('%a, %d %b %Y %H:%M:%S %z'), enc('%G-W%V-%u'),
  enc('%g %G %V %U %W %j'), enc('[%Z] [%z]'), enc('%ZZ%Z%'), enc('%Ey%EY%EC'), enc('%OV %OU %OW %Ou %Ow'),
  enc('%EEc'), enc('%OOd'), enc('%E%c'), enc('%%Ec'), enc('%Oc'), enc('%a%a%a%A%A'), enc('%%%%%%%%%%%%%%%%%%%%'),
  enc('\u00e9t\u00e9 %Y \u00e0 %H'), enc('\u{1F600} %d'), enc('\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600} %d'),
  enc('\ufeff%Y-%m-%d long enough to decode'), enc('\ufeff%Y'),
  [0xff, 0x25, 0x59], [0xc3, 0x25, 0x59], [0xe2, 0x82, 0x25, 0x64], [0xed, 0xa0, 0x80, 0x25, 0x64],
  [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80, 0x25, 0x64], [0xf4, 0x90, 0x80, 0x80],
  [0xc0, 0xaf, 0x25, 0x6d], [0xe0, 0x80, 0xaf], [0x25, 0xc3], [0x25, 0xe2], [0x25, 0xf0], [0x25, 0xf0, 0x9f],
  [...enc('%Y %m %d %H:%M '), 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ...enc(' %S')],
  [...enc('%Y%m%d%H%M%S%j'), 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe0, 0x80],
];
for (const letter of CONVERSION_LETTERS) formats.push(enc(`%${letter}`), enc(`%E${letter}`), enc(`%O${letter}`));
formats.push(enc(CONVERSION_LETTERS.split('').map((letter) => `%${letter}`).join('|')));
for (let i = 0; i < 60; i++) {
  const length = int(1, 40);
  formats.push(Array.from({ length }, () => (random() < 0.4 ? 0x25 : random() < 0.7 ? CONVERSION_LETTERS.charCodeAt(int(0, 51))
    : random() < 0.5 ? pick([0x45, 0x4f, 0x24, 0x20, 0x26, 0x60, 0x27]) : int(1, 255))));
}
// Memory past the NUL, which the glue's own decoder reads when a sequence is cut short.
const tails = [[], [0x25, 0x59, 0x41, 0x42], [0xbf, 0xbf, 0xbf, 0xbf], [0x80, 0x81]];

const zones = [null, [], enc('UTC'), enc('GMT'), enc('Coordinated Universal Time'), enc('Coordi'), enc('$&'),
  enc('$`'), enc("$'"), enc('$$'), enc('$'), enc('$1'), enc('$0'), enc('$<x>'), enc('a$&b$`c$\'d$$e$'), enc('%a'),
  enc('%%'), enc('%Y'), enc('%Z'), enc('\u00e9\u{1F600}'), [0xed, 0xa0, 0x80], [0xff, 0xfe],
  enc('a zone name longer than sixteen bytes $&')];

const tms = [];
const gmtoffs = [0n, 3600n, -3600n, 1800n, -1800n, 45n, -45n, 19800n, -12600n, 1n, -1n, 59n, 86399n, BigInt(I32_MAX),
  BigInt(I32_MIN), 2n ** 40n, -(2n ** 40n), 2n ** 62n + 12345n, -(2n ** 63n), 2n ** 63n - 1n, 123456789012345n];
for (let i = 0; i < 120; i++) {
  const tm = [...pick(tmSamples)];
  tm[9] = i < gmtoffs.length ? gmtoffs[i] : BigInt(i % 3 ? int(-100000, 100000) : int(I32_MIN, I32_MAX));
  tms.push(tm);
}
for (let i = 0; i < 60; i++) {
  const small = () => int(-20, 400);
  const any = () => (random() < 0.3 ? int(I32_MIN, I32_MAX) : small());
  tms.push([any(), any(), any(), any(), int(-3, 14), pick([int(-2000, 300), int(-274_000, 274_000), any(), 275760 - 1900,
    275759 - 1900, -271821 - 1900, -271820 - 1900, -1900, -1801, -1901, -1800]), int(-2, 8),
  pick([small(), int(-400, 400), 1_000_000, int(-5000, 5000)]), int(-2, 2), BigInt(int(-100000, 100000))]);
}
tms.push([0, 0, 0, 1, 0, 100, 0, 2 ** 27, 0, 0n]); // tm_yday far enough for %G to run off the end of Date's range

// Every broken-down time above (year and ISO-week boundaries among them) through the numeric conversions.
for (const tm of tmSamples) {
  for (const format of [enc('%G %g %V %U %W %j %u %w'), enc('%C %y %Y %e %I %p %c')]) {
    const memory = [...format, 0];
    const result = agree(`strftime ${hex(memory)} ${tm}`, GLUES.map((glue) => [glue, strftime(glue, memory, null, tm)]));
    line('strftime', hex(memory), '-', ...tm, '->', result);
  }
}
for (const [n, format] of formats.entries()) {
  const formatTails = format.length > 0 && format.length <= 16 && format.some((b) => b >= 0x80) ? tails : [tails[0]];
  for (const tail of formatTails) {
    const memory = [...format, 0, ...tail];
    for (const tm of n % 7 === 0 ? tms : tms.filter((_, i) => (i + n) % 5 === 0)) {
      for (const zone of n % 11 === 0 ? zones : [pick(zones)]) {
        const zoneMemory = zone ? [...zone, 0, ...pick(tails)] : null;
        const glues = tm[9] >= BigInt(I32_MIN) && tm[9] <= BigInt(I32_MAX) ? GLUES : [W64];
        const what = `strftime ${hex(memory)} ${zoneMemory ? hex(zoneMemory) : '-'} ${tm}`;
        const result = agree(what, glues.map((glue) => [glue, strftime(glue, memory, zoneMemory, tm)]));
        line('strftime', hex(memory), zoneMemory ? hex(zoneMemory) : '-', ...tm, '->', result);
      }
    }
  }
}

process.stdout.write(out.join('\n') + '\n');
console.error(`${out.length} cases, ${disagreements} disagreements between glue generations`);
if (disagreements) process.exitCode = 1;
