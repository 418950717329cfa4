// V8's own `arguments` and `caller` properties of ordinary sloppy functions
// (null, non-writable, non-enumerable, non-configurable), and the kinds of
// functions that have none.
function f(a, b) {}
console.log(Object.getOwnPropertyNames(f), Reflect.ownKeys(f));
console.log(Object.getOwnPropertyDescriptor(f, 'arguments'), Object.getOwnPropertyDescriptor(f, 'caller'));
console.log(f.arguments, f.caller, 'arguments' in f, f.hasOwnProperty('caller'), Object.keys(f));
for (const k in f) console.log('enumerated', k);
const kinds = {
  strict: function () { 'use strict'; },
  arrow: () => 1,
  method: { m() {} }.m,
  getter: Object.getOwnPropertyDescriptor({ get x() { return 1; } }, 'x').get,
  generator: function* () {},
  async: async function () {},
  asyncArrow: async () => {},
  klass: class {},
  bound: f.bind(null),
  builtin: Math.max,
  fromSource: Function('a', 'return a'),
  expression: function named() {},
};
for (const [name, fn] of Object.entries(kinds)) {
  console.log(name, fn.hasOwnProperty('arguments'), fn.hasOwnProperty('caller'), Object.getOwnPropertyNames(fn).join());
}
// Assignment, redefinition and deletion fail (silently in sloppy code).
f.arguments = 1;
f.caller = 2;
console.log(f.arguments, f.caller, delete f.arguments, delete f.caller, f.hasOwnProperty('arguments'));
(function () {
  'use strict';
  try { f.caller = 3; } catch (e) { console.log(e.constructor.name, e.message.startsWith("Cannot assign to read only property 'caller'")); }
  try { delete f.arguments; } catch (e) { console.log(e.constructor.name, e.message.startsWith("Cannot delete property 'arguments'")); }
})();
try { Object.defineProperty(f, 'caller', { value: 4 }); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(Object.defineProperty(f, 'caller', { value: null }) === f, Object.isFrozen(Object.freeze(function () {})));
const { arguments: a, caller: c } = Object.getOwnPropertyDescriptors(function g() {});
console.log(a, c);
// Through an inline cache: the same load site on several sloppy functions
// and objects.
const loads = [f, kinds.fromSource, { arguments: 1, caller: 2 }, kinds.expression, f];
console.log(loads.map((fn) => fn.arguments), loads.map((fn) => fn.caller));
