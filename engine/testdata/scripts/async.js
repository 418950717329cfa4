// async functions and await: V8's tick counts, observable by interleaving
// with plain promise chains; async arrows, methods, errors.
const log = (...a) => console.log(...a);

function ticker(name, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(name, 'tick', i));
}

async function awaitValue() { log('awaitValue start'); await 1; log('awaitValue after 1 tick'); }
async function awaitPromise() { await Promise.resolve(); log('awaitPromise after 1 tick'); }
async function awaitThenable() { await { then(r) { r(); } }; log('awaitThenable after 2 ticks'); }
async function returnPromise() { return Promise.resolve('rp'); }
async function returnValue() { return 'rv'; }
ticker('A', 5);
awaitValue();
awaitPromise();
awaitThenable();
returnPromise().then((v) => log('returnPromise resolved', v));
returnValue().then((v) => log('returnValue resolved', v));
log('sync done');

// Errors: thrown before and after an await reject the promise.
async function throwsEarly() { throw new Error('early'); }
async function throwsLate() { await null; throw new RangeError('late'); }
throwsEarly().catch((e) => log('caught', e.message));
throwsLate().catch((e) => log('caught', e.name, e.message));
async function catches() {
  try { await Promise.reject(new Error('rej')); } catch (e) { log('try/catch got', e.message); } finally { log('finally ran'); }
  return 'after catch';
}
catches().then(log);

// Parameters: defaults that throw reject too.
async function badDefault(x = (() => { throw new Error('default'); })()) { return x; }
badDefault().catch((e) => log('param error', e.message));

// Arrows keep this and arguments of the enclosing function.
const obj = {
  name: 'obj',
  run() {
    const inner = async () => { await null; return this.name + ':' + arguments.length; };
    return inner();
  },
  async method(a, b) { await null; return a + b; },
};
obj.run(1, 2, 3).then((v) => log('arrow this', v));
obj.method(2, 3).then((v) => log('method', v));

class Counter {
  #n = 0;
  async inc() { await null; return ++this.#n; }
  static async make() { const c = new Counter(); await c.inc(); return c; }
}
Counter.make().then((c) => c.inc()).then((n) => log('class async', n));

// Loops with await, closures capturing per-iteration bindings.
(async () => {
  const out = [];
  for (let i = 0; i < 3; i++) { await null; out.push(() => i); }
  log('loop', out.map((f) => f()));
  let sum = 0;
  for (const v of [1, 2, 3]) sum += await v;
  log('sum', sum);
  const [a, { b }] = await Promise.all([1, { b: 2 }]);
  log('destructured', a, b);
  log('nested', await (async () => await (async () => 'deep')())());
})();

// Sequential vs parallel interleaving.
async function worker(name, n) { for (let i = 0; i < n; i++) { log(name, i); await null; } }
worker('w1', 3);
worker('w2', 3);

// typeof and the function's shape.
async function shape(a, b) {}
log(typeof shape, shape.length, shape.name, 'prototype' in shape, shape() instanceof Promise);
log(Object.prototype.toString.call(shape()));
const asyncArrow = async (x) => x * 2;
asyncArrow(21).then((v) => log('async arrow', v));
try { new shape(); } catch (e) { log(e.constructor.name, e.message); }
