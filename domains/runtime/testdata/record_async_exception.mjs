// record_async_exception.mjs prints node's Runtime.exceptionThrown stack
// for an uncaught exception in a timer with async stacks on, in the
// compact form TestAsyncExceptionThrown compares with (node's own
// node:* frames left out). Run with node v20:
//
//	node --experimental-websocket domains/runtime/testdata/record_async_exception.mjs
//
// (The replay's recorder cannot record this: the uncaught exception ends
// its runner.)
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sonde-async-exc-'));
const runner = path.join(dir, 'runner.js');
writeFileSync(runner, "globalThis.go = function () { Promise.resolve().then(function starter() { setTimeout(function thrower() { throw new Error('late'); }, 0); }); };\nsetInterval(() => {}, 1000);\n");
const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', runner], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const url = await new Promise((res) => child.stderr.on('data', (d) => { stderr += d; const m = /ws:\/\/\S+/.exec(stderr); if (m) res(m[0]); }));
const ws = new WebSocket(url);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0;
const send = (method, params) => ws.send(JSON.stringify({ id: ++id, method, params }));
const compact = (st) => {
  const frames = st.callFrames.filter((f) => !f.url.startsWith('node:')).map((f) => `${f.functionName}@${f.columnNumber}`).join(' ');
  let out = st.description ? `${st.description}: ${frames}` : frames;
  if (st.parent) out += ' <- ' + compact(st.parent);
  return out;
};
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  if (m.method === 'Runtime.exceptionThrown') {
    console.log(compact(m.params.exceptionDetails.stackTrace));
    child.kill();
    process.exit(0);
  }
});
send('Runtime.enable', {});
send('Runtime.setAsyncCallStackDepth', { maxDepth: 32 });
await new Promise((r) => setTimeout(r, 200));
send('Runtime.evaluate', { expression: 'go()' });
