// BigInts in a heap snapshot: node type "bigint", name "bigint", one
// internal "map" edge, and V8's
// sizes (16 bytes and 8 per 64-bit digit), read back through
// v8.getHeapSnapshot() from the elements of a marked array. bigint.txt is
// node's output:
//
//   node bigint.js > bigint.txt
const v8 = require('v8');
class BigIntHolder {
  constructor() { this.values = [0n, -5n, 2n ** 64n, 2n ** 200n, -(2n ** 127n)]; }
}
globalThis.holder = new BigIntHolder();

(async () => {
  let text = '';
  for await (const c of v8.getHeapSnapshot()) text += c;
  const s = JSON.parse(text);
  const nw = s.snapshot.meta.node_fields.length;
  const ew = s.snapshot.meta.edge_fields.length;
  const types = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const firstEdge = [];
  for (let i = 0, e = 0; i < s.nodes.length; i += nw) { firstEdge.push(e); e += s.nodes[i + 4] * ew; }
  const edgesOf = (n) => {
    const out = [];
    const start = firstEdge[n / nw];
    for (let k = 0; k < s.nodes[n + 4]; k++) {
      const e = start + k * ew;
      out.push({ type: edgeTypes[s.edges[e]], name: s.edges[e + 1], to: s.edges[e + 2] });
    }
    return out;
  };
  for (let i = 0; i < s.nodes.length; i += nw) {
    if (types[s.nodes[i]] !== 'object' || s.strings[s.nodes[i + 1]] !== 'BigIntHolder') continue;
    const arr = edgesOf(i).find((e) => e.type === 'property' && s.strings[e.name] === 'values').to;
    for (const e of edgesOf(arr)) {
      if (e.type !== 'element') continue;
      console.log(e.name, types[s.nodes[e.to]], s.strings[s.nodes[e.to + 1]], s.nodes[e.to + 3], s.nodes[e.to + 4], edgesOf(e.to).map((x) => x.type + ":" + (x.type === "element" || x.type === "hidden" ? x.name : s.strings[x.name])).join());
    }
  }
})();
