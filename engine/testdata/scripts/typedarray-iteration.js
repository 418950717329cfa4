// %TypedArray%.prototype's iteration methods visit every index: an element
// gone with a detached or shrunk buffer reads as undefined (Array's
// versions, called on a typed array, skip what HasProperty no longer
// sees). toLocaleString calls each element's toLocaleString.
'use strict';
// node 20 detaches through structuredClone, Sonde through transfer().
const detach = (b) => (typeof b.transfer === 'function' ? b.transfer() : structuredClone(b, { transfer: [b] }));
function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.message);
  }
}

function detachDuring(method, extra) {
  const ta = new Float64Array([1, 2, 3, 4]);
  const seen = [];
  ta[method]((...args) => {
    const v = method.startsWith('reduce') ? args[1] : args[0];
    seen.push(v);
    if (seen.length === 2) detach(ta.buffer);
    return method === 'every' ? true : method === 'some' ? false : undefined;
  }, ...extra);
  return seen;
}
for (const m of ['forEach', 'every', 'some', 'find', 'findIndex', 'findLast', 'findLastIndex', 'map', 'filter']) {
  show('detach in ' + m, () => detachDuring(m, []));
}
show('detach in reduce', () => detachDuring('reduce', [0]));
show('detach in reduceRight', () => detachDuring('reduceRight', [0]));

function shrinkDuring(method, generic) {
  const rab = new ArrayBuffer(4, { maxByteLength: 8 });
  const ta = new Uint8Array(rab);
  ta.set([10, 20, 30, 40]);
  const seen = [];
  const fn = (...args) => {
    seen.push(method.startsWith('reduce') ? args[1] : args[0]);
    if (seen.length === 1) rab.resize(2);
    return method === 'every';
  };
  const args = method.startsWith('reduce') ? [fn, 0] : [fn];
  (generic ? Array.prototype[method] : ta[method]).apply(ta, args);
  return seen;
}
for (const m of ['forEach', 'every', 'some', 'reduce', 'reduceRight']) {
  show('shrink in ' + m, () => shrinkDuring(m, false));
  show('shrink in Array ' + m, () => shrinkDuring(m, true));
}

show('reduce empty', () => new Int8Array(0).reduce((a, b) => a + b));
show('reduce one', () => new Int8Array([5]).reduceRight((a, b) => a + b));
show('includes undefined after detach', () => {
  const ta = new Uint8Array(2);
  return ta.includes(undefined, { valueOf() { detach(ta.buffer); return 0; } });
});
show('indexOf empty ignores fromIndex', () => new Uint8Array(0).indexOf(0, { valueOf() { throw new Error('read'); } }));
show('Array indexOf empty', () => [].lastIndexOf(0, { valueOf() { throw new Error('read'); } }));

const calls = [];
Number.prototype.toLocaleString = function () { calls.push(this.valueOf()); return '<' + this + '>'; };
show('toLocaleString', () => [new Int16Array([1, -2, 3]).toLocaleString(), [4, null, undefined, 5].toLocaleString(), calls]);
delete Number.prototype.toLocaleString;
const cyclic = [1];
cyclic.push(cyclic);
show('toLocaleString cyclic', () => cyclic.toLocaleString());
show('toLocaleString not callable', () => [{ toLocaleString: 1 }].toLocaleString());
