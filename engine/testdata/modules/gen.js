// Regenerates expected.json: for every directory here, what node prints
// running its main file (main.mjs as an ES module, main.js as CommonJS):
// stdout, the "Name: message" line of an uncaught error ("" if none), and
// the exit status (13: a top-level await never settled),
// with this directory's absolute path written <root>.
// Run with `node gen.js` from this directory; engine/modules_test.go
// compares Sonde's output against it.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const out = {};
for (const d of fs.readdirSync(__dirname).sort()) {
  const dir = path.join(__dirname, d);
  if (!fs.statSync(dir).isDirectory()) continue;
  const main = ['main.mjs', 'main.js'].find((f) => fs.existsSync(path.join(dir, f)));
  const r = spawnSync(process.execPath, [path.join(dir, main)], { encoding: 'utf8', cwd: dir });
  const error = r.status === 0 || r.status === 13 ? '' : (r.stderr.split('\n').find((l) => /^[A-Za-z]*Error\b.*: /.test(l)) || '?');
  const root = (s) => s.split(__dirname).join('<root>');
  out[d] = { main, stdout: root(r.stdout), error: root(error), status: r.status };
}
fs.writeFileSync(path.join(__dirname, 'expected.json'), JSON.stringify(out, null, 1) + '\n');
