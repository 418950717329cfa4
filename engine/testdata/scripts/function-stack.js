// Stack frames of code a Function constructor compiles: V8's eval origin.
function frames(e) { return e.stack.split('\n').filter((l) => !l.includes('node:')).map((l) => l.replace(/[^ (]*\/(function-stack\.js)/g, '$1').replace(/^    at Object\.<anonymous> \((.*)\)$/, '    at $1')).join('\n'); }
function f() { return new Function('a', 'b', 'return new Error(a + b)')(1, 2); }
console.log(frames(f()));
const g = new Function('return (function named() { return new Error("n"); })()');
console.log(frames(g()));
const h = Function('return [1].map(() => new Error("arrow"))[0]');
console.log(frames(h()));
