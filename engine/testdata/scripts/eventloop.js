// The event loop: nextTick before promise jobs, both drained after every
// callback; timers by due time then creation order; immediates after the
// timers of a turn; intervals, Timeout objects, unref. The test runs in
// phases, each started by the last callback of the one before, so that
// its output does not depend on how fast the engine runs (timers started
// in one turn count from the same loop time, as in node).
const log = (...a) => console.log(...a);

log('main start');
setTimeout(() => log('timeout 10'), 10);
setTimeout(() => log('timeout 5'), 5);
setTimeout(() => log('timeout 5 second'), 5);
setTimeout((a, b) => log('timeout args', a, b), 1, 'x', 'y');
process.nextTick(() => log('nextTick 1'));
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('nextTick from promise'));
  Promise.resolve().then(() => log('promise from promise'));
});
process.nextTick(() => {
  log('nextTick 2');
  Promise.resolve().then(() => log('promise from nextTick'));
  process.nextTick(() => log('nextTick from nextTick'));
});
queueMicrotask(() => log('microtask'));
process.nextTick((a, b) => log('nextTick args', a, b), 1, 2);
log('main end');

// Delays below 1 (and junk) become 1: same due time, creation order.
setTimeout(() => log('delay 0'), 0);
setTimeout(() => log('delay -5'), -5);
setTimeout(() => log('delay NaN'), NaN);
setTimeout(() => log('delay "1"'), '1');

// Cleared before firing, by object and by id.
const t1 = setTimeout(() => log('never 1'), 5);
clearTimeout(t1);
const t2 = setTimeout(() => log('never 2'), 5);
clearTimeout(+t2);
const im = setImmediate(() => log('never immediate'));
clearImmediate(im);

// unref: does not keep the loop alive (this one never fires).
const u = setTimeout(() => log('unref fired'), 100000);
u.unref();
log('hasRef after unref', u.hasRef(), u.ref().hasRef(), u.unref().hasRef());
log(typeof u, u.constructor.name, typeof u[Symbol.toPrimitive]());

// Errors for bad callbacks.
try { setTimeout('code'); } catch (e) { log(e.name, e.code); }
try { process.nextTick(null); } catch (e) { log(e.name, e.code, e.message); }
try { setImmediate(); } catch (e) { log(e.name, e.code, e.message); }

setTimeout(phase2, 20);

// Inside a timer: immediates run before timers set now, and microtasks
// run after each callback.
function phase2() {
  log('phase 2');
  setTimeout(() => log('timer from timer'), 0);
  setImmediate(() => {
    log('immediate from timer');
    Promise.resolve().then(() => log('promise after immediate'));
    process.nextTick(() => log('tick after immediate'));
  });
  setImmediate(() => log('second immediate'));
  Promise.resolve().then(() => log('promise in timer'));
  process.nextTick(() => log('tick in timer'));
  setTimeout(phase3, 10);
}

// An interval cleared after three runs.
function phase3() {
  let n = 0;
  const iv = setInterval(function () {
    n++;
    log('interval', n, this === iv);
    if (n === 3) {
      clearInterval(iv);
      phase4();
    }
  }, 5);
}

// refresh pushes the due time back.
function phase4() {
  const r = setTimeout(() => { log('refreshed timer'); phase5(); }, 20);
  setTimeout(() => { r.refresh(); log('refresh called'); }, 15);
  setTimeout(() => log('between'), 25);
}

// async work spanning timers.
function phase5() {
  const sleep = (ms, v) => new Promise((res) => setTimeout(() => res(v), ms));
  (async () => {
    log('sleep got', await sleep(5, 'zzz'));
    const results = await Promise.all([sleep(15, 'b'), sleep(5, 'a')]);
    log('all timers', results);
    log('race timers', await Promise.race([sleep(10, 'slow'), sleep(1, 'quick')]));
  })();
}
