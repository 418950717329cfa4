// Regenerates expected.json: exit code, stdout and stderr of node for every
// script here (flags from the FLAGS table). Run with `node gen.js` in this
// directory. Stderr is normalized as the test normalizes Sonde's: the
// script directory becomes <dir>, process ids become <pid>, node's
// "Node.js vX" trailer and the stack frames of its module loader (which
// Sonde has no equivalent for) are dropped.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const FLAGS = { 'warn_mode.js': ['--unhandled-rejections=warn-with-error-code'] };
const out = {};
for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.js') && f !== 'gen.js').sort()) {
  const flags = FLAGS[f] || [];
  const r = spawnSync(process.execPath, [...flags, path.join(__dirname, f)], { encoding: 'utf8' });
  out[f] = { flags, code: r.status, stdout: r.stdout, stderr: normalize(r.stderr) };
}
fs.writeFileSync(path.join(__dirname, 'expected.json'), JSON.stringify(out, null, 1) + '\n');

function normalize(s) {
  return s
    .split(__dirname).join('<dir>')
    .replace(/\(node:\d+\)/g, '(node:<pid>)')
    .replace(/\nNode\.js v[\d.]+\n$/, '')
    .split('\n')
    .filter((l) => !/^ {4}at .*(node:internal\/(modules|main)|Module\.|Function\.executeUserEntryPoint|listOnTimeout|process\.processTimers)/.test(l))
    .join('\n');
}
