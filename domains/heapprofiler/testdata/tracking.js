// tracking.js records what node answers to DevTools' "Allocations on
// timeline" (HeapProfiler.startTrackingHeapObjects with trackAllocations,
// allocations, stopTrackingHeapObjects with reportProgress) through the
// inspector module, and writes tracking-node.json: the messages in order,
// runs of one method collapsed, with the first message of each run (chunk
// text left out). heapprofiler_test.go compares our order with it.
//
//   node domains/heapprofiler/testdata/tracking.js > domains/heapprofiler/testdata/tracking-node.json
const inspector = require('inspector');
const session = new inspector.Session();
session.connect();
const messages = [];
session.on('inspectorNotification', (m) => {
  if (m.method === 'HeapProfiler.addHeapSnapshotChunk') {
    m = {method: m.method, params: {chunk: '…'}};
  }
  messages.push(m);
});
class LeakyThing {
  constructor(i) {
    this.i = i;
  }
}
const kept = [];
session.post('HeapProfiler.startTrackingHeapObjects', {trackAllocations: true}, (err, result) => {
  messages.push({reply: 'HeapProfiler.startTrackingHeapObjects', result});
  setTimeout(() => {
    for (let i = 0; i < 1000; i++) kept.push(new LeakyThing(i));
  }, 120);
  setTimeout(() => {
    session.post('HeapProfiler.stopTrackingHeapObjects', {reportProgress: true}, (err, result) => {
      messages.push({reply: 'HeapProfiler.stopTrackingHeapObjects', result});
      const runs = [];
      for (const m of messages) {
        const key = m.method || 'reply ' + m.reply;
        if (runs.length && runs[runs.length - 1].key === key) {
          runs[runs.length - 1].count++;
        } else {
          runs.push({key, count: 1, first: m});
        }
      }
      console.log(JSON.stringify({node: process.version, runs}, null, 1));
    });
  }, 400);
});
