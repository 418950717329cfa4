// Async generators and for-await-of.
async function* countTo(n) {
  for (var i = 1; i <= n; i++) {
    await null;
    yield i;
  }
}

async function* neverIterated() {
  yield "never";
}

async function consume() {
  var total = 0;
  for await (const v of countTo(3)) {
    total += v;
  }
  for await (const w of [Promise.resolve(10), 20]) {
    total += w;
  }
  return total;
}

var unused = neverIterated();
consume().then(function (t) {
  console.log("total", t, typeof unused);
});
