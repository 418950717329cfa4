// Error objects are recognized by [[ErrorData]], not by their stack or prototype.
const ts = (v) => Object.prototype.toString.call(v);
const e = new RangeError('r');
delete e.stack;
console.log(ts(e), e instanceof RangeError, Object.getOwnPropertyNames(e).join());
const orphan = new TypeError('t');
Object.setPrototypeOf(orphan, null);
console.log(ts(orphan));
const fake = Object.create(Error.prototype);
console.log(ts(fake));
const captured = {};
Error.captureStackTrace(captured);
console.log(ts(captured), typeof captured.stack);
class MyError extends Error {}
console.log(ts(new MyError('m')));
try { null.x; } catch (err) { console.log(ts(err)); }
try { eval('('); } catch (err) { console.log(ts(err)); }
console.log(ts(new AggregateError([], 'a')));
const tagged = new Error('t');
tagged[Symbol.toStringTag] = 'Custom';
console.log(ts(tagged));
console.log(Reflect.ownKeys(new Error('k', { cause: 1 })).map(String).join());
