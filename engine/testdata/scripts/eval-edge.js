// Direct eval and with: hoisting, Annex B, loops, deletion.
function a1(a) { eval("function a(){}"); return typeof a; }
console.log(a1(1));
function a2() { eval("x = 1; var x;"); return x; }
console.log(a2(), typeof x);
function a3() { try { throw 1 } catch (e) { eval("var e = 2"); return e; } }
console.log(a3());
function a4() { var out = []; for (var i = 0; i < 3; i++) out.push(eval("i")); return out.join(); }
console.log(a4());
function a5() { eval("var f1 = function(){ return 'f1' }"); return f1(); }
console.log(a5());
let s = 0; for (let i = 0; i < 20000; i++) { s += eval("i"); } console.log(s);
function a6() { var o = { v: 1 }; with (o) { var v = 2; } return [o.v, v]; }
console.log(a6());
function a7() { with ({}) { function inner() { return 'inner'; } } return inner(); }
console.log(a7());
function a8(x) { with ({ x: 'obj' }) { return (() => x)(); } }
console.log(a8('param'));
function a9() { const fns = []; for (let i = 0; i < 3; i++) { with ({ j: i }) { fns.push(() => i + j); } } return fns.map(f => f()).join(); }
console.log(a9());
globalThis.g1 = 'global'; function a10() { eval("var g1 = 'local'"); return [g1, globalThis.g1]; }
console.log(a10());
function a11() { "use strict"; var r = eval("var q = 1; q + 1"); return [r, typeof q]; }
console.log(a11());
function a12() { return eval("let z = 5; (function(){ return z * 2 })()"); }
console.log(a12());
function a13(p = eval("1 + 1"), q = p) { return [p, q]; }
console.log(a13());
label: { eval("1"); }
console.log(eval("var v1 = 1; v1++ ; v1"));
function a14() { eval("var deleted = 1"); delete deleted; try { return deleted; } catch (e) { return e.message; } }
console.log(a14());
