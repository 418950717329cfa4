// Sloppy-mode with statements and code inside them.
var scope = { a: 1, b: 2 };

function readWith(o) {
  with (o) {
    if (a > 0) {
      return a + b;
    }
    return 0;
  }
}

with (scope) {
  console.log(a, b);
}
console.log(readWith(scope), readWith({ a: -1, b: 0 }));
