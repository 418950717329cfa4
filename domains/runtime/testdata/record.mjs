// record.mjs records node's answers to the Runtime requests of cases.json,
// the oracle of the runtime package's replay test. Run with node v20:
//
//	node --experimental-websocket domains/runtime/testdata/record.mjs
//
// It starts `node --inspect=127.0.0.1:0` on a runner that evaluates
// fixture.js as a global script (vm.runInThisContext, as Sonde runs it),
// sends Runtime.enable, then each case's steps in order ("$N.path" in a
// param is replaced by that path of step N's result), and writes
// expected.json: for each step the request, node's response and the events
// node sent before it; then scriptparsed.json, node's Debugger.scriptParsed
// for the fixture.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixture.js');
const cases = JSON.parse(readFileSync(path.join(here, 'cases.json'), 'utf8'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'sonde-runtime-'));
const runner = path.join(dir, 'runner.js');
writeFileSync(runner, `require('vm').runInThisContext(require('fs').readFileSync(${JSON.stringify(fixture)}, 'utf8'), { filename: 'fixture.js' });\nglobalThis.ready = true;\nsetInterval(() => {}, 1000);\n`);

const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', runner], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const wsURL = await new Promise((resolve, reject) => {
  child.stderr.on('data', (d) => {
    stderr += d;
    const m = /Debugger listening on (ws:\/\/\S+)/.exec(stderr);
    if (m) resolve(m[1]);
  });
  child.on('exit', () => reject(new Error('node exited: ' + stderr)));
});

const ws = new WebSocket(wsURL);
await new Promise((r) => ws.addEventListener('open', r));
let nextId = 1;
const pending = new Map();
let events = [];
ws.addEventListener('message', (e) => {
  const msg = JSON.parse(e.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  } else if (msg.method) {
    events.push(msg);
  }
});
function send(method, params) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((r) => pending.set(id, r));
}

for (;;) {
  const r = await send('Runtime.evaluate', { expression: 'globalThis.ready === true', returnByValue: true });
  if (r.result && r.result.result && r.result.result.value === true) break;
  await new Promise((r) => setTimeout(r, 50));
}
await send('Runtime.enable', {});
await new Promise((r) => setTimeout(r, 200));
events = [];

function resolveRefs(v, results) {
  if (typeof v === 'string' && v.startsWith('$')) {
    const [step, ...keys] = v.slice(1).split('.');
    let x = results[Number(step)];
    for (const k of keys) x = x && x[k];
    return x;
  }
  if (Array.isArray(v)) return v.map((e) => resolveRefs(e, results));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, resolveRefs(e, results)]));
  return v;
}

const out = [];
for (const c of cases) {
  const results = [];
  const steps = [];
  for (const s of c.steps) {
    const params = resolveRefs(s.params, results);
    events = [];
    const r = await send(s.method, params);
    await new Promise((r) => setTimeout(r, 30)); // events sent after the reply
    steps.push({ method: s.method, response: r.error ? { error: r.error } : { result: r.result }, events });
    results.push(r.result || {});
  }
  out.push({ name: c.name, steps });
}
writeFileSync(path.join(here, 'expected.json'), JSON.stringify(out, null, 1) + '\n');

// Debugger.enable: the fixture's scriptParsed (V8's hash, extents, length).
events = [];
await send('Debugger.enable', {});
const parsed = events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.url === 'fixture.js');
writeFileSync(path.join(here, 'scriptparsed.json'), JSON.stringify(parsed.params, null, 1) + '\n');
ws.close();
child.kill();
console.log(`recorded ${out.length} cases with ${process.version}`);
