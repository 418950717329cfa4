// Logical assignment operators: ??= ||= &&=, with calls on the right.
function make(v) {
  console.log("make", v);
  return v;
}

function fill(o) {
  o.a ??= make("a");
  o.b ||= make("b");
  o.c &&= make("c");
  return o;
}

var first = fill({});
var second = fill({ a: 1, b: 2, c: 3 });
var x = null;
x ??= 5;
x ||= 6;
x &&= 7;
console.log(JSON.stringify(first), JSON.stringify(second), x);
