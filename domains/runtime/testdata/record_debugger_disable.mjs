// record_debugger_disable.mjs prints whether node 20 still reports async
// parents after Debugger.disable (it does not: the Debugger agent's depth
// goes with it) and after Runtime.disable + enable (it does: the Runtime
// agent keeps its depth). TestAsyncDepthAgents checks the same. Run with
// node v20:
//
//	node --experimental-websocket domains/runtime/testdata/record_debugger_disable.mjs
//
// (Not a replay case: Debugger.enable announces node's own scripts.)
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const url = await new Promise((res) => child.stderr.on('data', (d) => { stderr += d; const m = /ws:\/\/\S+/.exec(stderr); if (m) res(m[0]); }));
const ws = new WebSocket(url);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0;
const pending = new Map();
const events = [];
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  if (m.id && pending.has(m.id)) pending.get(m.id)(m);
  else if (m.method === 'Runtime.consoleAPICalled') events.push(m.params);
});
const send = (method, params = {}) => new Promise((r) => { pending.set(++id, r); ws.send(JSON.stringify({ id, method, params })); });
const warnHasParent = async () => {
  events.length = 0;
  await send('Runtime.evaluate', { expression: "Promise.resolve().then(function h() { console.warn('w'); })", awaitPromise: true });
  return events.some((e) => e.stackTrace && e.stackTrace.parent !== undefined);
};
await send('Runtime.enable');
await send('Debugger.enable');
await send('Debugger.setAsyncCallStackDepth', { maxDepth: 32 });
console.log('debugger depth 32:', await warnHasParent());
await send('Debugger.disable');
console.log('after Debugger.disable:', await warnHasParent());
await send('Runtime.setAsyncCallStackDepth', { maxDepth: 32 });
await send('Runtime.disable');
await send('Runtime.enable');
console.log('runtime depth 32 after Runtime.disable + enable:', await warnHasParent());
child.kill();
process.exit(0);
