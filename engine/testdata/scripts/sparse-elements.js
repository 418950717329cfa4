// Array indices that are accessors or carry attributes, very sparse arrays,
// non-writable lengths, holes seen through the prototype chain.
'use strict';
function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.message);
  }
}

// Accessors on indices, over existing elements and past the end.
const a = [1, 2, 3];
let calls = 0;
Object.defineProperty(a, 1, { get() { calls++; return 'g'; }, configurable: true });
show('accessor read', () => [a[1], a.length, JSON.stringify(a), Object.keys(a), calls]);
Object.defineProperty(a, 5, { get() { return 'five'; }, set(v) { this.seen = v; }, enumerable: true, configurable: true });
show('accessor past end', () => [a.length, a[5], a.indexOf('five'), a.join('-')]);
a[5] = 'x';
show('setter ran', () => [a.seen, a[5]]);
show('every/filter/map see getters', () => [a.every((v) => v !== undefined || true), a.filter((v) => typeof v === 'string'), a.map((v) => v)]);
show('descriptor', () => Object.getOwnPropertyDescriptor(a, 1));
Object.defineProperty(a, 1, { value: 'back', writable: true, enumerable: true, configurable: true });
show('back to data', () => [a[1], Object.getOwnPropertyDescriptor(a, 1)]);

// Key order: elements and attributed indices are ascending.
const o = {};
o.b = 1;
Object.defineProperty(o, 7, { value: 'seven', enumerable: true });
o[3] = 'three';
Object.defineProperty(o, 0, { get() { return 'zero'; }, enumerable: true });
o.a = 2;
show('key order', () => [Object.keys(o), Reflect.ownKeys(o), JSON.stringify(o)]);
const ordered = [];
for (const k in o) ordered.push(k);
show('for-in order', () => ordered);

// Non-writable, non-configurable elements.
const ro = [1, 2, 3, 4];
Object.defineProperty(ro, 0, { writable: false });
show('read-only element', () => { ro[0] = 9; return ro; });
show('sloppy read-only', () => Function('a', 'a[0] = 9; return a[0]')(ro));
Object.defineProperty(ro, 2, { value: 'nc', configurable: false });
show('shrink past non-configurable', () => { ro.length = 0; return ro; });
show('sloppy shrink', () => [Function('a', 'a.length = 1; return a.length')(ro), ro]);
show('delete non-configurable', () => delete ro[2]);
show('defineProperty length past it', () => Reflect.defineProperty(ro, 'length', { value: 1 }));
show('length after', () => ro.length);

// Non-writable length.
const nl = [1, 2, 3];
Object.defineProperty(nl, 'length', { writable: false });
show('length descriptor', () => Object.getOwnPropertyDescriptor(nl, 'length'));
show('store past length', () => { nl[5] = 1; return nl; });
show('push', () => nl.push(4));
show('pop', () => nl.pop());
show('after pop', () => nl);
show('same length ok', () => Reflect.defineProperty(nl, 'length', { value: 3 }));
show('other length', () => Reflect.defineProperty(nl, 'length', { value: 2 }));
show('define index past', () => Reflect.defineProperty(nl, 9, { value: 1 }));
show('make writable', () => Reflect.defineProperty(nl, 'length', { writable: true }));
show('invalid length', () => Object.defineProperty([], 'length', { value: -1 }));
let conversions = 0;
show('length coercion', () => { Object.defineProperty([], 'length', { value: { valueOf() { conversions++; return 2; } } }); return conversions; });

// Frozen and sealed arrays.
const fz = Object.freeze([1, 2]);
show('frozen', () => [Object.isFrozen(fz), Object.getOwnPropertyDescriptor(fz, 'length')]);
show('frozen push', () => fz.push(3));
show('frozen store', () => { fz[0] = 5; });
show('frozen length', () => { fz.length = 0; });
const sl = Object.seal([1, 2]);
show('sealed', () => { sl[0] = 7; return [sl, Object.isSealed(sl), Object.isFrozen(sl)]; });
show('sealed push', () => sl.push(3));
show('sealed pop', () => sl.pop());

// Very sparse arrays.
const sp = [];
sp[1e9] = 'far';
show('sparse', () => [sp.length, sp[1e9], Object.keys(sp), 1e9 in sp, 5 in sp]);
sp[4294967294] = 'last';
show('largest index', () => [sp.length, sp[4294967294], Object.keys(sp)]);
sp[4294967295] = 'not an index';
show('past largest', () => [sp.length, Object.keys(sp)]);
show('push past 2^32-1', () => sp.push(1));
sp.length = 10;
show('shrunk', () => [sp.length, sp[1e9], Object.keys(sp)]);
const big = [];
big.length = 4294967295;
show('big length', () => [big.length, big.length === 2 ** 32 - 1]);
show('invalid', () => { big.length = 4294967296; });
const mid = [1];
mid[3000] = 'mid';
show('sparse search', () => [mid.indexOf('mid'), mid.lastIndexOf(1), mid.includes('mid'), mid.filter(() => true)]);
const spo = { length: 3 };
spo[2e9] = 1;
show('sparse object', () => [Object.keys(spo), spo[2e9]]);

// Holes read through the prototype chain.
Array.prototype[1] = 'proto';
const holes = [0, , 2];
show('hole through proto', () => [holes[1], holes.indexOf('proto'), holes.join(), 1 in holes, holes.hasOwnProperty(1)]);
Object.defineProperty(Array.prototype, 3, { get() { return 'pget'; }, configurable: true });
show('proto getter', () => [[0, 1, 2, , 4][3], [0, 1, 2, , 4].indexOf('pget'), [0, 1, 2, , 4].join()]);
delete Array.prototype[1];
delete Array.prototype[3];
show('proto cleaned', () => [holes[1], [, 1][0]]);
const proto = { 0: 'p0', 1: 'p1' };
const child = Object.create(proto);
Object.defineProperty(child, 0, { get() { return 'own'; } });
show('own accessor shadows proto element', () => [child[0], child[1], Array.prototype.slice.call(Object.assign(child, { length: 2 }))]);
let setterSaw;
Object.defineProperty(Array.prototype, 7, { set(v) { setterSaw = v; }, configurable: true });
const withSetter = [];
withSetter[7] = 'via proto';
show('proto setter on hole', () => [setterSaw, withSetter.length, Object.keys(withSetter)]);
delete Array.prototype[7];
