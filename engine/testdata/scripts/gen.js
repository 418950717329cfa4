// Regenerates expected.json: the stdout node prints for every script in
// this directory. Run with `node gen.js` from this directory; the engine's
// tests (run_test.go) compare Sonde's console output against it.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const out = {};
for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.js') && f !== 'gen.js').sort()) {
  out[f] = execFileSync(process.execPath, [path.join(__dirname, f)], { encoding: 'utf8' });
}
fs.writeFileSync(path.join(__dirname, 'expected.json'), JSON.stringify(out, null, 1) + '\n');
