// && || ?? in expressions and n-ary chains.
function and(a, b) {
  return a && b;
}

function or(a, b, c) {
  return a || b || c;
}

function nullish(a, b) {
  return a ?? b;
}

function mixed(a, b, c) {
  return (a && b) || (c ?? "fallback");
}

function callsRight(x) {
  return x || compute();
}

function compute() {
  return 42;
}

console.log(and(true, 1), and(false, 1), and(0, 2));
console.log(or(0, 0, 3), or(1, 0, 0), or(0, 2, 0));
console.log(nullish(null, 1), nullish(undefined, 2), nullish(0, 3));
console.log(mixed(1, 2, 3), mixed(0, 2, null), mixed(1, 0, 5));
console.log(callsRight(1), callsRight(0));
var top = null ?? (0 || (1 && "top"));
console.log(top);
