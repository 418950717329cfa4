// BigInt64Array, BigUint64Array and DataView's BigInt accessors; process.hrtime.bigint.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
t(() => new BigInt64Array([1n, -2n, 3n])); t(() => new BigUint64Array([1n, -2n, 3n])); t(() => new BigInt64Array([1])); t(() => new BigInt64Array(2).fill(1));
t(() => new BigInt64Array(3).fill(7n, 1)); t(() => { let a = new Uint8Array(2); a.set(new BigInt64Array(2)); }); t(() => new BigInt64Array(1).set([1]));
t(() => { const a = new BigInt64Array(2); a.set([5n, '6']); return a; }); t(() => { const a = new BigUint64Array(2); a.set(new BigInt64Array([-1n, 2n])); return a; });
t(() => new BigInt64Array(new BigUint64Array([2n ** 64n - 1n]))); t(() => new BigInt64Array(new Int8Array(1))); t(() => new Float64Array(new BigInt64Array(1)));
t(() => { const a = BigInt64Array.from([3n, -1n, 2n, 2n ** 63n - 1n, -(2n ** 63n)]); return [a.sort(), a.includes(2n), a.includes(2), a.indexOf(-1n), a.lastIndexOf(3n), a.join(), a.at(-1), [...a.keys()], a.reverse()]; });
t(() => BigUint64Array.of(3n, 1n, 2n ** 64n - 1n).sort()); t(() => BigInt64Array.of(3n, 1n, 2n).sort((a, b) => Number(b - a)));
t(() => BigInt64Array.of(1n, 2n, 3n).map((x) => x * 2n)); t(() => BigInt64Array.of(1n, 2n, 3n).map((x) => 1)); t(() => BigInt64Array.of(1n, 2n, 3n).filter((x) => x > 1n)); t(() => BigInt64Array.of(1n, 2n, 3n).reduce((a, b) => a + b));
t(() => BigInt64Array.of(1n, 2n, 3n).slice(1)); t(() => BigInt64Array.of(1n, 2n, 3n).subarray(1)); t(() => BigInt64Array.of(1n, 2n, 3n).with(0, 9n)); t(() => BigInt64Array.of(1n, 2n, 3n).with(0, 9)); t(() => BigInt64Array.of(1n, 2n, 3n).toReversed()); t(() => BigInt64Array.of(3n, 2n, 1n).toSorted());
t(() => BigInt64Array.of(1n, 2n, 3n, 4n).copyWithin(0, 2)); t(() => BigInt64Array.of(1n, 2n).find(x => x == 2)); t(() => [BigInt64Array.BYTES_PER_ELEMENT, BigUint64Array.name, BigInt64Array.length, Object.prototype.toString.call(new BigUint64Array())]);
t(() => { const a = new BigInt64Array(1); a[0] = 2n ** 64n + 5n; a[1] = 3n; return [a[0], a[1], a.length]; }); t(() => { const a = new BigInt64Array(1); a[0] = 1; }); t(() => { const a = new BigUint64Array(1); a[0] = -1n; return a[0]; });
t(() => { const a = new BigInt64Array(1); a[0] = { valueOf() { return 5n; } }; return a[0]; }); t(() => { const a = new BigInt64Array(1); a[0] = '0x10'; return a[0]; }); t(() => { const a = new BigInt64Array(1); a[0] = 'x'; });
t(() => { const dv = new DataView(new ArrayBuffer(16)); dv.setBigInt64(0, -2n); dv.setBigUint64(8, 2n ** 64n - 2n, true); return [dv.getBigInt64(0), dv.getBigUint64(0), dv.getBigInt64(8, true), dv.getBigUint64(8), dv.getBigInt64(8)]; });
t(() => new DataView(new ArrayBuffer(8)).setBigInt64(0, 1)); t(() => new DataView(new ArrayBuffer(8)).getBigInt64(1)); t(() => [DataView.prototype.getBigInt64.length, DataView.prototype.setBigUint64.length]);
t(() => new BigInt64Array(new ArrayBuffer(12))); t(() => new BigInt64Array(new ArrayBuffer(16), 4)); t(() => new BigInt64Array([1n, 2n]).entries().next());
t(() => Object.getOwnPropertyDescriptor(new BigInt64Array([1n]), '0')); t(() => JSON.stringify(new BigInt64Array(0))); t(() => JSON.stringify(new BigInt64Array(1)));
console.log(new BigInt64Array([1n, -1n]), new BigUint64Array(2), [new BigInt64Array(1)]);
class X extends BigInt64Array { static get [Symbol.species]() { return Int8Array; } }
t(() => new X(2).slice());
t(() => new X(2).subarray());
t(() => { const a = process.hrtime.bigint(); const b = process.hrtime.bigint(); return [typeof a, b >= a, process.hrtime.bigint.name, process.hrtime.bigint.length]; });
