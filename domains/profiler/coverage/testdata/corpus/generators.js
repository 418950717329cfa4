// Generators: yield, yield*, return, early termination and unfinished generators.
function* range(n) {
  for (var i = 0; i < n; i++) {
    yield i;
  }
  return "done";
}

function* delegate() {
  yield "a";
  yield* range(2);
  yield "b";
}

function* early() {
  try {
    yield 1;
    yield 2;
    console.log("never");
  } finally {
    console.log("cleanup");
  }
}

function* neverStarted() {
  yield "x";
}

var out = [];
for (var v of delegate()) out.push(v);
console.log(out.join());

var g = early();
console.log(g.next().value);
g.return(0);

var unused = neverStarted();
var r = range(3);
console.log(r.next().value, r.next().value);
console.log(typeof unused);
