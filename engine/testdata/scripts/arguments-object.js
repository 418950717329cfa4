// Arguments objects: [object Arguments], sloppy functions' callee.
function f() { return arguments; }
function g() { "use strict"; return arguments; }
var a = f(1, 2), b = g(1);
console.log(Object.prototype.toString.call(a), Object.prototype.toString.call(b), a.callee === f);
console.log(Object.keys(a), JSON.stringify(a), a.length, [...a]);
console.log(Object.getOwnPropertyNames(a));
