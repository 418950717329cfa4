// Annex B.3.2 (B.3.3 in older editions): block-level function declarations
// in sloppy code also get a var binding in the enclosing function, script or
// eval, assigned when the declaration is evaluated. Only cases where node 20
// follows the spec; engine/annexb_test.go has those where it does not.

// The var binding exists (undefined) before the block runs.
(function () {
  console.log('before', typeof f, f === undefined);
  { function f() { return 'inner'; } }
  console.log('after', f());
})();

// A same-named function declaration of the function is updated by the block's.
(function () {
  var seen = f();
  { function f() { return 'inner'; } }
  console.log(seen, f());
  function f() { return 'outer'; }
})();

// ...and so is a var.
(function () {
  var f = 1;
  console.log(f);
  { function f() { return 'block'; } }
  console.log(typeof f, f());
})();

// An if statement's declarations, both branches.
(function () {
  if (true) function a() { return 'a1'; } else function a() { return 'a2'; }
  if (false) function b() { return 'b1'; } else function b() { return 'b2'; }
  console.log(a(), b());
})();

// Switch cases and default.
(function (k) {
  switch (k) {
    case 1: function c() { return 'case'; }
    default: function d() { return 'default'; }
  }
  console.log(c(), d());
})(1);

// A block not run leaves the binding undefined.
(function () {
  if (false) { function e() {} }
  console.log(typeof e);
})();

// Only when the declaration is evaluated: later changes to the block's
// binding stay in the block.
(function () {
  {
    function g() { return 1; }
    g = 2;
    console.log('in block', g);
  }
  console.log('outside', typeof g);
})();

// A let of the same name in between: no var binding, no update.
(function () {
  let h = 'let';
  { function h() {} }
  console.log(h);
})();
(function () {
  {
    let i = 'let';
    { function i() {} }
    console.log(i);
  }
  console.log(typeof i);
})();

// Parameters are never replaced.
console.log((function (p) { { function p() {} } return p; })('param'));
console.log((function (p = 'default') { { function p() {} } return p; })());
console.log((function (q = 1) { { function r() { return 'r'; } } return r(); })());

// A simple catch parameter does not stop it; the catch parameter keeps its value.
(function () {
  try { throw 'thrown'; } catch (j) {
    { function j() {} }
    console.log('catch', j);
  }
  console.log(typeof j);
})();

// A destructured catch parameter does (var j would be an early error there).
(function () {
  try { throw {}; } catch ({ k }) {
    { function k() {} }
  }
  console.log(typeof k);
})();

// Global code (run by indirect eval: node runs this file as a CommonJS
// module, a function): the global object's property.
(0, eval)(`
  console.log('global before', typeof gf, 'gf' in globalThis);
  { function gf() { return 'gf'; } }
  console.log('global after', gf(), globalThis.gf === gf);
  var gv = 'var';
  { function gv() {} }
  console.log(typeof gv);
  let gl = 'let';
  { function gl() {} }
  console.log(gl);
  switch (1) { case 1: function gs() { return 'gs'; } }
  console.log(gs());
  { function ig() { return 'ig'; } }
`);
console.log(ig(), Object.getOwnPropertyDescriptor(globalThis, 'ig').configurable);

// Direct eval in a function: the function's var scope.
(function () {
  eval('{ function ef() { return "ef"; } }');
  console.log(ef());
  var ev = 1;
  eval('{ function ev() { return "ev"; } }');
  console.log(typeof ev);
  eval('let el = 1; { function el() {} } console.log(typeof el);');
  eval('console.log(typeof eu); { function eu() {} } console.log(typeof eu);');
  console.log(typeof eu);
})();
(function () {
  var after;
  eval('{ function f() { return "inner"; } } after = f; function f() { return "outer"; }');
  console.log(after());
})();

// with: the var binding is set, not the object's property of the same name.
(function () {
  var o = { w: 'prop' };
  with (o) {
    { function w() {} }
  }
  console.log(o.w, typeof w);
})();

// Strict code has no such var.
(function () {
  'use strict';
  { function s() {} }
  console.log(typeof s);
})();
