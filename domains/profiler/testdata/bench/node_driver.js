// node_driver.js — runs kernels.js's suite() under node as
// BenchmarkCoverageOverhead runs it under our engine: two warm-up calls,
// then the given number of timed calls; prints the mean ms per call.
// NODE_V8_COVERAGE in the environment turns node's coverage on.
//
//   node node_driver.js <calls>
require("./kernels.js");
const calls = Number(process.argv[2] || 10);
globalThis.suite();
globalThis.suite();
const t0 = process.hrtime.bigint();
for (let i = 0; i < calls; i++) globalThis.suite();
const ms = Number(process.hrtime.bigint() - t0) / 1e6 / calls;
console.log(JSON.stringify({ msPerSuite: ms }));
