// Proxy: every trap, the forwarding without traps, invariant checks,
// revocation, proxies as prototypes and in for-in, callable proxies.
var log = [];
function note(s) { log.push(s); }
function errName(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}

var target = { a: 1 };
var handler = {
  get(t, k, r) { note('get ' + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { note('set ' + String(k)); return Reflect.set(t, k, v, r); },
  has(t, k) { note('has ' + String(k)); return Reflect.has(t, k); },
  deleteProperty(t, k) { note('delete ' + String(k)); return Reflect.deleteProperty(t, k); },
  ownKeys(t) { note('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { note('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  defineProperty(t, k, d) { note('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
  getPrototypeOf(t) { note('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
  setPrototypeOf(t, p) { note('setPrototypeOf'); return Reflect.setPrototypeOf(t, p); },
  isExtensible(t) { note('isExtensible'); return Reflect.isExtensible(t); },
  preventExtensions(t) { note('preventExtensions'); return Reflect.preventExtensions(t); },
};
var p = new Proxy(target, handler);
console.log(p.a, p.missing, p[0]);
p.b = 2;
p[3] = 'three';
console.log('a' in p, 'zz' in p, 0 in p);
console.log(delete p.a, JSON.stringify(target));
console.log(Object.keys(p), Object.values(p), Object.entries(p));
console.log(Object.getOwnPropertyNames(p));
Object.defineProperty(p, 'x', { value: 5, enumerable: false, configurable: true, writable: true });
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(p, 'x')));
console.log(Object.getPrototypeOf(p) === Object.prototype, Object.isExtensible(p));
Object.setPrototypeOf(p, null);
console.log(Object.getPrototypeOf(target));
Object.setPrototypeOf(p, Object.prototype);
for (var k in p) note('for-in ' + k);
var copy = { ...p };
console.log(JSON.stringify(copy));
console.log(Object.assign({}, p));
Object.preventExtensions(p);
console.log(Object.isExtensible(p), Object.isFrozen(p));
console.log(log.join('\n'));

// No traps: everything forwards to the target.
var plain = new Proxy({ n: 1, get g() { return this === plain; } }, {});
plain.m = 2;
console.log(plain.n, plain.m, plain.g, 'm' in plain, Object.keys(plain));
console.log(plain.hasOwnProperty('n'), Object.prototype.hasOwnProperty.call(plain, 'zz'));

// Callable proxies.
function sum(a, b) { return a + b; }
var fp = new Proxy(sum, {
  apply(t, thisArg, args) { return t.apply(thisArg, args) * 10; },
});
console.log(typeof fp, fp(1, 2), fp.call(null, 3, 4), fp.apply(null, [5, 6]), fp.name, fp.length);
console.log(Object.prototype.toString.call(fp), Object.prototype.toString.call(new Proxy([], {})));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
var PP = new Proxy(Point, {
  construct(t, args, nt) { note2.push('construct ' + args.length + ' ' + (nt === PP)); return new t(...args); },
});
var note2 = [];
var pt = new PP(1, 2);
console.log(pt.x, pt.y, pt instanceof Point, pt instanceof PP, note2);
var forwarded = new (new Proxy(Point, {}))(3, 4);
console.log(forwarded.x, forwarded instanceof Point);
console.log(errName(() => new (new Proxy(sum, { construct() { return 1; } }))()));
console.log(errName(() => new Proxy({}, {})()));
console.log(errName(() => new (new Proxy(() => 1, {}))()));

// Revocation.
var r = Proxy.revocable({ v: 1 }, {});
console.log(r.proxy.v, typeof r.revoke, r.revoke.length, r.revoke.name === '');
r.revoke();
r.revoke();
console.log(errName(() => r.proxy.v), errName(() => r.proxy.v = 1), errName(() => 'v' in r.proxy));
console.log(errName(() => Array.isArray(r.proxy)), errName(() => Object.keys(r.proxy)));
console.log(errName(() => Object.prototype.toString.call(r.proxy)));
console.log(typeof r.proxy);

// Array.isArray and proxies as prototypes.
console.log(Array.isArray(new Proxy([], {})), Array.isArray(new Proxy(new Proxy([1], {}), {})), Array.isArray(new Proxy({}, {})));
var protoLog = [];
var proto = new Proxy({ inherited: 'yes' }, {
  get(t, k, rcv) { protoLog.push('get ' + String(k)); return Reflect.get(t, k, rcv); },
  set(t, k, v, rcv) { protoLog.push('set ' + String(k)); return Reflect.set(t, k, v, rcv); },
  has(t, k) { protoLog.push('has ' + String(k)); return Reflect.has(t, k); },
});
var child = Object.create(proto);
child.own = 1;
child[5] = 'five';
console.log(child.own, child.inherited, child.nothing, 'inherited' in child, 'own' in child);
console.log(Object.keys(child), child.hasOwnProperty('own'), child.hasOwnProperty(5));
for (var ck in child) protoLog.push('for-in ' + ck);
console.log(protoLog.join(', '));

// Invariants.
var frozen = Object.freeze({ k: 1 });
console.log(errName(() => new Proxy(frozen, { get() { return 2; } }).k));
console.log(errName(() => new Proxy(frozen, { get() { return 1; } }).k));
console.log(errName(() => new Proxy(frozen, { has() { return false; } }).k));
console.log(errName(() => 'k' in new Proxy(frozen, { has() { return false; } })));
console.log(errName(() => Object.keys(new Proxy(frozen, { ownKeys() { return []; } }))));
console.log(errName(() => Object.keys(new Proxy({}, { ownKeys() { return ['a', 'a']; } }))));
console.log(errName(() => Object.keys(new Proxy({}, { ownKeys() { return [1]; } }))));
console.log(errName(() => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1, configurable: false }; } }), 'q')));
console.log(errName(() => Object.defineProperty(new Proxy({}, { defineProperty() { return false; } }), 'q', { value: 1 })));
console.log(Reflect.defineProperty(new Proxy({}, { defineProperty() { return false; } }), 'q', { value: 1 }));
console.log(errName(() => { 'use strict'; new Proxy({}, { set() { return false; } }).q = 1; }));
console.log(errName(() => { new Proxy({}, { set() { return false; } }).q = 1; }));
console.log(errName(() => { 'use strict'; delete new Proxy({}, { deleteProperty() { return false; } }).q; }));
console.log(errName(() => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf() { return Array.prototype; } }))));
console.log(errName(() => Object.isExtensible(new Proxy({}, { isExtensible() { return false; } }))));
console.log(errName(() => Object.preventExtensions(new Proxy({}, { preventExtensions() { return true; } }))));
console.log(errName(() => new Proxy({}, { get: 1 }).x));
console.log(errName(() => new Proxy(1, {})), errName(() => new Proxy({}, null)), errName(() => Proxy({}, {})));
console.log(Object.getOwnPropertyNames(Proxy).sort(), 'prototype' in Proxy);

// Reflect with receivers.
var recv = {};
var withSetter = { set s(v) { this.saw = v; }, get g() { return this.tag; } };
Reflect.set(withSetter, 's', 7, recv);
console.log(recv.saw, Reflect.get(withSetter, 'g', { tag: 'rcv' }));
console.log(Reflect.set(Object.freeze({ z: 1 }), 'z', 2), Reflect.set({}, 'z', 2, 1));
console.log(new Proxy({ a: 1, b: [1, 2] }, {}), new Proxy(function named() {}, {}));
