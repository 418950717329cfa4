// Mapped (sloppy-mode) arguments objects: arguments[i] aliases the i-th
// formal parameter of a sloppy function with a simple parameter list.
function f(a) { arguments[0] = 2; return a; }
console.log('write arguments', f(1));
function g(a) { a = 5; return arguments[0]; }
console.log('write parameter', g(1));
function dup(a, a) { arguments[0] = 9; return [a, arguments[0], arguments[1]]; }
console.log('duplicates', dup(1, 2));
function dup2(a, a) { a = 7; return [arguments[0], arguments[1]]; }
console.log('duplicates 2', dup2(1, 2));
function del(a) { delete arguments[0]; arguments[0] = 7; var r = [a, arguments[0]]; a = 8; r.push(arguments[0]); return r; }
console.log('delete unmaps', del(1));
function defv(a) {
  Object.defineProperty(arguments, '0', { value: 3 });
  var r = a;
  Object.defineProperty(arguments, '0', { writable: false });
  a = 10;
  return [r, arguments[0], a];
}
console.log('defineProperty value, then read-only', defv(1));
function defro(a) {
  Object.defineProperty(arguments, '0', { value: 4, writable: false });
  var r = a;
  a = 5;
  return [r, arguments[0], a];
}
console.log('defineProperty value and read-only', defro(1));
function defnv(a) {
  a = 6;
  Object.defineProperty(arguments, '0', { writable: false });
  a = 7;
  return [arguments[0], a];
}
console.log('read-only keeps the current value', defnv(1));
function views(a, b) {
  a = 11;
  return [Object.keys(arguments), JSON.stringify(arguments), Array.prototype.slice.call(arguments),
    [...arguments], Object.getOwnPropertyDescriptor(arguments, '0'), Object.values(arguments),
    Object.entries(arguments), Object.assign({}, arguments), { ...arguments }, Array.from(arguments)];
}
console.log('views', views(1, 2, 3));
function strict(a) { 'use strict'; arguments[0] = 2; return a; }
console.log('strict', strict(1));
function nonSimple(a = 0) { arguments[0] = 2; return a; }
console.log('non-simple', nonSimple(1));
function rest(a, ...r) { arguments[0] = 2; return a; }
console.log('rest', rest(1));
function ev(a) { eval('arguments[0] = 4'); var x = a; eval('a = 6'); return [x, arguments[0], eval('arguments[0]')]; }
console.log('direct eval', ev(1));
function evOnly(a) { return eval('a = 3; arguments[0]'); }
console.log('eval only', evOnly(1));
function* gen(a) { a = 3; yield arguments[0]; arguments[0] = 8; yield a; }
console.log('generator', [...gen(1)]);
async function asy(a) { await null; arguments[0] = 'x'; return a; }
asy(1).then((v) => console.log('async', v));
async function* agen(a) { arguments[0] = 'y'; yield a; }
agen(1).next().then((r) => console.log('async generator', r.value));
function forin(a) {
  var out = [];
  for (var i in arguments) out.push(i + '=' + arguments[i]);
  a = 2;
  for (var i in arguments) out.push(i + '=' + arguments[i]);
  return out;
}
console.log('for-in', forin(1, 5));
function closure(a) { var set = () => a = 42; set(); return arguments[0]; }
console.log('closure writes', closure(0));
function closure2(a) { return function () { return arguments; }; }
console.log('inner function', closure2(1)(3)[0]);
function arrow(a) { var r = () => arguments[0] = 9; r(); return a; }
console.log('arrow writes arguments', arrow(1));
function fewer(a, b) { b = 3; return [arguments.length, arguments[1], 1 in arguments]; }
console.log('fewer arguments', fewer(1));
function fewer2(a, b) { arguments[1] = 3; return [arguments.length, b]; }
console.log('fewer arguments 2', fewer2(1));
function extra(a) { arguments[1] = 3; return [arguments[1], a]; }
console.log('extra arguments', extra(1, 2));
console.log('length', (function (a) { arguments.length = 0; a = 2; return [arguments[0], arguments.length]; })(1));
function nonEnum(a) {
  Object.defineProperty(arguments, '0', { enumerable: false });
  a = 3;
  return [arguments[0], Object.keys(arguments), Object.getOwnPropertyDescriptor(arguments, '0')];
}
console.log('non-enumerable stays mapped', nonEnum(1));
function nonConf(a) {
  Object.defineProperty(arguments, '0', { configurable: false });
  a = 3;
  var r = delete arguments[0];
  arguments[0] = 4;
  return [r, arguments[0], a, Object.getOwnPropertyDescriptor(arguments, '0')];
}
console.log('non-configurable stays mapped', nonConf(1));
function nonConfStrictDelete(a) {
  Object.defineProperty(arguments, '0', { configurable: false });
  try { (function () { 'use strict'; delete this[0]; }).call(arguments); } catch (e) { return e.constructor.name; }
}
console.log('strict delete of non-configurable', nonConfStrictDelete(1));
function accessor(a) {
  Object.defineProperty(arguments, '0', { get() { return 'g'; } });
  a = 3;
  return [arguments[0], a];
}
console.log('accessor unmaps', accessor(1));
function frozen(a) { Object.freeze(arguments); a = 3; return [arguments[0], a, Object.isFrozen(arguments)]; }
console.log('freeze', frozen(1));
function sealed(a) { Object.seal(arguments); a = 3; return [arguments[0], Object.isSealed(arguments)]; }
console.log('seal', sealed(1));
function callee(a) { return arguments.callee === callee; }
console.log('callee', callee(1), Object.getOwnPropertyDescriptor((function (a) { return arguments; })(), 'callee').writable);
function reflect(a) { Reflect.set(arguments, '0', 5); var r = a; Reflect.deleteProperty(arguments, '0'); a = 6; return [r, arguments[0]]; }
console.log('Reflect', reflect(1));
function hasOwn(a) { return [arguments.hasOwnProperty(0), 0 in arguments, Object.getOwnPropertyNames(arguments)]; }
console.log('own', hasOwn(1));
function method() { var o = { m(a) { arguments[0] = 'm'; return a; } }; return o.m(1); }
console.log('method', method());
function spreadCall(a, b) { a = 'A'; return Math.max.apply(null, [arguments.length]) + String.prototype.concat.apply('', arguments); }
console.log('apply', spreadCall(1, 2));
function loop(a) { for (var i = 0; i < 3; i++) { arguments[0] += i; } return a; }
var sum = 0;
for (var j = 0; j < 200; j++) sum += loop(j);
console.log('hot loop', sum);
function loop2(a, b) { for (var i = 0; i < 3; i++) { a += arguments[1]; } return arguments[0]; }
var sum2 = 0;
for (var j = 0; j < 200; j++) sum2 += loop2(j, 2);
console.log('hot loop 2', sum2);
function sliceLater(a, b) { a = 1; b = 2; var s = [].slice.call(arguments); arguments[1] = 5; return s.concat([b]); }
console.log('slice later', sliceLater(0, 0, 0));
function logged(a, b) { a = 'now'; console.log('logged', Array.prototype.join.call(arguments)); }
logged('then', 2);
function shadowed(a) { var arguments; arguments[0] = 2; return a; }
console.log('var arguments', shadowed(1));
function paramNamedArguments(arguments) { return arguments; }
console.log('parameter named arguments', paramNamedArguments(1));
function nonExt(a, b) {
  Object.preventExtensions(arguments);
  a = 2;
  var r = [arguments[0], delete arguments[0]];
  arguments[0] = 5;
  b = 3;
  arguments[1] = 4;
  return r.concat([a, arguments[0], b, Object.keys(arguments), Object.isExtensible(arguments)]);
}
console.log('non-extensible', nonExt(1, 1));
function sealedDelete(a) { Object.seal(arguments); a = 5; return [delete arguments[0], arguments[0]]; }
console.log('sealed delete', sealedDelete(1));
function getterThenValue(a) {
  Object.defineProperty(arguments, '0', { value: 2, writable: true, enumerable: true, configurable: true });
  a = 3;
  return arguments[0];
}
console.log('full data descriptor', getterThenValue(1));
function valueOnNonConfigurable(a) {
  Object.defineProperty(arguments, '0', { configurable: false, enumerable: false });
  Object.defineProperty(arguments, '0', { value: 'v' });
  var r = [a];
  try { Object.defineProperty(arguments, '0', { enumerable: true }); } catch (e) { r.push(e.constructor.name); }
  return r;
}
console.log('value on non-configurable', valueOnNonConfigurable(1));

// console shows arguments objects as node does.
(function (a, b) {
  console.log(arguments, [arguments], { args: arguments });
  a = 'changed';
  console.log(arguments);
})(1, { y: 2 });
(function () { console.log(arguments); })();
(function () { 'use strict'; console.log(arguments); })(3);
