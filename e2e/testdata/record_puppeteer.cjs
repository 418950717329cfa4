// record_puppeteer.cjs records node's answers to puppeteer_driver.cjs, the
// oracle e2e/puppeteer_test.go holds the binary to:
//
//	npm ci --prefix e2e && node e2e/testdata/record_puppeteer.cjs
//
// It runs `node --inspect=0` on puppeteer_target.js, drives it with the
// driver, and writes puppeteer.node.json next to this file.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const target = spawn(process.execPath, ['--inspect=0', path.join(__dirname, 'puppeteer_target.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
target.stderr.on('data', (chunk) => {
  stderr += chunk;
  const m = /Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
  if (!m || target.recorded) return;
  target.recorded = true;
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'puppeteer_driver.cjs'), m[1]], {
    env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules') },
    timeout: 20000,
  });
  const file = path.join(__dirname, 'puppeteer.node.json');
  fs.writeFileSync(file, JSON.stringify(JSON.parse(out), null, 2) + '\n');
  console.log(`wrote ${file} (node ${process.version})`);
});
target.on('exit', (code) => {
  if (!target.recorded || code !== 0) {
    console.error(`node --inspect exited with ${code} before a recording:\n${stderr}`);
    process.exit(1);
  }
});
