// instanceof with plain functions, bound functions, proxies, classes,
// custom Symbol.hasInstance and prototypes replaced between calls; run hot
// so that optimized code's inline prototype walk is exercised too.
function A() {}
function B() {}
B.prototype = Object.create(A.prototype);
class C extends B {}
const a = new A(), b = new B(), c = new C();
const bound = A.bind(null);
const viaProxy = Object.create(new Proxy(Object.create(A.prototype), {}));
const arrow = () => {};
function method() {}
const obj = { m() {} };

function test(x, F) {
  try {
    return x instanceof F;
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}

const cases = [
  ['a A', a, A], ['b A', b, A], ['c A', c, A], ['a B', a, B], ['c C', c, C],
  ['1 A', 1, A], ['str A', 'x', A], ['null A', null, A], ['undefined A', undefined, A],
  ['a bound', a, bound], ['proxy A', viaProxy, A], ['proxy B', viaProxy, B],
  ['a arrow', a, arrow], ['a method', a, obj.m], ['a {}', a, {}], ['a 1', a, 1],
  ['fn Function', method, Function], ['fn Object', method, Object], ['[] Array', [], Array],
  ['Object.create(null) A', Object.create(null), A],
];

function runAll(label) {
  const out = [];
  for (const [name, x, F] of cases) out.push(name + '=' + test(x, F));
  console.log(label, out.join(' '));
}

for (let i = 0; i < 300; i++) test(a, A), test(b, A), test(1, A), test(a, B);
runAll('hot:');

// A prototype replaced after the function got hot.
A.prototype = B.prototype;
runAll('A.prototype replaced:');
A.prototype = 42;
runAll('A.prototype primitive:');
A.prototype = Object.getPrototypeOf(b).__proto__;

// An own Symbol.hasInstance on the constructor (a new map).
Object.defineProperty(B, Symbol.hasInstance, { value: (v) => v === 1 });
runAll('B custom hasInstance:');

// A function whose prototype chain was changed.
function D() {}
Object.setPrototypeOf(D, { [Symbol.hasInstance]: () => true });
console.log('D setPrototypeOf:', test({}, D), test(1, D));

// A static property (another map, the same answers).
function E() {}
E.extra = 1;
console.log('E static:', test(new E(), E), test(a, E));

// Function.prototype[Symbol.hasInstance] cannot be replaced.
const d = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance);
console.log('descriptor:', d.writable, d.enumerable, d.configurable, typeof d.value, d.value.name, d.value.length);
Function.prototype[Symbol.hasInstance] = () => true;
console.log('assigned:', test({}, A), Function.prototype[Symbol.hasInstance].name);
try {
  'use strict';
  Object.defineProperty(Function.prototype, Symbol.hasInstance, { value: () => true });
} catch (e) {
  console.log('redefine:', e.constructor.name, e.message);
}
console.log('delete:', delete Function.prototype[Symbol.hasInstance]);
