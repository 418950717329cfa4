// puppeteer_driver.cjs drives a running inspector with puppeteer-core's CDP
// session, as e2e/puppeteer_test.go asks:
//
//	node puppeteer_driver.cjs <port>
//
// puppeteer.connect() expects a browser target (Target.* methods), which a
// node-style target does not serve; what works against node is puppeteer's
// own Connection over its WebSocket transport to the target's
// webSocketDebuggerUrl, the root CDP session that page.createCDPSession()
// would otherwise hand out. The driver finds the target through /json/list,
// connects, and prints one JSON object with what it saw; the Go test checks
// it. Run against `node --inspect` it prints what node answers.
const { Connection, CDPSessionEvent } = require('puppeteer-core');
const { NodeWebSocketTransport } = require('puppeteer-core/internal/node/NodeWebSocketTransport.js');

async function main() {
  const port = Number(process.argv[2]);
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const url = targets[0].webSocketDebuggerUrl;
  const transport = await NodeWebSocketTransport.create(url);
  const session = new Connection(url, transport);
  const out = { targets: targets.map((t) => t.type) };

  const contexts = [];
  session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context.name));
  const consoleSeen = new Promise((resolve) => session.on('Runtime.consoleAPICalled', (m) => {
    if (m.args[0] && m.args[0].value === 'puppeteer hello') resolve(m);
  }));
  const disconnected = new Promise((resolve) => session.once(CDPSessionEvent.Disconnected, () => resolve(true)));
  await session.send('Runtime.enable');
  const msg = await consoleSeen;
  out.contexts = contexts.length; // (their names hold the program's pid)
  out.console = {
    type: msg.type,
    args: msg.args.map((a) => [a.type, a.value !== undefined ? a.value : a.description]),
    stackTop: msg.stackTrace.callFrames[0].functionName,
  };

  // evaluate: a preview of an object, a value by value, a thrown error.
  const ev = await session.send('Runtime.evaluate', { expression: 'data', generatePreview: true });
  out.evaluate = {
    type: ev.result.type,
    className: ev.result.className,
    description: ev.result.description,
    preview: ev.result.preview.properties.map((p) => `${p.name}:${p.type}=${p.value}`),
  };
  const byValue = await session.send('Runtime.evaluate', { expression: 'data.list.map((x) => x * 2)', returnByValue: true });
  out.byValue = byValue.result.value;
  const thrown = await session.send('Runtime.evaluate', { expression: 'data.missing.deeper' });
  out.thrown = {
    type: thrown.result.type,
    className: thrown.result.className,
    text: thrown.exceptionDetails.text,
    description: thrown.exceptionDetails.exception.description.split('\n')[0],
  };
  // (awaitPromise would wait forever here, in node too: no microtask
  // checkpoint comes while the main script spins.)

  // getProperties: own properties, then the prototype chain's accessors.
  const props = await session.send('Runtime.getProperties', { objectId: ev.result.objectId, ownProperties: true });
  out.properties = props.result.map((p) => `${p.name}:${p.value ? p.value.type + (p.value.subtype ? '/' + p.value.subtype : '') : 'get=' + p.get.type}`);
  out.internal = (props.internalProperties || []).map((p) => `${p.name}:${p.value.className}`);
  const list = props.result.find((p) => p.name === 'list');
  const elems = await session.send('Runtime.getProperties', { objectId: list.value.objectId, ownProperties: true });
  out.listProperties = elems.result.map((p) => `${p.name}=${p.value.description !== undefined ? p.value.description : p.value.value}`);
  const accessors = await session.send('Runtime.getProperties', { objectId: ev.result.objectId, accessorPropertiesOnly: true });
  out.accessors = accessors.result.map((p) => p.name);

  // console events raised by our own evaluation arrive on the same session.
  const second = new Promise((resolve) => session.on('Runtime.consoleAPICalled', (m) => {
    if (m.type === 'warning') resolve(m);
  }));
  await session.send('Runtime.evaluate', { expression: 'console.warn("careful", 42)' });
  const warn = await second;
  out.warn = warn.args.map((a) => a.value);

  // terminate the spinning script from the client; the process then ends
  // once we let go of it. (What a command sent right after the termination
  // sees is a race in node itself: its answer, "Cannot find context", or a
  // hang; so nothing is sent.)
  await session.send('Runtime.terminateExecution');
  session.dispose();
  out.disconnected = await disconnected;
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e && e.stack || String(e)); process.exit(1); });
