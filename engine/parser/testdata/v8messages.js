// For each negative parse test of test262 (paths relative to test/ on stdin),
// print V8's SyntaxError message and line:column as JSON. Usage:
//   grep -rl "phase: parse" language built-ins annexB | node --experimental-vm-modules v8messages.js $TEST262_DIR > v8.json
const vm = require('vm'); const fs = require('fs'); const path = require('path');
const root = process.argv[2];
const files = fs.readFileSync(0, 'utf8').trim().split('\n');
const out = {};
for (const rel of files) {
  const src = fs.readFileSync(path.join(root, 'test', rel), 'utf8');
  const meta = src.slice(src.indexOf('/*---'), src.indexOf('---*/'));
  const module = /flags:.*\bmodule\b/.test(meta);
  const strict = /flags:.*\bonlyStrict\b/.test(meta);
  const text = strict ? '"use strict";\n' + src : src;
  let res;
  try {
    if (module) new vm.SourceTextModule(text, { identifier: 'test.js' });
    else new vm.Script(text, { filename: 'test.js' });
    res = 'OK';
  } catch (e) {
    const m = /test\.js:(\d+)\n(.*)\n( *)\^/.exec(e.stack);
    res = m ? `${m[1]}:${m[3].length + 1}: ${e.name}: ${e.message}` : `?: ${e.name}: ${e.message}`;
  }
  out[rel] = res;
}
console.log(JSON.stringify(out));
