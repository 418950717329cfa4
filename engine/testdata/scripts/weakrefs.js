// WeakRef and FinalizationRegistry: deref of live targets, registration
// checks and unregister (collection itself is tested in weakref_test.go).
const log = (...a) => console.log(...a);
let o = { name: 'target' };
const ref = new WeakRef(o);
log(ref.deref() === o, ref.deref().name, Object.prototype.toString.call(ref), typeof WeakRef.prototype.deref);
const reg = new FinalizationRegistry((held) => log('cleanup', held));
const token = {};
reg.register({}, 'held value', token);
log(reg.unregister(token), reg.unregister(token));
reg.register(o, 'o held');
for (const [args, label] of [[[1, 'x'], 'primitive target'], [[o, o], 'same'], [[o, 1, 5], 'bad token']]) {
  try { reg.register(...args); } catch (e) { log(label, e.constructor.name, e.message); }
}
try { WeakRef(); } catch (e) { log(e.message); }
try { new WeakRef(1); } catch (e) { log(e.message); }
try { new FinalizationRegistry(); } catch (e) { log(e.message); }
try { reg.unregister(1); } catch (e) { log(e.message); }
log(Object.prototype.toString.call(reg), FinalizationRegistry.length, WeakRef.length);
setTimeout(() => log('deref later', ref.deref() === o), 1);
