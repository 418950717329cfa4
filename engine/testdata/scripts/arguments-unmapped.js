// Unmapped arguments objects: strict functions and sloppy functions with
// non-simple parameters get a callee accessor pair that throws
// %ThrowTypeError%; sloppy functions with simple parameters get callee =
// the function itself.
function sloppy(a, b) { return arguments.callee === sloppy; }
console.log('sloppy callee', sloppy(1));
const sd = (function (a) { return Object.getOwnPropertyDescriptor(arguments, 'callee'); })();
console.log('sloppy desc', typeof sd.value, sd.writable, sd.enumerable, sd.configurable);

function show(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name, e.message); }
}
function strict(a) {
  'use strict';
  show('strict get', () => arguments.callee);
  // (V8's message here is its read-only one; the spec's setter is %ThrowTypeError%.)
  try { arguments.callee = 1; console.log('strict set: no throw'); } catch (e) { console.log('strict set', e.constructor.name); }
  show('strict delete', () => delete arguments.callee);
  return Object.getOwnPropertyDescriptor(arguments, 'callee');
}
const d = strict(1);
console.log('desc', d.get === d.set, typeof d.get, d.enumerable, d.configurable, 'value' in d);
console.log('tte', d.get.length, JSON.stringify(d.get.name), Object.isExtensible(d.get));
show('tte call', () => d.get());

function withDefault(a = 1) { show('default', () => arguments.callee); return arguments.length; }
console.log('length', withDefault());
function withRest(...r) { show('rest', () => arguments.callee); return [...arguments]; }
console.log(withRest(1, 2));
function withPattern({ x }, [y]) { show('pattern', () => arguments.callee); return Object.keys(arguments); }
console.log(withPattern({ x: 1 }, [2]));
(function () { 'use strict'; show('strict anon', () => arguments.callee); })();
class C { m() { show('class method', () => arguments.callee); } }
new C().m();
function* gen(a) { 'use strict'; show('strict generator', () => arguments.callee); yield arguments.length; }
console.log([...gen(1, 2)]);
function* sgen(a) { yield arguments.callee === sgen; }
console.log([...sgen()]);
const strictD = (function () { 'use strict'; return Object.getOwnPropertyDescriptor(arguments, 'callee'); })();
console.log('same tte', strictD.get === d.get);
console.log('keys', Object.getOwnPropertyNames((function (a) { 'use strict'; return arguments; })(1)));
console.log(Object.prototype.toString.call((function (a = 0) { return arguments; })()));
