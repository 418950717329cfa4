function add(a, b = 10, ...rest) { return a + b + rest.length; }
console.log(add(1), add(1, 2), add(1, 2, 3, 4), add.length, add.name);
const sq = (x) => x * x;
const obj = { name: "o", regular() { return this.name; }, arrow: () => typeof this };
console.log(sq(9), obj.regular(), obj.arrow());
function makeCounter() {
  let count = 0;
  return { inc: () => ++count, get: () => count };
}
const c1 = makeCounter(), c2 = makeCounter();
c1.inc(); c1.inc(); c2.inc();
console.log(c1.get(), c2.get());
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()));
var vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map((f) => f()));
function outer() { return function inner() { return arguments.length; }; }
console.log(outer()(1, 2, 3));
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(fact(10), fact(20));
const fib = function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); };
console.log(fib(15));
function Greeter(name) { this.name = name; }
Greeter.prototype.greet = function () { return "hi " + this.name; };
const g = new Greeter("bob");
console.log(g.greet(), g instanceof Greeter, Object.getPrototypeOf(g) === Greeter.prototype, g.constructor === Greeter);
function sum() { let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
console.log(sum(1, 2, 3, 4), sum.call(null, 5, 6), sum.apply(null, [7, 8, 9]));
const bound = add.bind(null, 100);
console.log(bound(1), bound.name, bound.length);
function strict() { "use strict"; return this; }
function sloppy() { return this === globalThis; }
console.log(strict(), sloppy());
console.log(((a, b) => a + b)(2, 3), (function () { return typeof arguments; })());
const spreadArgs = [1, 2, 3];
console.log(Math.max(...spreadArgs), add(...spreadArgs, 4), [0, ...spreadArgs, 4]);
function hoisted() { return inner(); function inner() { return "hoisted inner"; } }
console.log(hoisted());
const curry = (a) => (b) => (c) => a + b + c;
console.log(curry(1)(2)(3));
console.log((function () { return this; }).call(7) === 7 ? "strict-ish" : "boxed");
