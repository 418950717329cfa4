// record.mjs records what `node --inspect` serves, as the oracle for the cdp
// package's tests. Run from anywhere with node on PATH:
//
//	node cdp/testdata/node/record.mjs
//
// It starts `node --inspect=127.0.0.1:0` on a sleeping script, talks to it
// over raw TCP (so Host headers and WebSocket frames are exactly what we
// write) and rewrites http.json, hosts.json and messages.json beside this
// file. The target id, port, script path and node version are replaced by
// {{ID}} (upper-cased: {{ID_UPPER}}), {{PORT}}, {{SCRIPT}} and {{VERSION}} so
// the files do not change from run to run. Nothing here needs npm packages.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync, realpathSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'sonde-record-')));
const script = path.join(dir, 'app.js');
writeFileSync(script, 'setTimeout(() => {}, 600000);\n');

const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', script], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const wsURL = await new Promise((resolve, reject) => {
  child.stderr.on('data', (d) => {
    stderr += d;
    const m = /Debugger listening on (ws:\/\/\S+)/.exec(stderr);
    if (m) resolve(m[1]);
  });
  child.on('exit', () => reject(new Error('node exited: ' + stderr)));
});
const url = new URL(wsURL);
const port = Number(url.port);
const id = url.pathname.slice(1);

function scrub(s) {
  return s.split(id.toUpperCase()).join('{{ID_UPPER}}').split(id).join('{{ID}}').split(String(port)).join('{{PORT}}')
    .split(script).join('{{SCRIPT}}').split(process.version).join('{{VERSION}}');
}

// raw sends bytes and collects everything until the server closes or goes
// quiet for quietMs.
function raw(bytes, quietMs = 300) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(bytes));
    const chunks = [];
    let timer = setTimeout(done, quietMs);
    sock.on('data', (d) => { chunks.push(d); clearTimeout(timer); timer = setTimeout(done, quietMs); });
    sock.on('close', done);
    sock.on('error', done);
    let finished = false;
    function done() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(Buffer.concat(chunks));
    }
  });
}

function parseHTTP(buf) {
  const s = buf.toString('latin1');
  const end = s.indexOf('\r\n\r\n');
  const head = end < 0 ? s : s.slice(0, end);
  const body = end < 0 ? '' : buf.subarray(end + 4).toString('utf8');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  return { statusLine, status: Number(statusLine.split(' ')[1]), headers, body };
}

async function get(method, p, host) {
  let req = `${method} ${p} HTTP/1.1\r\n`;
  if (host !== null) req += `Host: ${host}\r\n`;
  req += 'Connection: close\r\n\r\n';
  const r = parseHTTP(await raw(req));
  return r;
}

// --- HTTP discovery ---------------------------------------------------------
const hostPort = `127.0.0.1:${port}`;
const httpCases = [
  ['GET', '/json/version'], ['GET', '/json/list'], ['GET', '/json'], ['GET', '/json/'],
  ['GET', '/json/list/'], ['GET', '/JSON/VERSION'], ['GET', '/json/version?x=1'],
  ['GET', '/json/activate/' + id], ['GET', '/json/new'], ['GET', '/json/close/' + id],
  ['GET', '/'], ['GET', '/favicon.ico'], ['GET', '/' + id], ['POST', '/json/version'],
  ['HEAD', '/json/version'], ['PUT', '/json/new'],
];
const http = [];
for (const [method, p] of httpCases) {
  const r = await get(method, p, hostPort);
  http.push({ method, path: scrub(p), host: '{{HOST}}', status: r.status, statusLine: r.statusLine,
    contentType: r.headers['content-type'] ?? null, cacheControl: r.headers['cache-control'] ?? null,
    body: scrub(r.body) });
}
// The list uses the request's Host header for its URLs.
{
  const r = await get('GET', '/json/list', 'localhost:1234');
  http.push({ method: 'GET', path: '/json/list', host: 'localhost:1234', status: r.status, statusLine: r.statusLine,
    contentType: r.headers['content-type'] ?? null, cacheControl: r.headers['cache-control'] ?? null,
    body: scrub(r.body) });
}
// /json/protocol is large: keep its headers and top-level shape only.
{
  const r = await get('GET', '/json/protocol', hostPort);
  const j = JSON.parse(r.body);
  http.push({ method: 'GET', path: '/json/protocol', host: '{{HOST}}', status: r.status, statusLine: r.statusLine,
    contentType: r.headers['content-type'] ?? null, cacheControl: r.headers['cache-control'] ?? null,
    bodyKeys: Object.keys(j), version: j.version, domains: j.domains.map((d) => d.domain) });
}

// --- Host header check ------------------------------------------------------
const hostCases = [
  null, '', '127.0.0.1', '127.0.0.1:9229', `127.0.0.1:${port}`, '10.1.2.3:80', '999.1.1.1', '1.2.3',
  '1.2.3.4.5', '127.1', 'localhost', 'localhost:9229', 'LOCALHOST', 'LocalHost:1', 'localhost.',
  'localhost6', 'localhost6:9229', 'sub.localhost', 'example.com', 'example.com:9229', 'evil.com:' + port,
  '127.0.0.1.nip.io', '[::1]', '[::1]:9229', '::1', '[fe80::1]:80', '[::ffff:127.0.0.1]:1',
];
const hosts = [];
for (const h of hostCases) {
  const r = await get('GET', '/json/version', h);
  hosts.push({ host: h === null ? null : scrub(h), status: r.status, body: scrub(r.body) });
}
// WebSocket upgrades: wrong id and bad Host are refused with the same text.
function upgradeReq(p, host, key = randomBytes(16).toString('base64')) {
  return `GET ${p} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Version: 13\r\n` + (key ? `Sec-WebSocket-Key: ${key}\r\n` : '') + '\r\n';
}
const upgrades = [];
for (const [p, host, key] of [['/' + id, hostPort, undefined], ['/' + id, 'evil.com', undefined],
  ['/wrong-id', hostPort, undefined], ['/' + id + '/', hostPort, undefined], ['/' + id + '?x=1', hostPort, undefined],
  ['/' + id.toUpperCase(), hostPort, undefined], ['/json/list', hostPort, undefined], ['/' + id, hostPort, '']]) {
  const r = parseHTTP(await raw(upgradeReq(p, host, key), 200));
  upgrades.push({ path: scrub(p), host: host === hostPort ? '{{HOST}}' : host, withKey: key !== '', status: r.status,
    contentType: r.headers['content-type'] ?? null, body: r.status === 101 ? '' : scrub(r.body) });
}

// --- WebSocket messages -----------------------------------------------------
// A minimal client: handshake, masked frames out, unmasked frames in.
class WS {
  constructor() { this.buf = Buffer.alloc(0); this.msgs = []; this.closed = null; this.waiters = []; }
  open() {
    return new Promise((resolve, reject) => {
      this.sock = net.connect(port, '127.0.0.1', () => this.sock.write(upgradeReq('/' + id, hostPort)));
      let handshaken = false;
      this.sock.on('data', (d) => {
        this.buf = Buffer.concat([this.buf, d]);
        if (!handshaken) {
          const i = this.buf.indexOf('\r\n\r\n');
          if (i < 0) return;
          const status = this.buf.subarray(0, i).toString().split(' ')[1];
          if (status !== '101') reject(new Error('handshake ' + status));
          this.buf = this.buf.subarray(i + 4);
          handshaken = true;
          resolve();
        }
        this.parse();
      });
      this.sock.on('close', () => { if (this.closed === null) this.closed = { code: 1006, reason: '' }; this.wake(); });
      this.sock.on('error', () => {});
    });
  }
  parse() {
    for (;;) {
      if (this.buf.length < 2) return;
      const op = this.buf[0] & 0x0f;
      let len = this.buf[1] & 0x7f, off = 2;
      if (len === 126) { if (this.buf.length < 4) return; len = this.buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (this.buf.length < 10) return; len = Number(this.buf.readBigUInt64BE(2)); off = 10; }
      if (this.buf.length < off + len) return;
      const payload = this.buf.subarray(off, off + len);
      this.buf = this.buf.subarray(off + len);
      if (op === 1) this.msgs.push(payload.toString('utf8'));
      if (op === 8) this.closed = { code: len >= 2 ? payload.readUInt16BE(0) : 1005, reason: payload.subarray(2).toString() };
      this.wake();
    }
  }
  wake() { for (const w of this.waiters.splice(0)) w(); }
  send(data, opcode = 1) {
    const payload = Buffer.from(data);
    const mask = randomBytes(4);
    let head;
    if (payload.length < 126) head = Buffer.from([0x80 | opcode, 0x80 | payload.length]);
    else if (payload.length < 65536) { head = Buffer.from([0x80 | opcode, 0x80 | 126, 0, 0]); head.writeUInt16BE(payload.length, 2); }
    else { head = Buffer.alloc(10); head[0] = 0x80 | opcode; head[1] = 0x80 | 127; head.writeBigUInt64BE(BigInt(payload.length), 2); }
    const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
    this.sock.write(Buffer.concat([head, mask, masked]));
  }
  // collect returns the messages that arrive within ms.
  async collect(ms) {
    await new Promise((r) => setTimeout(r, ms));
    return this.msgs.splice(0);
  }
}

const messageCases = [
  'not json', '', ' ', '[]', '"str"', '42', 'null', 'true', '{"id":9,"method":"Runtime.getIsolateId"',
  '{"id":10,"method":"Foo.bar"} trailing', '{"id":3,"method":"Foo.bar","params":{"a":}}',
  '{}', '{"method":"Foo.bar"}', '{"id":"1","method":"Foo.bar"}', '{"id":1.5,"method":"Foo.bar"}',
  '{"id":2147483648,"method":"Foo.bar"}', '{"id":-2147483649,"method":"Foo.bar"}', '{"id":true,"method":"Foo.bar"}',
  '{"id":null,"method":"Foo.bar"}', '{"id":1e400,"method":"Foo.bar"}', '{"id":[1],"method":"Foo.bar"}',
  '{"id":1}', '{"id":6,"method":1}', '{"id":7,"method":null}', '{"id":8,"method":["Foo.bar"]}',
  '{"id":2,"method":"Foo.bar"}', '{"id":-3,"method":"Foo.bar"}', '{"id":0,"method":"Foo.bar"}',
  '{"id":1e3,"method":"Foo.bar"}', '{"id":6.0,"method":"Foo.bar"}', '{"id":-0,"method":"Foo.bar"}',
  '{"id":-2147483648,"method":"Foo.bar"}', '{"id":2147483647,"method":"Foo.bar"}',
  '{"method":"Foo.bar","id":22}', '  {"id":23,"method":"Foo.bar"}  \n', '{"\\u0069d":24,"method":"Foo.bar"}',
  '{"id":25,"method":""}', '{"id":26,"method":"NoDot"}', '{"id":27,"method":"Runtime.noSuchMethod"}',
  '{"id":28,"method":"Runtime.getIsolateId","extra":1}', '{"id":29,"method":"Runtime.getIsolateId","sessionId":1}',
  '{"id":30,"method":"Runtime.getIsolateId","sessionId":"s"}', '{"id":31,"method":"Runtime.getIsolateId","params":1}',
  '{"id":32,"method":"Runtime.getIsolateId","params":"x"}', '{"id":33,"method":"Runtime.getIsolateId","params":null}',
  '{"id":34,"method":"Runtime.getIsolateId","params":[]}', '{"id":35,"method":"Runtime.getIsolateId","params":{}}',
  '{"id":36,"method":"Runtime.getIsolateId","params":{"unknown":1}}',
  '{"id":37,"method":"Runtime.getIsolateId","params":{},"params":[]}', '{"id":38,"id":39,"method":"Runtime.getIsolateId"}',
  '{"id":40,"method":"Runtime.evaluate","params":{}}', '{"id":41,"method":"Runtime.evaluate","params":{"expression":1}}',
  '{"id":42,"method":"Runtime.evaluate","params":[]}', '{"id":43,"method":"Profiler.start"}',
  // Invalid UTF-8 (a lone 0xff byte in the method name), sent as hex.
  { hex: Buffer.from('{"id":44,"method":"Foo.\xffbar"}', 'latin1').toString('hex') },
];
const messages = [];
{
  const ws = new WS();
  await ws.open();
  for (const m of messageCases) {
    ws.send(typeof m === 'string' ? m : Buffer.from(m.hex, 'hex'));
    const replies = await ws.collect(150);
    messages.push({ ...(typeof m === 'string' ? { send: m } : { sendHex: m.hex }), replies: replies.map((r) => scrub(r)) });
  }
  // A binary frame: node drops the connection without a close frame.
  ws.send('{"id":1,"method":"Runtime.getIsolateId"}', 2);
  const replies = await ws.collect(300);
  messages.push({ sendBinary: '{"id":1,"method":"Runtime.getIsolateId"}', replies, closed: ws.closed });
}

child.kill();
const meta = { node: process.version, recorded: new Date().toISOString().slice(0, 10) };
const write = (name, data) => writeFileSync(path.join(here, name), JSON.stringify({ meta, ...data }, null, 2) + '\n');
write('http.json', { http, upgrades });
write('hosts.json', { hosts });
write('messages.json', { messages });
console.log('recorded', http.length, 'HTTP,', hosts.length, 'host,', upgrades.length, 'upgrade,', messages.length, 'message cases from node', process.version);
