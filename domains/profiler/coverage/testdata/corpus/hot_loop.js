// A function called often enough for V8 to optimize it: precise coverage must
// still count every call (optimization is disabled while it is on).
function square(x) {
  return x * x;
}

function branchy(i) {
  if (i % 3 === 0) {
    return 1;
  }
  return 0;
}

var acc = 0;
var hits = 0;
for (var i = 0; i < 20000; i++) {
  acc += square(i % 100);
  hits += branchy(i);
}
console.log(acc, hits);
