// BigInt: literals, operators, conversions, the BigInt function and its
// prototype, wrappers, JSON, collections and console output.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };

// Literals and their syntax errors.
for (const s of ['0n', '1_000n', '0x1Fn', '0XFFn', '0b101n', '0o17n', '123456789012345678901234567890n',
  '1.5n', '01n', '00n', '08n', '1e3n', '.5n', '1__0n', '1_n', '0x_1n']) {
  try { console.log(s, eval(s)); } catch (e) { console.log(s, e.name, e.message); }
}
console.log(typeof 1n, typeof Object(1n), 1n.toString(), (255n).toString(16), (-255n).toString(36), (10n).toString(2));

// Arithmetic.
t(() => [1n + 2n, 5n - 7n, 6n * 7n, 7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n, 2n ** 64n, 0n ** 0n, (-2n) ** 3n]);
t(() => [-5n, -(-5n), ~5n, ~-1n, 5n & 3n, 5n | 3n, 5n ^ 3n, -5n & 0xffn, 1n << 70n, -9n >> 1n, 5n << -1n, (-8n) >> -2n, 1n >> 1000n, -1n >> 1000n]);
t(() => 10n ** 40n / 3n);
t(() => 1n / 0n); t(() => 1n % 0n); t(() => 2n ** -1n); t(() => 1n >>> 1n);
t(() => 1n << 100000000000n); t(() => 2n ** 10000000000n);
t(() => 1n ** 1000000000000000n); t(() => (-1n) ** 1000000000000001n);

// Mixing with numbers, unary plus, ToNumber.
t(() => 1n + 1); t(() => 1 * 1n); t(() => 1n & 1); t(() => 1n - '1'); t(() => +1n); t(() => isNaN(1n)); t(() => Math.abs(1n));
t(() => Math.max(1n)); t(() => new Date(1n)); t(() => parseInt(1n)); t(() => parseInt('12n')); t(() => Number.isInteger(1n));
t(() => [Number(1n), Number(2n ** 64n), Number(-(2n ** 1024n)), Number(2n ** 53n + 1n), Number(Object(7n))]);

// Increment, decrement, compound assignment.
t(() => { let y = 5n; y--; --y; return [y, y++, y, ++y]; });
t(() => { let z = 1n; z += 2n; z *= 3n; z **= 2n; z <<= 1n; z -= 1n; z %= 7n; z |= 8n; return z; });
t(() => { const o = { n: 1n }; o.n++; o['n'] += 10n; return o.n; });

// Comparisons and equality.
t(() => [1n < 1.5, 2n > '1', 1n == '1', 1n == 1, 1n == 1.5, 1n == true, 0n == '', 0n == false, 1n == '0x1', 1n === 1n, 1n === 1]);
t(() => [1n < 'x', 'x' < 1n, 1n < NaN, 1n > NaN, 1n < Infinity, -1n > -Infinity, 10n > 9, 9007199254740993n > 9007199254740992]);
t(() => [2n >= 2, 2n <= 2.0001, -3n < -2.5, 3n > 2.9999, '10' > 9n, 1n == 'x', Object(2n) == 2n, 2n == Object(2n), Object(2n) === 2n]);
t(() => [Object.is(-0n, 0n), Object.is(1n, 1n), [0n].includes(-0n), [NaN, 1n].indexOf(1n)]);
t(() => 1n < Symbol());

// Truthiness, strings, templates, property keys.
t(() => [0n && 'a', 1n && 'b', !0n, !!1n, 0n ? 'y' : 'n', -0n ? 'y' : 'n']);
t(() => ['x' + 1n, 1n + 'x', `${2n}${[3n, 4n]}`, String(-0n), String(-12n), [1n, 2n].join('-')]);
t(() => { const o = {}; o[10n] = 'x'; o[-1n] = 'y'; return [Object.keys(o), ({ [1n]: 2 })[1], ({ 1n: 3 })['1'], 'length' in Object(1n)]; });

// The BigInt function.
t(() => [BigInt(5), BigInt(-0), BigInt(2 ** 64), BigInt(1e21), BigInt(true), BigInt(false), BigInt('  -42 '), BigInt(''), BigInt('0b1010'), BigInt('0x10'), BigInt(' 0o17 ')]);
t(() => BigInt(1e100));
t(() => BigInt(1.5)); t(() => BigInt(NaN)); t(() => BigInt(Infinity)); t(() => BigInt('x')); t(() => BigInt('1.5')); t(() => BigInt('-0x10'));
t(() => BigInt('1n')); t(() => BigInt(undefined)); t(() => BigInt(null)); t(() => BigInt(Symbol('s'))); t(() => BigInt()); t(() => new BigInt(1));
t(() => [BigInt(new Number(5)), BigInt({ valueOf() { return 7n; } }), BigInt({ toString() { return '8'; } }), BigInt(Object(9n))]);
t(() => BigInt({ valueOf() { return 7.5; } }));
t(() => [BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.asUintN.length, BigInt.prototype.constructor === BigInt]);
t(() => [BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(8, 255n), BigInt.asIntN(8, 127n), BigInt.asIntN(0, 5n), BigInt.asIntN(3, 25n), BigInt.asIntN(200, -1n)]);
t(() => [BigInt.asUintN(64, -1n), BigInt.asUintN(8, -1n), BigInt.asUintN(3, 25n), BigInt.asUintN(0, 5n), BigInt.asUintN(1, '3'), BigInt.asUintN(2 ** 53 - 1, 5n)]);
t(() => BigInt.asIntN(-1, 1n)); t(() => BigInt.asIntN(2 ** 53, 1n)); t(() => BigInt.asIntN(1, 1)); t(() => BigInt.asIntN(3, 'x'));

// The prototype.
t(() => [(10n).toLocaleString(), (1234567n).toLocaleString(), (-1234567n).toLocaleString(), (123n).valueOf(), Object(5n).valueOf()]);
t(() => [(35n).toString(36), (-35n).toString(36), (2n ** 100n).toString(32), Object(17n).toString(8)]);
t(() => (1n).toString(1)); t(() => (1n).toString(37)); t(() => BigInt.prototype.toString.call(1)); t(() => BigInt.prototype.valueOf.call('1'));
t(() => BigInt.prototype.toLocaleString.call({}));
t(() => [BigInt.prototype[Symbol.toStringTag], Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n)), String(Object(3n))]);
t(() => Object.getOwnPropertyDescriptor(BigInt.prototype, Symbol.toStringTag));
t(() => Object.getOwnPropertyNames(BigInt.prototype).sort());

// Wrappers.
t(() => [Object(1n), typeof Object(1n), Object(1n) instanceof BigInt, Object(1n) + 1n, -Object(4n)]);
t(() => { 'use strict'; const a = 1n; a.x = 1; });
t(() => { const a = 1n; a(); }); t(() => { const a = 5n; new a(); }); t(() => 'x' in 1n); t(() => Object.setPrototypeOf({}, 1n));

// JSON.
t(() => JSON.stringify(1n)); t(() => JSON.stringify({ a: [1n] })); t(() => JSON.stringify(Object(1n)));
BigInt.prototype.toJSON = function () { return this.toString() + '!'; };
t(() => JSON.stringify({ a: 1n, b: [2n], c: Object(3n) }));
delete BigInt.prototype.toJSON;
t(() => JSON.stringify({ a: 1n }, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)));

// Collections and arrays.
t(() => { const m = new Map([[1n, 'a'], [2n ** 70n, 'b']]); return [m.get(1n), m.get(BigInt(1)), m.get(2n ** 70n), m.has(1), m.get(-0n) === m.get(0n)]; });
t(() => new Set([1n, 1n, BigInt(1), 1, '1', -1n, 2n ** 64n, 2n ** 64n]).size);
t(() => [[3n, 1n, 10n, 2n].sort(), [3n, 1n, 10n, 2n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), [1n, 2n].includes(2n), [1n, 2n].indexOf(2n), [1n, 2n].lastIndexOf(1n)]);

// console and util.inspect.
console.log(1n, -1n, 0n, -0n, 2n ** 100n, [1n, { a: -5n }], { b: [Object(3n)] });
console.log('%s %d %i %f %o %O %j', 1n, 2n, 3n, 4n, 5n, 6n, 7);
console.log(Object(3n), [Object(-1n)], new Map([[1n, 2n]]), new Set([3n]));
console.log(String(10n ** 30n), `${-5n}`);

// Large values, size limits and shifts past the width.
t(() => { const x = 2n ** 100000n; const y = x * 3n; return [String(y % 1000000007n), y >> 99990n, String(x).length]; });
t(() => { const arr = []; for (let i = 0; i < 300; i++) arr.push(BigInt(i) ** 20n); let s = 0n; for (const v of arr) s += v; return s % 997n; });
t(() => 2n ** (2n ** 40n)); t(() => 1n << (2n ** 31n)); t(() => BigInt.asUintN(2 ** 40, 5n)); t(() => BigInt.asUintN(2 ** 40, -5n));
t(() => [0n << (2n ** 70n), 5n >> (2n ** 70n), -5n >> (2n ** 70n), 0n ** (2n ** 70n), (-1n) ** (2n ** 70n)]);

// Literal keys, switch, loops, closures.
const {1n: a} = {1: 5}; class C { 2n() { return 7 } static 3n = 9; get 4n() { return 'g'; } } ; console.log(a, new C()[2](), C[3], new C()[4], Object.keys({0x10n: 1, 0b11n: 2}), C.prototype[2].name);
switch (2n) { case 2: console.log('num'); break; case 2n: console.log('big'); }
label: for (const x of [1n, 2n, 3n]) { if (x === 2n) continue label; console.log(x); }
let i = 0n; while (i < 3n) i++; console.log(i, i-- , --i, -i, typeof -i);
console.log(((x) => x ** 2n)(12n), [3n, 1n, 2n].reduce((p, c) => p * c), Array.from({length: 3}, (_, k) => BigInt(k) * 10n));
