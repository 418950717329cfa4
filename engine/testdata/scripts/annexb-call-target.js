// Annex B: in sloppy code a call is an assignment target that throws a
// ReferenceError at run time, after the call, before the value is evaluated.
var log = [];
function f() { log.push('f'); return { valueOf() { log.push('valueOf'); return 1; } }; }
function g() { log.push('g'); return 1; }
for (const src of ['f() = g()', 'f() += g()', 'f()++', '--f()', 'for (f() in { a: 1 }) g();', 'for (f() of [1]) g();', 'for (f() in {}) g();']) {
  log = [];
  try { eval(src); console.log(src, 'no error', log.join()); } catch (e) { console.log(src, e.name, log.join()); }
}
function direct() {
  log = [];
  try { f() = g(); } catch (e) { console.log(e.name, log.join()); }
  try { f()++; } catch (e) { console.log(e.name, log.join()); }
}
direct();
