// ArraySpeciesCreate in map/filter/slice/splice/concat/flat/flatMap,
// Symbol.isConcatSpreadable, and the generic methods on array-likes and
// proxies with the specification's observable order.
'use strict';
function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.message);
  }
}

class MyArray extends Array {}
const m = MyArray.from([1, 2, 3, 4]);
for (const name of ['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap']) {
  const args = { map: [(x) => x * 2], filter: [(x) => x % 2], slice: [1], splice: [0, 1], concat: [[9]], flat: [], flatMap: [(x) => [x, x]] }[name];
  const r = MyArray.from(m)[name](...args);
  show(name, () => [r instanceof MyArray, r.constructor.name, Array.from(r)]);
}
show('Array[Symbol.species]', () => [Array[Symbol.species] === Array, Object.getOwnPropertyDescriptor(Array, Symbol.species).get.name]);

// A species constructor sees the length and its instance is filled with
// CreateDataProperty (not Set): setters on it are not called.
const log = [];
function Species(n) {
  log.push('new ' + n);
  return new Proxy({}, {
    defineProperty(t, k, d) { log.push('define ' + String(k) + '=' + d.value); return Reflect.defineProperty(t, k, d); },
    set(t, k, v, r) { log.push('set ' + String(k) + '=' + v); return Reflect.set(t, k, v, r); },
  });
}
const src = [1, 2, 3];
src.constructor = { [Symbol.species]: Species };
src.map((x) => x + 1);
src.filter((x) => x > 1);
src.slice(1, 3);
src.concat([4]);
show('species log', () => log);
src.constructor = { [Symbol.species]: null };
show('species null', () => Array.isArray(src.map((x) => x)));
src.constructor = { [Symbol.species]: 42 };
show('species not a constructor', () => src.map((x) => x));
src.constructor = 42;
show('constructor not an object', () => src.map((x) => x));
const notArray = { length: 2, 0: 'a', 1: 'b', constructor: MyArray };
show('not an array ignores constructor', () => Array.prototype.map.call(notArray, (x) => x).constructor === Array);

// A non-configurable property in the way throws.
function Frozen() { return Object.freeze([0, 0]); }
const fz = [1, 2];
fz.constructor = { [Symbol.species]: Frozen };
show('define on frozen', () => fz.map((x) => x));

// Symbol.isConcatSpreadable.
const spreadObj = { length: 3, 0: 'x', 2: 'z', [Symbol.isConcatSpreadable]: true };
const unspread = [7, 8];
unspread[Symbol.isConcatSpreadable] = false;
show('concat spreadable', () => [].concat(spreadObj, unspread, 'str'));
show('concat holes', () => { const r = [1, , 3].concat([, 5]); return [r.length, 1 in r, 3 in r]; });
show('concat proxy array', () => [0].concat(new Proxy([1, 2], {})));
const { proxy, revoke } = Proxy.revocable([], {});
revoke();
show('concat revoked', () => [].concat(proxy));

// flat/flatMap.
show('flat depth', () => [[1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, [2]].flat(-1)]);
show('flatMap one level', () => [1, 2].flatMap((x) => [[x]]));
show('flatMap this', () => [1].flatMap(function () { return this.v; }, { v: 't' }));

// Generic methods on array-likes and proxies: the order of traps.
function traced(target) {
  const ops = [];
  const p = new Proxy(target, {
    get(t, k, r) { ops.push('get ' + String(k)); return Reflect.get(t, k, r); },
    has(t, k) { ops.push('has ' + String(k)); return Reflect.has(t, k); },
    set(t, k, v, r) { ops.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
    deleteProperty(t, k) { ops.push('delete ' + String(k)); return Reflect.deleteProperty(t, k); },
    defineProperty(t, k, d) { ops.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
    getOwnPropertyDescriptor(t, k) { ops.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  });
  return [p, ops];
}
for (const [name, args] of [['reverse', []], ['shift', []], ['unshift', [0]], ['splice', [1, 1, 'x', 'y']], ['copyWithin', [0, 2]], ['fill', [0, 1, 2]], ['indexOf', [3]], ['includes', [3]], ['lastIndexOf', [1]], ['pop', []], ['push', [5]], ['slice', [1]]]) {
  const [p, ops] = traced([1, , 3]);
  show('trace ' + name, () => { Array.prototype[name].apply(p, args); return ops.join(', '); });
}
const al = { length: 3, 0: 'a', 1: 'b', 2: 'c' };
show('array-like methods', () => [
  Array.prototype.join.call(al, '+'),
  Array.prototype.map.call(al, (x) => x.toUpperCase()),
  Array.prototype.reverse.call({ length: 2, 0: 1 }),
  Array.prototype.push.call({ length: 2 ** 53 - 2 }, 1),
]);
show('push overflow', () => Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1));

// Change-by-copy methods read only what they keep, in order.
const reads = [];
const watched = { length: 4 };
for (let i = 0; i < 4; i++) Object.defineProperty(watched, i, { get() { reads.push(i); return 'v' + i; } });
show('toReversed', () => [Array.prototype.toReversed.call(watched), reads.splice(0)]);
show('toSpliced', () => [Array.prototype.toSpliced.call(watched, 1, 2, 'x'), reads.splice(0)]);
show('toSpliced no args', () => [[1, , 3].toSpliced(), [1, 2].toSpliced(5, 0, 9)]);
show('with', () => [Array.prototype.with.call(watched, 2, 'w'), reads.splice(0)]);
show('toReversed too long', () => Array.prototype.toReversed.call({ length: 2 ** 32 }));
let iterGets = 0;
const viaGetter = { get [Symbol.iterator]() { iterGets++; return [][Symbol.values] || Array.prototype.values.bind(['i', 'j']); } };
show('from iterator getter', () => [Array.from(viaGetter), iterGets]);
show('of subclass', () => { const r = MyArray.of(1, 2); return [r instanceof MyArray, r.length]; });
