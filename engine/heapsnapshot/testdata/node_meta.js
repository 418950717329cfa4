// Writes the snapshot.meta of node's heap snapshots to node_meta.json, the
// oracle of TestMetaIsNode20s. Run from this directory: node node_meta.js
const v8 = require('v8');
const fs = require('fs');
const file = v8.writeHeapSnapshot('/tmp/node_meta.heapsnapshot');
const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
fs.unlinkSync(file);
fs.writeFileSync(__dirname + '/node_meta.json', JSON.stringify(snap.snapshot.meta) + '\n');
console.log(process.version);
