// Prints V8's verdict for each [source, module] pair of the JSON array on
// stdin: "OK" or "test.js:line:column: SyntaxError: message". Usage:
//   node --experimental-vm-modules v8errors.js < inputs.json
const vm = require('vm');
const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
for (const [src, module] of inputs) {
  let out;
  try {
    if (module) new vm.SourceTextModule(src, { identifier: 'test.js' });
    else new vm.Script(src, { filename: 'test.js' });
    out = 'OK';
  } catch (e) {
    const m = /test\.js:(\d+)\n(.*)\n( *)\^/.exec(e.stack);
    out = m ? `test.js:${m[1]}:${m[3].length + 1}: ${e.name}: ${e.message}` : `?: ${e.name}: ${e.message}`;
  }
  console.log(JSON.stringify(src) + ' => ' + out);
}
