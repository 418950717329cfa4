// kernels.js — the workload of BenchmarkCoverageOverhead: the engine's
// benchmark kernels (engine/bench_test.go) in one script, with branches
// and loops for block counters to count. It defines globalThis.suite; run
// it as a classic script (our engine) or require() it (node.js, see
// node_driver.js).
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

function propertyLoop(n) {
  const p = { x: 1, y: 2, z: 3 };
  let s = 0;
  for (let i = 0; i < n; i++) { p.x = p.y + i; s += p.x + p.z; }
  return s;
}

class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
}
function methodCalls(n) {
  let v = new Vec(0, 0);
  const d = new Vec(1, 2);
  for (let i = 0; i < n; i++) v = v.add(d);
  return v.x + v.y;
}

function stringBuild(n) {
  let s = "";
  for (let i = 0; i < n; i++) s += "item" + i + ",";
  return s.length;
}

function arrayPushSum(n) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(i);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] % 3 === 0) continue;
    s += a[i] % 2 ? a[i] : -a[i];
  }
  return s;
}

function suite() {
  return fib(22) + propertyLoop(200000) + methodCalls(30000) + stringBuild(30000) + arrayPushSum(50000);
}
globalThis.suite = suite;
