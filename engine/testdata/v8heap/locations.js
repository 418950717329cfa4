// Where a heap snapshot locates closures and the objects they construct
// (snapshot.locations: script, 0-based line and column), read back through
// v8.getHeapSnapshot(). V8 locates a function at the "(" of its
// parameters. locations.txt is node's output:
//
//   node locations.js > locations.txt
const v8 = require('v8');
class LeakyThing {
  constructor(i) { this.i = i; }
}
function make(n) { const out = []; for (let i = 0; i < n; i++) out.push(new LeakyThing(i)); return out; }
const arrow = (x) => x + 1;
const single = y => y;
const obj = { method(a, b) { return a; }, get prop() { return 1; } };
const later = async (z) => z;
const gen = function* named(q) { yield q; };
globalThis.kept = [make(2), arrow, single, obj, later, gen];

(async () => {
  let text = '';
  for await (const c of v8.getHeapSnapshot()) text += c;
  const s = JSON.parse(text);
  const width = s.snapshot.meta.node_fields.length;
  const types = s.snapshot.meta.node_types[0];
  const at = {};
  for (let i = 0; i < s.locations.length; i += 4) at[s.locations[i]] = s.locations.slice(i + 2, i + 4);
  const seen = new Set();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i]];
    const name = s.strings[s.nodes[i + 1]];
    if (!['LeakyThing', 'make', 'arrow', 'single', 'method', 'get prop', 'later', 'named'].includes(name)) continue;
    if (type !== 'closure' && type !== 'object') continue;
    seen.add(type + ' ' + name + ' ' + JSON.stringify(at[i] || null));
  }
  for (const key of [...seen].sort()) console.log(key);
})();
