// Destructuring with default values in declarations, parameters and assignments.
function config({ host = "localhost", port = 80 } = {}) {
  return host + ":" + port;
}

function pair([x = 1, y = x + 1] = []) {
  return x + y;
}

function expensive() {
  console.log("default computed");
  return 99;
}

var { p = expensive(), q = expensive() } = { p: 1 };
var [m = expensive(), n = 2] = [5];
var u, w;
({ u = "u-default", w = "w-default" } = { w: "given" });

console.log(config(), config({ port: 8080 }), config({ host: "h" }));
console.log(pair(), pair([5]), pair([5, 5]));
console.log(p, q, m, n, u, w);
