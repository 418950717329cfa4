// SharedArrayBuffer and Atomics with one agent: the buffer's prototype,
// growth and slicing, views over it, ArrayBuffer and SharedArrayBuffer
// methods rejecting each other's buffers, every Atomics operation on
// shared and non-shared integer arrays (BigInt ones too), wait's
// "not-equal" and "timed-out", and the validation order and messages.
'use strict';
const detach = (b) => (typeof b.transfer === 'function' ? b.transfer() : structuredClone(b, { transfer: [b] }));
function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.message);
  }
}
const desc = (o, k) => Object.getOwnPropertyDescriptor(o, k);

// The constructor and prototype.
show('ctor', () => [SharedArrayBuffer.length, SharedArrayBuffer.name, SharedArrayBuffer[Symbol.species] === SharedArrayBuffer]);
show('proto', () => Object.getOwnPropertyNames(SharedArrayBuffer.prototype).join());
show('tag', () => [Object.prototype.toString.call(new SharedArrayBuffer(1)), SharedArrayBuffer.prototype[Symbol.toStringTag]]);
show('call', () => SharedArrayBuffer(1));
show('negative', () => new SharedArrayBuffer(-1));
show('max<len', () => new SharedArrayBuffer(4, { maxByteLength: 2 }));
show('fixed', () => { const s = new SharedArrayBuffer(3.7); return [s.byteLength, s.growable, s.maxByteLength]; });
const g = new SharedArrayBuffer(4, { maxByteLength: 16 });
const tracking = new Int32Array(g);
show('growable', () => [g.byteLength, g.growable, g.maxByteLength, tracking.length]);
show('grow', () => [g.grow(12), g.byteLength, tracking.length, tracking[2]]);
show('grow same', () => [g.grow(12), g.byteLength]);
show('shrink', () => g.grow(8));
show('too big', () => g.grow(17));
show('grow fixed', () => new SharedArrayBuffer(8).grow(8));

// Incompatible receivers both ways.
const sab = new SharedArrayBuffer(16);
const ab = new ArrayBuffer(16);
for (const k of ['byteLength', 'maxByteLength', 'resizable']) {
  show('AB get ' + k, () => desc(ArrayBuffer.prototype, k).get.call(sab));
}
show('AB slice', () => ArrayBuffer.prototype.slice.call(sab));
show('AB resize', () => ArrayBuffer.prototype.resize.call(sab, 1));
for (const k of ['byteLength', 'maxByteLength', 'growable']) {
  show('SAB get ' + k, () => desc(SharedArrayBuffer.prototype, k).get.call(ab));
}
show('SAB slice', () => SharedArrayBuffer.prototype.slice.call(ab));
show('SAB grow', () => SharedArrayBuffer.prototype.grow.call(ab, 1));
show('isView', () => [ArrayBuffer.isView(new Int8Array(sab)), ArrayBuffer.isView(sab)]);

// slice and species.
new Uint8Array(sab).set([1, 2, 3, 4, 5, 6, 7, 8]);
show('slice', () => [...new Uint8Array(sab.slice(2, -10))].join());
show('slice proto', () => Object.getPrototypeOf(sab.slice(0)) === SharedArrayBuffer.prototype);
class Sub extends SharedArrayBuffer {}
show('subclass slice', () => { const s = new Sub(4).slice(1); return [s instanceof Sub, s.byteLength]; });
const withSpecies = (f) => { const s = new SharedArrayBuffer(8); s.constructor = { [Symbol.species]: function () { return f(s); } }; return s.slice(0); };
show('species AB', () => withSpecies(() => new ArrayBuffer(8)));
show('species this', () => withSpecies((s) => s));
show('species small', () => withSpecies(() => new SharedArrayBuffer(2)));
show('AB species SAB', () => { const a = new ArrayBuffer(8); a.constructor = { [Symbol.species]: function () { return new SharedArrayBuffer(8); } }; return a.slice(0); });

// Views over a SharedArrayBuffer.
show('dataview', () => { const v = new DataView(sab, 8); v.setInt16(0, -2); v.setBigInt64(0, -5n, true); return [v.getInt16(0, true), v.getBigInt64(0, true), v.buffer === sab]; });
show('typed', () => { const t = new Uint16Array(sab, 2, 3); t[0] = 0xffff; return [t.length, t.byteOffset, t[0], t.buffer === sab]; });

// Atomics.
show('Atomics', () => [Object.prototype.toString.call(Atomics), typeof Atomics, Atomics[Symbol.toStringTag]]);
show('lengths', () => ['load', 'store', 'add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange', 'isLockFree', 'wait', 'notify'].map((k) => k + ':' + Atomics[k].length).join());
for (const shared of [true, false]) {
  const mk = (C, n) => new C(shared ? new SharedArrayBuffer(n * C.BYTES_PER_ELEMENT) : new ArrayBuffer(n * C.BYTES_PER_ELEMENT));
  for (const C of [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]) {
    const t = mk(C, 2);
    show(C.name + (shared ? ' shared' : ''), () => [
      Atomics.store(t, 0, 100), Atomics.add(t, 0, 200), Atomics.sub(t, 0, 500), Atomics.load(t, 0),
      Atomics.and(t, 0, 0xf0), Atomics.or(t, 0, 0x0f), Atomics.xor(t, 0, 0xff), Atomics.exchange(t, 0, -1),
      Atomics.compareExchange(t, 0, -1, 7), Atomics.compareExchange(t, 0, 7 + 2 ** 32, 9), Atomics.compareExchange(t, 0, 1, 2), t[0],
      Atomics.store(t, 1, 3.9), Atomics.store(t, 1, -0), Atomics.store(t, 1, 2 ** 32 + 5), t[1], Atomics.store(t, 1, '12'), t[1],
    ].join());
  }
  for (const C of [BigInt64Array, BigUint64Array]) {
    const t = mk(C, 2);
    show(C.name + (shared ? ' shared' : ''), () => [
      Atomics.store(t, 0, 5n), Atomics.add(t, 0, 2n ** 64n + 1n), Atomics.sub(t, 0, 10n), Atomics.load(t, 0),
      Atomics.and(t, 0, 0xffn), Atomics.or(t, 0, 1n), Atomics.xor(t, 0, 3n), Atomics.exchange(t, 0, -1n),
      Atomics.compareExchange(t, 0, -1n, 7n), Atomics.compareExchange(t, 0, 2n ** 64n - 1n, 8n), t[0], Atomics.store(t, 1, true), t[1],
    ].join());
    show(C.name + ' number', () => Atomics.add(t, 0, 1));
    show(C.name + ' string', () => Atomics.store(t, 0, '0x10') + ' ' + t[0]);
  }
  show('number into bigint', () => Atomics.add(mk(Int32Array, 1), 0, 1n));
}
show('isLockFree', () => [0, 1, 2, 3, 4, 5, 8, 16, '4', NaN].map((n) => Atomics.isLockFree(n)).join());

// Validation: the array, then the index, then the value, then the array again.
const i32 = new Int32Array(new SharedArrayBuffer(16));
for (const bad of [undefined, 1, 'ab', {}, [], new Float64Array(2), new Float32Array(2), new Uint8ClampedArray(2)]) {
  show('not integer ' + Object.prototype.toString.call(bad), () => Atomics.add(bad, 0, 1));
}
for (const idx of [-1, 4, 1.5, '1', '-0', NaN, Infinity, { valueOf() { return 3; } }, 'x']) {
  show('index ' + String(idx), () => Atomics.load(i32, idx));
}
show('index before value', () => Atomics.store(i32, 9, { valueOf() { throw new Error('value read'); } }));
show('array before index', () => Atomics.store(new Float64Array(2), { valueOf() { throw new Error('index read'); } }, 0));
show('detached', () => { const b = new ArrayBuffer(8); const t = new Int32Array(b); detach(b); return Atomics.load(t, 0); });
show('detached during value', () => { const b = new ArrayBuffer(8); const t = new Int32Array(b); return Atomics.store(t, 0, { valueOf() { detach(b); return 1; } }); });
show('shrunk during value', () => {
  const b = new ArrayBuffer(16, { maxByteLength: 16 });
  const t = new Int32Array(b);
  return Atomics.add(t, 3, { valueOf() { b.resize(4); return 1; } });
});

// wait and notify.
show('wait', () => [Atomics.wait(i32, 0, 1), Atomics.wait(i32, 0, 0, 0), Atomics.wait(i32, 0, 0, -5), Atomics.wait(i32, 1, 0, NaN === 0 ? 1 : 0)].join());
show('wait sleeps', () => { const t0 = Date.now(); const r = Atomics.wait(i32, 0, 0, 30); return [r, Date.now() - t0 >= 25]; });
show('wait value wraps', () => Atomics.wait(i32, 0, 2 ** 32, 1));
const b64 = new BigInt64Array(new SharedArrayBuffer(16));
show('wait bigint', () => [Atomics.wait(b64, 0, 1n), Atomics.wait(b64, 1, 0n, 1)].join());
show('wait bigint number', () => Atomics.wait(b64, 0, 0));
show('wait non-shared', () => Atomics.wait(new Int32Array(4), 0, 0, 0));
show('wait int16', () => Atomics.wait(new Int16Array(new SharedArrayBuffer(4)), 0, 0, 0));
show('wait float', () => Atomics.wait(new Float32Array(new SharedArrayBuffer(4)), 0, 0, 0));
show('wait uint32', () => Atomics.wait(new Uint32Array(new SharedArrayBuffer(4)), 0, 0, 0));
show('wait index', () => Atomics.wait(i32, 4, 0, 0));
show('wait timeout valueOf', () => Atomics.wait(i32, 0, 1, { valueOf() { throw new Error('timeout read'); } }));
show('notify', () => [Atomics.notify(i32, 0), Atomics.notify(i32, 0, 1), Atomics.notify(i32, 3, -3), Atomics.notify(b64, 1), Atomics.notify(new Int32Array(4), 0)].join());
show('notify int16', () => Atomics.notify(new Int16Array(new SharedArrayBuffer(4)), 0));
show('notify index', () => Atomics.notify(i32, 9));
show('notify count', () => Atomics.notify(i32, 0, { valueOf() { throw new Error('count read'); } }));

// How console.log shows them.
console.log(new SharedArrayBuffer(3), new Int8Array(new SharedArrayBuffer(2)));
console.log([new SharedArrayBuffer(1, { maxByteLength: 4 })]);
