// Async generators: the request queue, return/throw, yield*, for-await
// (async and sync iterables, closing on break), interleaved with ticks.
const log = (...a) => console.log(...a);
const show = (r) => JSON.stringify(r);

async function* counter(n) {
  try {
    for (let i = 0; i < n; i++) {
      const got = yield i;
      if (got !== undefined) log('counter got', got);
    }
    return 'end';
  } finally {
    log('counter finally');
  }
}

(async () => {
  // Requests queue up while the generator runs.
  const g = counter(3);
  const ps = [g.next(), g.next('x'), g.next('y'), g.next(), g.next()];
  for (const p of ps) log('queued', show(await p));

  // return() while suspended at a yield runs finally blocks.
  const g2 = counter(5);
  log('g2', show(await g2.next()));
  log('g2 return', show(await g2.return('early')));
  log('g2 after', show(await g2.next()));

  // throw() into a generator that catches.
  async function* catcher() {
    while (true) {
      try { yield 'waiting'; } catch (e) { log('catcher caught', e); yield 'recovered'; }
    }
  }
  const g3 = catcher();
  log(show(await g3.next()), show(await g3.throw('boom')), show(await g3.next()));
  // throw() on a fresh generator completes it.
  const g4 = counter(2);
  await g4.throw(new Error('fresh')).catch((e) => log('fresh throw', e.message));
  log('g4 next', show(await g4.next()));
  // return() on a fresh generator awaits its value.
  log('return fresh', show(await counter(1).return(Promise.resolve('rv'))));

  // yield awaits promises; yield* delegates to async and sync iterables.
  async function* inner() { yield Promise.resolve('i1'); yield 'i2'; return 'inner done'; }
  async function* outer() {
    const r = yield* inner();
    log('yield* result', r);
    yield* ['s1', 's2'];
    yield* (function* () { yield 'g1'; })();
  }
  for await (const v of outer()) log('outer', v);

  // for-await over sync iterables of promises and an async iterator.
  for await (const v of [Promise.resolve(1), 2, Promise.resolve(3)]) log('for-await array', v);
  const custom = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next: () => Promise.resolve({ value: i, done: i++ >= 2 }),
        return: () => { log('custom return called'); return Promise.resolve({ done: true }); },
      };
    },
  };
  for await (const v of custom) log('custom', v);
  for await (const v of custom) { log('custom break', v); break; }
  for await (const v of counter(10)) { if (v === 1) break; log('early', v); }

  // Errors thrown by the body reject next() and complete the generator.
  async function* failing() { yield 1; throw new TypeError('gen failed'); }
  const g5 = failing();
  log(show(await g5.next()));
  await g5.next().catch((e) => log('rejected', e.name, e.message));
  log('after failure', show(await g5.next()));

  // The objects' shapes.
  const ag = counter(0);
  log(Object.prototype.toString.call(ag), typeof ag.next, typeof ag[Symbol.asyncIterator]);
  log(ag[Symbol.asyncIterator]() === ag, Object.getPrototypeOf(counter.prototype) === Object.getPrototypeOf(outer.prototype));
  const m = { async *gen() { yield 'method'; } };
  for await (const v of m.gen()) log(v);
  class K { static async *s() { yield 'static'; } }
  for await (const v of K.s()) log(v);
})();

// Interleaving of a generator's steps with a plain chain.
(async () => {
  async function* two() { yield 'a'; yield 'b'; }
  const it = two();
  it.next().then((r) => log('it1', show(r)));
  it.next().then((r) => log('it2', show(r)));
  it.next().then((r) => log('it3', show(r)));
  let p = Promise.resolve();
  for (let i = 0; i < 6; i++) p = p.then(() => log('tick', i));
})();
