#!/usr/bin/env node
// gen.js records what node (V8) returns for the conversions package jsnum
// implements, so that the Go tests can compare against V8 without node.
//
// Regenerate (from the repository root) with:
//
//   node engine/jsnum/testdata/gen.js > engine/jsnum/testdata/expected.json
//
// The inputs are deterministic: hand-picked edge cases plus pseudo-random
// values from a fixed seed. Doubles are written as the hexadecimal of their
// IEEE 754 bits ("3ff0000000000000" is 1) so that Go reads them exactly; a
// conversion that throws is recorded as "!" followed by "Name: message".
// Recorded with node v20 (V8 11.3); any V8 since 2017 should agree.
'use strict';

// ---------------------------------------------------------------- helpers

const dv = new DataView(new ArrayBuffer(8));
function fromHex(h) { dv.setBigUint64(0, BigInt('0x' + h)); return dv.getFloat64(0); }
function toHex(x) { dv.setFloat64(0, x); return dv.getBigUint64(0).toString(16).padStart(16, '0'); }
function bitsOf(x) { dv.setFloat64(0, x); return dv.getBigUint64(0); }
function fromBits(b) { dv.setBigUint64(0, BigInt.asUintN(64, b)); return dv.getFloat64(0); }
function nextUp(x) { if (x === 0) return 5e-324; const b = bitsOf(x); return fromBits(x > 0 ? b + 1n : b - 1n); }
function nextDown(x) { return -nextUp(-x); }

// mulberry32: a small fixed-seed generator, good enough to vary inputs.
let seed = 0x5eed1234;
function rnd32() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}
function rnd(n) { return rnd32() % n; }
function pick(a) { return a[rnd(a.length)]; }

// A random finite double from a uniformly random bit pattern.
function randomBitsDouble() {
  for (;;) {
    const hi = rnd32(), lo = rnd32();
    if (((hi >>> 20) & 0x7ff) === 0x7ff) continue;
    return fromHex(hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0'));
  }
}
// A random double with binary exponent in [lo, hi].
function randomDouble(lo, hi) {
  const e = lo + rnd(hi - lo + 1) + 1023;
  const sign = rnd(2);
  const h = ((sign << 31) | (e << 20) | rnd(1 << 20)) >>> 0;
  return fromHex(h.toString(16).padStart(8, '0') + rnd32().toString(16).padStart(8, '0'));
}
// A short decimal such as 123.456: n / 10^k.
function randomShortDecimal() {
  const n = rnd(10 ** (1 + rnd(8)));
  const k = rnd(9);
  const v = n / 10 ** k;
  return rnd(4) === 0 ? -v : v;
}

function attempt(f) {
  try { return f(); } catch (e) { return '!' + e.name + ': ' + e.message; }
}

function uniq(xs) {
  const seen = new Set(), out = [];
  for (const x of xs) {
    const k = typeof x === 'number' ? toHex(x) : x;
    if (!seen.has(k)) { seen.add(k); out.push(x); }
  }
  return out;
}

// The exact decimal expansion of the midpoint between positive finite x and
// the next double up.
function midpointString(x) {
  const b = bitsOf(x);
  const be = Number((b >> 52n) & 0x7ffn);
  let m = b & ((1n << 52n) - 1n);
  let e;
  if (be === 0) e = -1074; else { m |= 1n << 52n; e = be - 1075; }
  const mm = 2n * m + 1n; // midpoint = mm * 2^(e-1)
  const p = e - 1;
  if (p >= 0) return (mm << BigInt(p)).toString();
  const k = -p;
  let s = (mm * 5n ** BigInt(k)).toString();
  if (s.length <= k) s = '0'.repeat(k - s.length + 1) + s;
  return s.slice(0, s.length - k) + '.' + s.slice(s.length - k);
}

// ---------------------------------------------------------------- inputs

const special = [
  0, -0, 1, -1, 2, 10, 100, 0.1, 0.2, 0.3, 0.5, 1.5, 2.5, -2.5, 3.5, 0.05, 0.15, 0.25, 0.35,
  1 / 3, 2 / 3, Math.PI, Math.E, -Math.PI, 123.456, -123.456, 1.005, 1.0005, 1.45, 2.675, 8.345,
  1.255, 10.235, 0.000001, 0.0000001, 1e-7, 1.5e-7, 9.999999999999999e-7, 1e-6, 1.234e-7,
  1e20, 1e21, 1e22, 1e23, 9.999999999999999e20, 999999999999999999999, 123456789012345680000,
  2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 - 1,
  2 ** 32 + 1, 2 ** 63, 2 ** 64, -(2 ** 63), 2 ** 60, 2 ** 70, 2 ** 100, 1e100, 1.7976931348623157e308,
  -1.7976931348623157e308, 5e-324, -5e-324, 1e-323, 1.5e-323, 2.225073858507201e-308,
  2.2250738585072014e-308, 4.9406564584124654e-324, 1e-300, 1e300, 4294967295.5, 4294967296.5,
  -4294967296.5, 0.1 + 0.2, 1e15, 1e16, 1e17, 123e-20, 5e-7, 0.00001, 1234.5678, 65535, 65536,
  255, 256, 127.5, 128.5, 254.5, 255.5, -0.5, 0.49999999999999994, 4503599627370495.5,
  4503599627370497, 9007199254740993, 18014398509481984, 1.1, 2.2, 4.35, 0.045, 0.0045,
  NaN, Infinity, -Infinity,
];

const powers2 = [];
for (let e = -1074; e <= 1023; e++) powers2.push(2 ** e);
const powers10 = [];
for (let e = -323; e <= 308; e++) { const p = Number('1e' + e); powers10.push(p, e % 2 ? nextUp(p) : nextDown(p)); }

const randomFull = [];
for (let i = 0; i < 1000; i++) randomFull.push(randomBitsDouble());
const randomModerate = [];
for (let i = 0; i < 800; i++) randomModerate.push(randomDouble(-40, 80));
const shortDecimals = [];
for (let i = 0; i < 800; i++) shortDecimals.push(randomShortDecimal());
const integers = [];
for (let i = 0; i <= 300; i++) integers.push(i, -i);
for (let i = 0; i < 400; i++) {
  const bits = 1 + rnd(80);
  let v = Math.floor((rnd32() * 4294967296 + rnd32()) / 2 ** (64 - Math.min(bits, 64))) * 2 ** Math.max(0, bits - 64);
  integers.push(rnd(3) === 0 ? -v : v);
}

// Exact ties for the fixed-count conversions: odd multiples of 2^-k have
// exactly k fraction digits, ending in 5; integers m*10^j + 5*10^(j-1) tie at
// 10^j.
const ties = [];
for (let k = 1; k <= 22; k++) {
  for (let i = 0; i < 2; i++) ties.push((2 * rnd(1 << Math.min(20, 53 - k)) + 1) / 2 ** k);
  ties.push(3 / 2 ** k, 9 + (2 ** k - 1) / 2 ** k, 99 + 1 / 2 ** k);
}
for (let j = 1; j <= 15; j++) {
  for (const m of [0, 1, 2, 9, 99, 12, 123456]) ties.push(m * 10 ** j + 5 * 10 ** (j - 1));
}
for (const x of [5 ** 21, 5 ** 22, 3 * 5 ** 20, 2 ** 10 * 5 ** 12, 2 ** 3 * 5 ** 20, 25, 125, 625, 2500, 9.5, 99.5, 999.5, 0.95, 0.995, 9.95]) ties.push(x);

const allDoubles = uniq([...special, ...powers2, ...powers10, ...randomFull, ...randomModerate,
  ...shortDecimals, ...integers, ...ties]);

// ---------------------------------------------------------------- outputs

const out = {};

out.toString = allDoubles.map(x => [toHex(x), String(x)]);

// Every radix for a sample (radix 10 included: it is ToString).
const radixInputs = uniq([...special, ...ties.slice(0, 20), ...randomModerate.slice(0, 24),
  ...shortDecimals.slice(0, 20), ...integers.slice(600, 620), ...randomFull.slice(0, 6),
  2 ** -1074, 2 ** -1022, 2 ** 1023, 1e-300, 1e300, 2 ** 80 + 2 ** 28, 1.5 * 2 ** 60, 7e22]);
out.radix = radixInputs.map(x => {
  const row = [toHex(x)];
  for (let r = 2; r <= 36; r++) row.push(x.toString(r));
  return row;
});
out.radixErrors = [0, 1, 37, -2].map(r => [String(r), attempt(() => (1).toString(r))]);

function digitGroup(method, xs, digits) {
  return {
    digits,
    cases: xs.map(x => [toHex(x), ...digits.map(d => attempt(() => d === null ? x[method]() : x[method](d)))]),
  };
}
const fewDigits = [];
for (let d = 0; d <= 12; d++) fewDigits.push(d);
fewDigits.push(14, 16, 17, 18, 20, 21);
const allDigits = [];
for (let d = 0; d <= 100; d++) allDigits.push(d);

const fixedInputs = uniq([...special, ...ties, ...shortDecimals.slice(0, 40),
  ...randomModerate.slice(150, 190).map(x => x / 2 ** 30), ...integers.slice(600, 620),
  ...randomFull.slice(12, 22)]);
const fixedAllInputs = [-0, 0.1, -1.5, 123.456, 5e-324, 1e20, 2 ** -60];
const precInputs = uniq([...special, ...ties, ...shortDecimals.slice(150, 190),
  ...randomModerate.slice(300, 340), ...integers.slice(650, 670), ...powers10.slice(600, 640),
  ...randomFull.slice(40, 60)]);

out.fixed = [
  digitGroup('toFixed', fixedInputs, [...fewDigits, 25, -1, 101]),
  digitGroup('toFixed', fixedAllInputs, allDigits),
];
out.exponential = [
  digitGroup('toExponential', precInputs, [null, ...fewDigits, 25, -1, 101]),
  digitGroup('toExponential', fixedAllInputs, allDigits),
];
out.precision = [
  digitGroup('toPrecision', precInputs, [...fewDigits.slice(1), 22, 25, 0, 101]),
  digitGroup('toPrecision', fixedAllInputs, allDigits.slice(1)),
];

// ---------------------------------------------------------------- parsing

const ws = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002',
  '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028',
  '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const notWs = ['\u180e', '\u200b', '\u0085', '\u00ad', '\u0000', '\u001c', '\u001f', '\u2060'];

const tricky = [
  '', ' ', '  \t\n ', '0', '-0', '+0', '00', '-00', '0.', '-0.', '.0', '-.0', '.', '+.', '-.', '+', '-',
  '1', '+1', '-1', '01', '001', '1.', '.5', '-.5', '+.5', '1.5', '1e3', '1E3', '1e+3', '1e-3', '1e',
  '1e+', '1e-', 'e3', '.e3', '1.e3', '0.e1', '1.5e', '1_000', '1,000', '1 000', '1__0', '12abc',
  'abc', 'NaN', 'nan', 'Infinity', '+Infinity', '-Infinity', 'infinity', 'INFINITY', 'Infinit',
  'Infinityx', 'Infinity ', ' Infinity', '- Infinity', 'inf', '-inf', '0x10', '0X10', '0xff',
  '0xFF', '0xfF', '-0x10', '+0x10', '0x', '0x ', '0xg', '0x1g', '0x-1', '0x+1', '0x.1', '0x1.5',
  '0o17', '0O17', '0o8', '0o', '-0o1', '0b101', '0B101', '0b2', '0b', '-0b1', '0b1e1', '00x1',
  '08', '09', '010', '0777', '1e1000', '-1e1000', '1e-1000', '-1e-1000', '1e309', '1e308',
  '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '2e-324', '3e-324',
  '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '4.9e-324', '1e-323',
  '0.000001', '1e-7', '123456789012345678901234567890', '9007199254740993', '9007199254740992.5',
  '9007199254740993.0000000001', '0.1', '0.30000000000000004', '1e21', '1e+21', '1.5e-7',
  '12.34.56', '1..2', '--1', '+-1', '-+1', '1-', '1+', '1e1e1', '1ee1', '1e1.5', '5.e-1', '5.E-1',
  '\u0661', '\uff11', '1\u0000', '0x1\u0000', '١٢٣', '1e+1000000000000000000000000', '1e-9999999999',
  '0e99999999999', '0.0e-99999', '.000000000000000000000000000000001e33', '123456e-5',
  '3.14159265358979323846264338327950288', '2.7182818284590452353602874713527', '1e-0', '1e00001',
  '0000000000000000000000000000000000001', '1.00000000000000011102230246251565404236316680908203125',
  '1.00000000000000011102230246251565404236316680908203124',
  '1.00000000000000011102230246251565404236316680908203126',
  '0x1fffffffffffff', '0x20000000000000', '0x20000000000001', '0x20000000000002', '0x20000000000003',
  '0x200000000000010', '0x2000000000000100', '0x20000000000001000000001', '0x3ffffffffffffff',
  '0xffffffffffffffffffffffffffffffff', '0b' + '1'.repeat(60), '0b1' + '0'.repeat(52) + '1',
  '0b1' + '0'.repeat(52) + '1' + '0'.repeat(10), '0b1' + '0'.repeat(52) + '1' + '0'.repeat(9) + '1',
  '0o' + '7'.repeat(30), '0x' + 'f'.repeat(256), '0x' + 'f'.repeat(257), '0x1' + '0'.repeat(255),
  '1' + '0'.repeat(400), '0.' + '0'.repeat(400) + '1', '1' + '0'.repeat(308), '1' + '0'.repeat(309),
  '-', '- 1', '+ 1', '1 ', ' 1', '1 1', '0x 1', 'Infinity1', '1Infinity', '.5e-3', '-.5e+3',
  '1e2147483647', '1e2147483648', '1e-2147483648', '0.' + '0'.repeat(1200) + '1e1205',
  '1' + '0'.repeat(1200) + 'e-1200', '0.' + '0'.repeat(2000) + '1e2000',
  '9'.repeat(1100), '0.' + '9'.repeat(1100), '4' + '9'.repeat(800) + 'e-800',
];
const strings = [...tricky];
for (const w of ws) strings.push(w + '12' + w, w, w + w, w + '-0x1' + w, w + 'Infinity' + w, '1' + w + '2', w + '0b11', w + '.5' + w);
for (const w of notWs) strings.push(w + '12', '12' + w, w);
for (let i = 0; i < 250; i++) {
  const x = pick([randomFull, randomModerate, shortDecimals, integers, powers10])[rnd(300)];
  const k = 1 + rnd(20);
  const s = pick([String(x), x.toExponential(), x.toPrecision(k), x.toExponential(k - 1).toUpperCase(),
    x.toFixed(rnd(20)), '  ' + String(x) + '\n', '+' + String(Math.abs(x)), '000' + String(Math.abs(x))]);
  strings.push(s);
}
// Midpoints between adjacent doubles, and strings just either side of them.
for (let i = 0; i < 150; i++) {
  const x = Math.abs(pick([randomFull, randomModerate, shortDecimals, powers10, powers2])[rnd(300)]);
  if (!(x > 0) || x === Infinity || x === Number.MAX_VALUE) continue;
  const m = midpointString(x);
  strings.push(m);
  strings.push(m + '000000000000000000001');
  if (m.length > 2) strings.push(m.slice(0, -1));
}
for (const x of [5e-324, 2 ** -1022, 1, 2 ** 53, 0.1, 1e23, Number.MAX_VALUE / 2]) strings.push(midpointString(x));
// Random junk over the number alphabet.
const alphabet = ['0', '1', '5', '9', '.', 'e', 'E', '+', '-', 'x', 'X', 'o', 'b', 'a', 'f', 'I', ' ', '\u00a0', 'n', '_'];
for (let i = 0; i < 500; i++) {
  let s = '';
  const n = rnd(9);
  for (let j = 0; j < n; j++) s += pick(alphabet);
  strings.push(s);
}
// Random hexadecimal, octal and binary literals, long enough to round.
for (let i = 0; i < 120; i++) {
  const [p, r] = pick([['0x', 16], ['0X', 16], ['0o', 8], ['0b', 2]]);
  let s = p;
  const n = 1 + rnd(r === 2 ? 90 : 30);
  for (let j = 0; j < n; j++) s += rnd(r).toString(r);
  if (rnd(4) === 0) s = s.toUpperCase().replace(/^0([XOB])/, (m, c) => '0' + (rnd(2) ? c : c.toLowerCase()));
  strings.push(s);
}
const parseStrings = uniq(strings);

// [s, Number(s), parseFloat(s), parseInt(s)]
out.parse = parseStrings.map(s => [s, toHex(Number(s)), toHex(parseFloat(s)), toHex(parseInt(s))]);

// parseInt: every string with radix undefined, and a mix of strings with
// every radix (the recorded radix is ToInt32(radix), undefined being 0).
const intStrings = [...parseStrings];
for (let i = 0; i < 400; i++) {
  const r = 2 + rnd(35);
  let s = '';
  const n = 1 + rnd(rnd(3) === 0 ? 60 : 14);
  for (let j = 0; j < n; j++) { const d = rnd(r).toString(r); s += rnd(5) === 0 ? d.toUpperCase() : d; }
  s = pick(['', '', '', '-', '+', ' ', '0x', '-0x', '0', '00']) + s + pick(['', '', '', 'z', '!', ' 9', '.5']);
  intStrings.push(s);
}
const shortIntStrings = uniq(intStrings.filter(s => s.length <= 80));
const radixArgs = [0, 2, 3, 4, 5, 7, 8, 10, 11, 16, 20, 32, 36, 1, 37, -1, -16, 4294967312, 16.9];
const parseIntGroups = [];
for (const ra of radixArgs) {
  const r = ra | 0;
  const sample = shortIntStrings.filter((_, i) => (i + r * 7) % 7 === 0);
  parseIntGroups.push({ radix: r, cases: sample.map(s => [s, toHex(parseInt(s, ra))]) });
}
out.parseInt = parseIntGroups;

// ---------------------------------------------------------------- integers

const intInputs = uniq([...special, ...integers, ...ties.slice(0, 40), ...randomFull.slice(0, 120),
  ...randomModerate.slice(0, 120), ...powers2.slice(1000, 1100), 2 ** 31 + 0.5, -(2 ** 31) - 0.5,
  2 ** 63 + 2 ** 11, -(2 ** 63) - 2 ** 11, 2 ** 84 + 2 ** 33, 2 ** 84 + 2 ** 32, 2 ** 85 - 2 ** 33,
  -0.9, 0.9, 254.5, 255.49, 0.5, 1.5, -1.5, 65535.5, 65536.5, -65536.5, 127.5, 128, -128.5, -129]);
const u16 = new Uint16Array(1), i16 = new Int16Array(1), i8 = new Int8Array(1), u8 = new Uint8Array(1), u8c = new Uint8ClampedArray(1);
function via(ta, x) { ta[0] = x; return String(ta[0]); }
out.intConv = intInputs.map(x => [toHex(x), String(x | 0), String(x >>> 0), via(u16, x), via(i16, x),
  via(i8, x), via(u8, x), via(u8c, x)]);

// Array indices and canonical numeric index strings.
const keyStrings = uniq(['0', '1', '00', '01', '-0', '-1', '+1', '1.0', '1.5', '4294967294', '4294967295',
  '4294967296', '42949672940', '9007199254740991', '9007199254740992', '1e3', '1e21', '1e+21',
  '1000000000000000000000', '100000000000000000000', 'NaN', 'Infinity', '-Infinity', '+Infinity',
  'infinity', '', ' 1', '1 ', '0x1', '0.1', '.1', '0.10', '1e-7', '1e-6', '0.000001', '0.0000001',
  '5e-324', '1.7976931348623157e+308', '-5e-324', '123', '12a', 'length', 'a', '١', '-Infinityx',
  '2147483647', '2147483648', '-2147483648', '1.2345678901234567e+89', '-0.0', '0.0',
  ...allDoubles.slice(0, 400).map(String), ...integers.slice(0, 120).map(String)]);
out.arrayIndex = keyStrings.map(s => {
  const a = [];
  Reflect.set(a, s, 1);
  return [s, a.length > 0 && a.length === Number(s) + 1 ? '1' : '0']; // 'length' is no index
});
out.canonical = keyStrings.map(s => {
  // [[Set]] on an empty typed array creates no property for a canonical
  // numeric key. (Its prototype goes, so that 'length' is no accessor.
  // Reflect.defineProperty would not do: V8's [[DefineOwnProperty]] also
  // refuses every string whose ToNumber is -0, such as "-0.0" and "-00".)
  const ta = Object.setPrototypeOf(new Uint8Array(0), null);
  Reflect.set(ta, s, 1);
  const canonical = !Object.prototype.hasOwnProperty.call(ta, s);
  return [s, canonical ? (s === '-0' ? toHex(-0) : toHex(Number(s))) : ''];
});

// ---------------------------------------------------------------- BigInt

const bigStrings = uniq(['', ' ', '0', '-0', '+0', '00', '1', '-1', '+1', '123456789012345678901234567890',
  '-123456789012345678901234567890', '0x10', '0X10', '-0x10', '+0x10', '0xff', '0xFf', '0x', '0xg', '0o17',
  '0O17', '0o8', '0b101', '0B101', '0b2', '0b', '1.5', '1e3', '1n', '1_000', '  42  ', '\u00a0\ufeff7\u2028',
  '- 1', '-', '+', 'Infinity', 'NaN', '0x1 ', ' 0x1', '0 ', '00x1', '0x0', '0b0', '09', '0.', '.5',
  '1 2', '١', '0x' + 'f'.repeat(40), '9'.repeat(100), '-' + '9'.repeat(100), ...parseStrings.slice(0, 200)]);
out.bigintParse = bigStrings.map(s => [s, attempt(() => BigInt(s).toString())]);
const bigInputs = ['0', '1', '-1', '35', '-36', '255', '4294967296', '-9007199254740993',
  '123456789012345678901234567890', '-98765432109876543210987654321098765432109876543210'];
for (let i = 0; i < 30; i++) {
  let s = String(1 + rnd(9));
  const n = rnd(60);
  for (let j = 0; j < n; j++) s += rnd(10);
  bigInputs.push(rnd(2) ? s : '-' + s);
}
out.bigintToString = bigInputs.map(s => {
  const b = BigInt(s);
  const row = [s];
  for (let r = 2; r <= 36; r++) row.push(b.toString(r));
  return row;
});

process.stdout.write(JSON.stringify(out) + '\n');
