// The expression of a for-in/of head with let/const runs where the names
// the head declares are uninitialized: closures created there see those
// bindings (in their TDZ forever), not outer variables of the same names.
let x = 'outside';
var probeDecl, probeExpr, probeBody;
for (let [x, _ = probeDecl = function () { return x; }] in { i: probeExpr = function () { return typeof x; } })
  probeBody = function () { return x; };
try { probeExpr(); console.log('no error'); } catch (e) { console.log(e.name); }
console.log(probeDecl(), probeBody(), x);

for (const [y, _ = probeDecl = () => y] of [['a'], (probeExpr = () => { y = 1; }, ['b'])])
  probeBody = () => y;
try { probeExpr(); console.log('no error'); } catch (e) { console.log(e.name); }
console.log(probeDecl(), probeBody());

try { for (let z of z) ; } catch (e) { console.log(e.name); }
try { for (let z in z) ; } catch (e) { console.log(e.name); }
try { for (let z of (() => z)()) ; } catch (e) { console.log(e.name); }

// Loops whose head does not refer to its names are unaffected.
var fns = [];
for (let w of [1, 2, 3]) fns.push(() => w);
for (const k in { p: 1, q: 2 }) fns.push(() => k);
console.log(fns.map((f) => f()).join());
function g(v) {
  for (let v2 of [v, eval('v')]) fns.push(() => v2 + eval('v2'));
  return fns.slice(-2).map((f) => f()).join();
}
console.log(g(5));
