// V8's async stack frames in Error.stack: after the synchronous frames of
// an async function resumed from an await, the async functions awaiting it
// ("at async f (file:l:c)") and the combinators on the way
// ("at async Promise.all (index N)"). Paths are cut to the file name.
function show(label, stack) {
  console.log(label);
  for (const line of stack.split("\n").slice(1)) console.log(line.replace(/\/\S*\//, ""));
}
async function leaf(msg) { await null; throw new Error(msg); }
async function middle(msg) { await leaf(msg); }
async function top(msg) { await middle(msg); }
class Service {
  async run() { await null; return new Error('method').stack; }
  async call() { return await this.run(); }
}
async function viaAll() { await Promise.all([1, leaf('all')]); }
async function viaSettled() {
  const [r] = await Promise.allSettled([(async () => { await null; return new Error('settled').stack; })()]);
  return r.value;
}
async function viaAny() { await Promise.any([leaf('any')]); }
async function viaThen() { await leaf('then').then(() => {}); }
async function notAwaited() { leaf('floating').catch((e) => show('floating', e.stack)); await null; }
async function loop() { for (let i = 0; i < 3; i++) await null; return new Error('loop').stack; }
async function deep(n) { if (n === 0) { await null; throw new Error('deep'); } await deep(n - 1); }
(async () => {
  await top('chain').catch((e) => show('chain', e.stack));
  show('method', await new Service().call());
  await viaAll().catch((e) => show('all', e.stack));
  show('allSettled', await viaSettled());
  await viaAny().catch((e) => show('any', e.errors[0].stack));
  await viaThen().catch((e) => show('then', e.stack));
  await notAwaited();
  show('loop', await loop());
  await deep(12).catch((e) => show('deep', e.stack));
  await Promise.resolve().then(() => { show('in then', new Error('t').stack); });
  try { await leaf('sync try'); } catch (e) { show('caught', e.stack); }
})();
