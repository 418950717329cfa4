console.log('start');
const p = import('./a.mjs');
console.log('after import() call', p instanceof Promise);
const ns = await p;
console.log(Object.keys(ns), ns.a, ns === await import('./a.mjs'));
const v8 = await import('node:v8');
console.log(typeof v8.getHeapStatistics, typeof v8.default.getHeapStatistics);
try { await import('./nope.mjs'); } catch (e) { console.log(e.code, e.message.split(' imported')[0].replace(/.*\//, '')); }
try { await import('./throws.mjs'); } catch (e) { console.log('caught', e.message); }
try { await import('./throws.mjs'); } catch (e) { console.log('caught again', e.message); }
const cjs = await import('./c.cjs');
console.log(cjs.default, Object.keys(cjs));
const bad = await import('./badsyntax.mjs').catch((e) => e.name + ': ' + e.message);
console.log(bad);
console.log(await import({ toString() { return './b.mjs'; } }).then((m) => m.b));
