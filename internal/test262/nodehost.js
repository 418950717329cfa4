// nodehost.js: the test262 host that NodeEngine runs in node.
//
// It reads jobs as JSON lines on stdin and answers each with one JSON line on
// stdout. Each job gets a fresh realm (vm.createContext) with print and $262
// installed (INTERPRETING.md, "Host-Defined Functions"), evaluates its
// prelude files and the test as a global script or as a module
// (vm.SourceTextModule, --experimental-vm-modules), waits for async tests to
// print their completion, and reports what was thrown and in which phase.
// Judging the result is the Go runner's job, not this script's.
//
// Request:  {id, prelude: [file…], source, file, module, async, dda, asyncWaitMs}
// Response: {id, error?: {phase, name, message}, prints: […], hostError?}
'use strict';

const vm = require('vm');
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const readline = require('readline');
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { performance } = require('perf_hooks');

// Tests may leave rejected promises behind; they are not the host's errors.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', (e) => {
  process.stderr.write('nodehost: uncaught exception: ' + ((e && e.stack) || e) + '\n');
});

const ASYNC_COMPLETE = 'Test262:AsyncTestComplete';
const ASYNC_FAILURE = 'Test262:AsyncTestFailure:';

// Harness files and fixtures are read once.
const fileCache = new Map();
function readFile(file) {
  let s = fileCache.get(file);
  if (s === undefined) {
    s = fs.readFileSync(file, 'utf8');
    fileCache.set(file, s);
  }
  return s;
}

// BOOTSTRAP runs in every new realm. It defines print and $262 with
// functions of the realm itself (so tests that inspect them see their own
// realm's intrinsics), delegating to host callbacks, and returns the
// realm's intrinsics the host needs.
const BOOTSTRAP = `(function (global) {
  'use strict';
  return function install(host) {
    var agent = {
      start: function start(src) { host.agentStart(String(src)); },
      broadcast: function broadcast(sab, id) { host.agentBroadcast(sab, id); },
      getReport: function getReport() { return host.agentGetReport(); },
      sleep: function sleep(ms) { host.sleep(ms); },
      monotonicNow: function monotonicNow() { return host.now(); }
    };
    var $262 = {
      global: global,
      createRealm: function createRealm() { return host.createRealm(); },
      evalScript: function evalScript(src) { return host.evalScript(String(src)); },
      detachArrayBuffer: function detachArrayBuffer(buffer) { host.detachArrayBuffer(buffer); return null; },
      gc: function gc() { host.gc(); },
      agent: agent
    };
    Object.defineProperty(global, 'print', {
      value: function print(msg) { host.print(String(msg)); },
      writable: true, enumerable: false, configurable: true
    });
    Object.defineProperty(global, '$262', {
      value: $262, writable: true, enumerable: false, configurable: true
    });
    return { $262: $262, SyntaxError: SyntaxError, TypeError: TypeError, JSONparse: JSON.parse };
  };
})(this)`;

// makeIsHTMLDDA creates an [[IsHTMLDDA]] object in ctx with V8's
// %GetUndetectable, enabling natives syntax only for that call.
function makeIsHTMLDDA(ctx) {
  v8.setFlagsFromString('--allow-natives-syntax');
  try {
    return vm.runInContext('(function () { return %GetUndetectable(); })()', ctx);
  } finally {
    v8.setFlagsFromString('--no-allow-natives-syntax');
  }
}

function canMakeIsHTMLDDA() {
  try {
    const dda = makeIsHTMLDDA(vm.createContext());
    return typeof dda === 'undefined' && dda !== undefined && dda() === null;
  } catch (e) {
    return false;
  }
}

// describe turns a thrown value into {name, message}: the name of its
// constructor, or '' for primitives.
function describe(e) {
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
    let name = '';
    let message = '';
    try {
      const c = e.constructor;
      if (c && typeof c.name === 'string') name = c.name;
    } catch (_) {}
    try {
      message = String(e.message);
    } catch (_) {}
    return { name, message };
  }
  let message;
  try {
    message = String(e);
  } catch (_) {
    message = typeof e;
  }
  return { name: '', message };
}

function thrown(phase, e) {
  return Object.assign({ phase }, describe(e));
}

// A Run is the state of one job: its prints, its module map per realm and
// its agents.
class Run {
  constructor(req) {
    this.req = req;
    this.prints = [];
    this.done = false;
    this.agents = [];
  }

  print(s) {
    this.prints.push(s);
    if (s === ASYNC_COMPLETE || s.startsWith(ASYNC_FAILURE)) this.done = true;
  }

  terminateAgents() {
    for (const a of this.agents) {
      a.port.close();
      a.worker.terminate().catch(() => {});
    }
    this.agents = [];
  }
}

// newRealm creates a realm for run with print and $262 installed.
function newRealm(run) {
  const ctx = vm.createContext();
  const realm = { ctx, run, modules: new Map(), evaluations: new Map(), roots: new Map() };
  const install = vm.runInContext(BOOTSTRAP, ctx);
  const host = {
    print: (s) => run.print(s),
    createRealm: () => newRealm(run).$262,
    evalScript: (src) => evalScript(realm, src),
    detachArrayBuffer: (buffer) => {
      structuredClone(buffer, { transfer: [buffer] });
    },
    gc: () => {
      if (typeof global.gc !== 'function') throw new realm.TypeError('gc is not exposed (--expose-gc)');
      global.gc();
    },
    agentStart: (src) => agentStart(run, src),
    agentBroadcast: (sab, id) => agentBroadcast(run, sab, id),
    agentGetReport: () => agentGetReport(run),
    sleep: (ms) => sleep(ms),
    now: () => performance.now(),
  };
  Object.assign(realm, install(host));
  if (run.req.dda) realm.$262.IsHTMLDDA = makeIsHTMLDDA(ctx);
  return realm;
}

// evalScript implements $262.evalScript: parse errors become the realm's
// SyntaxError (vm reports them with the host's).
function evalScript(realm, src) {
  let script;
  try {
    script = new vm.Script(src, { filename: 'evalScript.js', importModuleDynamically: dynamicImport(realm, realm.run.req.file) });
  } catch (e) {
    if (e instanceof SyntaxError) throw new realm.SyntaxError(e.message);
    throw e;
  }
  return script.runInContext(realm.ctx);
}

// runScript evaluates source as a global script of realm.
function runScript(realm, file, source) {
  let script;
  try {
    script = new vm.Script(source, { filename: file, importModuleDynamically: dynamicImport(realm, file) });
  } catch (e) {
    return thrown('parse', e);
  }
  try {
    script.runInContext(realm.ctx);
  } catch (e) {
    return thrown('runtime', e);
  }
  return null;
}

// runModule evaluates source as the module at file, loading its imports
// relative to it.
async function runModule(realm, file, source) {
  let m;
  try {
    m = newSourceTextModule(realm, file, source);
  } catch (e) {
    return thrown('parse', e);
  }
  realm.modules.set(file, m);
  try {
    await m.link(linker(realm, m));
  } catch (e) {
    return thrown('resolution', e);
  }
  // Register the evaluation before it starts: the module may import itself
  // while it evaluates.
  let settle;
  realm.evaluations.set(m, new Promise((resolve, reject) => { settle = { resolve, reject }; }));
  const evaluated = m.evaluate();
  evaluated.then(settle.resolve, settle.reject);
  try {
    await evaluated;
  } catch (e) {
    return thrown('runtime', e);
  }
  return null;
}

function newSourceTextModule(realm, file, source) {
  return new vm.SourceTextModule(source, {
    context: realm.ctx,
    identifier: file,
    importModuleDynamically: dynamicImport(realm, file),
    initializeImportMeta() {},
  });
}

// loadModule returns the realm's module for file, creating it on first
// use. Imports with {type: "json"} load JSON modules.
function loadModule(realm, file, attributes) {
  const json = attributes && attributes.type === 'json';
  const key = (json ? 'json:' : '') + file;
  let m = realm.modules.get(key);
  if (m) return m;
  const source = readFile(file);
  if (json) {
    const value = realm.JSONparse(source);
    m = new vm.SyntheticModule(['default'], function () {
      this.setExport('default', value);
    }, { context: realm.ctx, identifier: file });
  } else {
    try {
      m = newSourceTextModule(realm, file, source);
    } catch (e) {
      if (e instanceof SyntaxError) throw new realm.SyntaxError(e.message);
      throw e;
    }
  }
  realm.modules.set(key, m);
  return m;
}

// linker resolves the imports of the graph rooted at root, remembering
// which root first reached each module.
function linker(realm, root) {
  return (specifier, referrer, extra) => {
    const file = path.resolve(path.dirname(referrer.identifier), specifier);
    const m = loadModule(realm, file, extra && (extra.attributes || extra.assert));
    if (m !== root && !realm.roots.has(m)) realm.roots.set(m, root);
    return m;
  };
}

// dynamicImport implements import() for code of realm whose file is
// referrerFile.
function dynamicImport(realm, referrerFile) {
  return async (specifier, referrer, attributes) => {
    const base = (referrer && referrer.identifier) || referrerFile;
    const m = loadModule(realm, path.resolve(path.dirname(base), String(specifier)), attributes);
    await evaluation(realm, m);
    return m;
  };
}

// evaluation links and evaluates m once, however many imports ask for it
// at the same time. A module already linked into another graph is
// evaluated by that graph's root: wait for the root instead (V8 aborts if
// such a module, still evaluating asynchronously, is evaluated again).
function evaluation(realm, m) {
  let p = realm.evaluations.get(m);
  if (!p) {
    const root = realm.roots.get(m);
    if (root && m.status !== 'unlinked' && realm.evaluations.has(root)) {
      p = realm.evaluations.get(root).then(() => {}, () => {}).then(() => {
        if (m.status === 'errored') throw m.error;
      });
    } else {
      p = (async () => {
        if (m.status === 'unlinked') await m.link(linker(realm, m));
        while (m.status === 'linking' || m.status === 'evaluating') await turn();
        if (m.status === 'errored') throw m.error;
        await m.evaluate();
      })();
    }
    realm.evaluations.set(m, p);
  }
  return p;
}

// Agents ($262.agent) run in worker threads. The agent script sees a $262
// with only an agent property.
const AGENT = `
const { parentPort, workerData } = require('worker_threads');
const vm = require('vm');
const { src, port, ready } = workerData;
const cell = new Int32Array(new SharedArrayBuffer(4));
globalThis.$262 = {
  agent: {
    receiveBroadcast(cb) {
      parentPort.on('message', (m) => {
        Atomics.add(m.ack, 0, 1);
        Atomics.notify(m.ack, 0);
        cb(m.sab, m.id);
      });
    },
    report(v) { port.postMessage(String(v)); },
    leaving() {},
    sleep(ms) { Atomics.wait(cell, 0, 0, ms); },
    monotonicNow() { return performance.now(); },
  },
};
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);
vm.runInThisContext(src);
`;

function agentStart(run, src) {
  const { port1, port2 } = new MessageChannel();
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(AGENT, { eval: true, workerData: { src, port: port2, ready }, transferList: [port2] });
  worker.on('error', (e) => process.stderr.write('nodehost: agent error: ' + ((e && e.stack) || e) + '\n'));
  run.agents.push({ worker, port: port1 });
  // start blocks until the agent is running.
  Atomics.wait(ready, 0, 0, 10000);
}

// agentBroadcast blocks until every agent has received the broadcast.
function agentBroadcast(run, sab, id) {
  const ack = new Int32Array(new SharedArrayBuffer(4));
  for (const a of run.agents) a.worker.postMessage({ sab, id, ack });
  const deadline = Date.now() + 10000;
  let n;
  while ((n = Atomics.load(ack, 0)) < run.agents.length && Date.now() < deadline) {
    Atomics.wait(ack, 0, n, 50);
  }
}

function agentGetReport(run) {
  for (const a of run.agents) {
    const m = receiveMessageOnPort(a.port);
    if (m) return m.message;
  }
  return null;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms) {
  Atomics.wait(sleepCell, 0, 0, Number(ms));
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

// waitForAsync lets the event loop run until the test prints its
// completion or ms pass.
async function waitForAsync(run, ms) {
  const deadline = Date.now() + ms;
  for (let i = 0; !run.done && Date.now() < deadline; i++) {
    if (i < 20) await turn();
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function runJob(req) {
  const run = new Run(req);
  try {
    const realm = newRealm(run);
    for (const file of req.prelude || []) {
      try {
        new vm.Script(readFile(file), { filename: file }).runInContext(realm.ctx);
      } catch (e) {
        const d = describe(e);
        return { id: req.id, prints: run.prints, hostError: `harness file ${path.basename(file)} threw ${d.name}: ${d.message}` };
      }
    }
    const error = req.module ? await runModule(realm, req.file, req.source) : runScript(realm, req.file, req.source);
    if (!error && req.async) await waitForAsync(run, req.asyncWaitMs);
    // Let pending jobs finish before the next test starts.
    await turn();
    return { id: req.id, error: error || undefined, prints: run.prints };
  } catch (e) {
    return { id: req.id, prints: run.prints, hostError: 'nodehost: ' + ((e && e.stack) || e) };
  } finally {
    run.terminateAgents();
  }
}

function send(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

async function main() {
  send({ ready: true, isHTMLDDA: canMakeIsHTMLDDA(), node: process.version });
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line === '') continue;
    send(await runJob(JSON.parse(line)));
  }
}

main().catch((e) => {
  process.stderr.write('nodehost: ' + ((e && e.stack) || e) + '\n');
  process.exit(1);
});
