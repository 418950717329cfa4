// cri_driver.cjs drives a running inspector with chrome-remote-interface,
// the npm ecosystem's CDP JSON client, as e2e/cri_test.go asks:
//
//	node cri_driver.cjs <port>
//
// It finds the target through /json/list (CDP.List), attaches, and prints
// one JSON object with what it saw; the Go test checks it.
const CDP = require('chrome-remote-interface');

async function main() {
  const port = Number(process.argv[2]);
  const targets = await CDP.List({ host: '127.0.0.1', port });
  const client = await CDP({ host: '127.0.0.1', port, target: targets[0] });
  const { Runtime } = client;
  const out = { targets: targets.map((t) => ({ type: t.type, url: t.url })) };
  const consoleSeen = new Promise((resolve) => Runtime.consoleAPICalled((m) => {
    if (m.args[0] && m.args[0].value === 'cri hello') resolve(m);
  }));
  await Runtime.enable();
  const msg = await consoleSeen;
  out.console = { type: msg.type, args: msg.args.map((a) => a.value !== undefined ? a.value : a.description) };
  const ev = await Runtime.evaluate({ expression: 'data', generatePreview: true });
  out.evaluate = { className: ev.result.className, preview: ev.result.preview.properties.map((p) => p.name + '=' + p.value) };
  const props = await Runtime.getProperties({ objectId: ev.result.objectId, ownProperties: true });
  out.properties = props.result.map((p) => p.name);
  const call = await Runtime.callFunctionOn({ objectId: ev.result.objectId, functionDeclaration: 'function () { return this.list.length; }', returnByValue: true });
  out.call = call.result.value;
  // terminate the spinning script from the client.
  await Runtime.terminateExecution();
  await client.close();
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e && e.stack || String(e)); process.exit(1); });
