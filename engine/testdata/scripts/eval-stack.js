// Stack traces, errors and function sources of eval code, as V8 shows
// them (node's own frames left out; the top level's frame shown as a
// classic script's, since node runs this file as a CommonJS module).
function frames(e) {
  return e.stack.split('\n').filter((l) => !l.includes('node:'))
    .map((l) => l.replace(/[^ (]*\/(eval-stack\.js)/g, '$1')
      .replace(/^    at Object\.<anonymous> \((.*)\)$/, '    at $1')).join('\n');
}
function f(x) {
  return eval('  new Error("boom")');
}
console.log(frames(f(1)));
const g = () => eval('(function inner() { return new Error("in"); })()');
console.log(frames(g()));
console.log(frames(eval('new Error("top")')));
console.log(frames((0, eval)('new Error("indirect")')));
function h() { return eval('eval(\'new Error("nested")\')'); }
console.log(frames(h()));
class K {
  m() { return eval('new Error("method")'); }
  static s() { return eval('(() => new Error("static arrow"))()'); }
}
console.log(frames(new K().m()));
console.log(frames(K.s()));
function thrower() { eval('\n\n  throw new TypeError("thrown")'); }
try { thrower(); } catch (e) { console.log(frames(e)); }

// Early errors of eval code are thrown at the eval call.
function earlyErrors() {
  for (const src of ['let q = 1; q = ;', 'var 1x', 'return 1', 'break', 'new.target', 'super.x', 'let a; let a;', '"use strict"; var eval;', '"use strict"; 010', 'yield 1']) {
    try { eval(src); console.log('no error for', src); } catch (e) { console.log(JSON.stringify(src), '->', frames(e)); }
  }
}
earlyErrors();
function inFunction() {
  try { eval('new.target = 1'); } catch (e) { console.log(e.constructor.name, e.message); }
  try { eval('super()'); } catch (e) { console.log(e.constructor.name, e.message); }
  try { eval('arguments = 1; var arguments;'); console.log('arguments ok', typeof arguments); } catch (e) { console.log(e.constructor.name, e.message); }
}
inFunction();
class Field { x = (() => { try { return eval('arguments'); } catch (e) { return e.constructor.name + ': ' + e.message; } })(); }
console.log(new Field().x);

// Reference and type errors inside eval code.
function refs() {
  try { eval('notDefinedAnywhere'); } catch (e) { console.log(frames(e)); }
  try { eval('let t = tdz; const tdz = 1;'); } catch (e) { console.log(e.constructor.name, e.message); }
  const k = 1;
  try { eval('k++'); } catch (e) { console.log(e.constructor.name, e.message); }
  try { eval('(function () { "use strict"; undeclaredStrict = 1; })()'); } catch (e) { console.log(e.constructor.name, e.message); }
}
refs();

// Function.prototype.toString and names of eval code's functions.
const made = eval('(class Made { method() { return 1; } })');
console.log(made.toString(), made.name, made.prototype.method.toString());
const multi = eval('\n  function first(a) {\n    return a;\n  }\n  first');
console.log(multi.toString(), multi.name);
