// for-in and for-of loops, with break, continue, and empty iterables.
function keys(obj) {
  var out = [];
  for (var k in obj) {
    if (k === "skip") continue;
    out.push(k);
  }
  return out.join();
}

function values(arr) {
  var s = 0;
  for (const v of arr) {
    if (v < 0) break;
    s += v;
  }
  return s;
}

function emptyOf() {
  for (const v of []) {
    console.log("never", v);
  }
  return "empty";
}

function destructuringOf(pairs) {
  var out = [];
  for (const [a, b] of pairs) out.push(a + b);
  return out.join();
}

console.log(keys({ a: 1, skip: 2, b: 3 }));
console.log(values([1, 2, -1, 5]), values([]));
console.log(emptyOf());
console.log(destructuringOf([[1, 2], [3, 4]]));
