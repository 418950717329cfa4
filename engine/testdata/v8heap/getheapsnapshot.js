// v8.getHeapSnapshot() and v8.writeHeapSnapshot() as programs use them: the
// text read back (async iteration, 'data' events, read()) parses as a
// snapshot that holds the program's objects. getheapsnapshot.txt is node's output:
//
//   node getheapsnapshot.js > getheapsnapshot.txt
const v8 = require('v8');
class Marker {
  constructor(i) {
    this.i = i;
  }
}
globalThis.kept = [new Marker(1), new Marker(2), new Marker(3)];

function count(text, name) {
  const s = JSON.parse(text);
  const meta = s.snapshot.meta;
  const width = meta.node_fields.length;
  const objectType = meta.node_types[0].indexOf('object');
  let n = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    if (s.nodes[i] === objectType && s.strings[s.nodes[i + 1]] === name) n++;
  }
  return [n, width, Object.keys(meta).join(',')];
}

console.log(typeof v8.getHeapSnapshot, v8.getHeapSnapshot.length, typeof v8.writeHeapSnapshot, v8.writeHeapSnapshot.length);
for (const bad of [1, 'x', true]) {
  try {
    v8.getHeapSnapshot(bad);
  } catch (e) {
    console.log(e.name, e.code);
  }
}
(async () => {
  let text = '';
  for await (const chunk of v8.getHeapSnapshot()) text += chunk;
  console.log('for await', count(text, 'Marker'));

  const stream = v8.getHeapSnapshot({exposeInternals: true, exposeNumericValues: true});
  let events = '';
  stream.on('data', (c) => { events += c; });
  await new Promise((resolve) => stream.on('end', resolve));
  console.log('events', count(events, 'Marker'), stream.readableEnded);

  kept.push(new Marker(4));
  let again = '';
  const s2 = v8.getHeapSnapshot();
  let c;
  while ((c = s2.read()) !== null) again += c;
  console.log('read', count(again, 'Marker'));
})();
