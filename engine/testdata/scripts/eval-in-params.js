// Sloppy direct eval in parameter expressions: its vars are seen by the
// closures of every parameter and by the body; declaring a var of a
// parameter's name is a SyntaxError (the parameters' environment lies
// between the eval and the var environment).
var x = 'outside';
var probe1, probe2, probeBody;
(function (
  _ = (eval('var x = "inside";'), probe1 = function () { return x; }),
  __ = probe2 = function () { return x; }
) {
  probeBody = function () { return x; };
})();
console.log(probe1(), probe2(), probeBody());
(function (
  _ = probe1 = function () { return x; },
  ...[__ = (eval('var x = "rest";'), probe2 = function () { return x; })]
) {})();
console.log(probe1(), probe2());
(function ({ [eval("var x = 'key'")]: ignored }) { console.log(x); })({});
console.log(x);
for (const src of ['(function (a = eval("var a = 42")) { console.log("body"); })()',
  '(function (a, b = eval("var a")) {})()',
  '((a = eval("var a = 1")) => {})()',
  '(function (a = eval("function a() {}")) {})()']) {
  try { eval(src); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
}
console.log((function (a = eval('var b = 2'), c = b) { return c; })());
console.log((function (a = () => eval('var a = 3; a')) { return a(); })());
