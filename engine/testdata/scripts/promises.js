// Promise API, combinators and job ordering (thenables, resolution with a
// promise, species), checked against node.
const log = (...a) => console.log(...a);

// Basic ordering: reactions run in registration order, one tick each.
const p1 = Promise.resolve('p1');
p1.then((v) => log('then 1', v));
p1.then((v) => log('then 2', v));
Promise.reject(new Error('r1')).catch((e) => log('catch', e.message));
log('sync');

// Resolving with a native promise takes two extra ticks.
new Promise((res) => res(Promise.resolve('inner'))).then((v) => log('resolved with promise', v));
Promise.resolve().then(() => log('tick 1')).then(() => log('tick 2')).then(() => log('tick 3')).then(() => log('tick 4'));

// A thenable: its then is called in a job.
const thenable = { then(res) { log('thenable.then called'); res('from thenable'); } };
Promise.resolve(thenable).then((v) => log(v));

// then with non-callable handlers passes values through.
Promise.resolve(5).then(null, undefined).then((v) => log('passed through', v));
Promise.reject(6).then(1).catch((e) => log('passed rejection', e));

// finally keeps the value, can replace a rejection.
Promise.resolve('keep').finally(() => 'ignored').then((v) => log('finally value', v));
Promise.reject('orig').finally(() => { throw 'replaced'; }).catch((e) => log('finally threw', e));
Promise.resolve(1).finally(() => Promise.reject('fin-rej')).catch((e) => log('finally rejected', e));

// Executor errors reject; resolve functions only act once.
new Promise(() => { throw new TypeError('in executor'); }).catch((e) => log(e.name, e.message));
new Promise((res, rej) => { res(1); rej(2); res(3); }).then((v) => log('once', v));
// Chaining cycle.
const cyc = Promise.resolve().then(() => cyc);
cyc.catch((e) => log(e.constructor.name, e.message));

// Combinators.
Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]).then((v) => log('all', v));
Promise.all([]).then((v) => log('all empty', v));
Promise.all([Promise.resolve(1), Promise.reject(new Error('bad')), 3]).catch((e) => log('all rejected', e.message));
Promise.allSettled([Promise.resolve('a'), Promise.reject('b'), 'c']).then((v) => log('allSettled', JSON.stringify(v)));
Promise.any([Promise.reject('x'), Promise.resolve('y')]).then((v) => log('any', v));
Promise.any([]).catch((e) => log('any empty', e.name, e.message, e.errors));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => log('any all rejected', e instanceof AggregateError, e.errors));
Promise.race([new Promise((r) => setTimeout(() => r('slow'), 20)), Promise.resolve('fast')]).then((v) => log('race', v));
Promise.all(5).catch((e) => log('all not iterable', e.constructor.name, e.message));

// Errors.
try { Promise(); } catch (e) { log(e.message); }
try { new Promise(1); } catch (e) { log(e.message); }
try { Promise.resolve.call(1); } catch (e) { log(e.message); }
try { Promise.prototype.then.call({}); } catch (e) { log(e.message); }

// Subclassing and species.
class MyPromise extends Promise {}
const mp = MyPromise.resolve(1);
log('subclass', mp instanceof MyPromise, mp.then(() => {}) instanceof MyPromise);
log(Object.prototype.toString.call(Promise.resolve()), Promise.name, Promise.length);
log(typeof Promise.prototype.then, Promise.prototype.finally.length, Promise[Symbol.species] === Promise);
log('withResolvers' in Promise); // node 20 has none

// AggregateError directly.
const ae = new AggregateError([1, 2], 'msg');
log(ae.name, ae.message, ae.errors, ae instanceof Error);

// queueMicrotask runs among promise jobs, in order.
Promise.resolve().then(() => log('promise A'));
queueMicrotask(() => log('microtask'));
Promise.resolve().then(() => log('promise B'));
try { queueMicrotask(1); } catch (e) { log(e.name, e.code, e.message); }
