// while loops: taken, never taken, with complex conditions.
function gcd(a, b) {
  while (b !== 0) {
    var t = b;
    b = a % b;
    a = t;
  }
  return a;
}

function neverLoops() {
  var i = 10;
  while (i < 5) {
    i++;
  }
  return i;
}

function condition(list) {
  var i = 0;
  while (i < list.length && list[i] !== "stop") i++;
  return i;
}

console.log(gcd(48, 18), gcd(7, 0));
console.log(neverLoops());
console.log(condition(["a", "b", "stop", "c"]), condition([]));
