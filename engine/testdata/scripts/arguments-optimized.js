// Arguments objects as optimized code makes them (interp/tiercall.go:
// createArgumentsSloppy) and as the interpreter does: properties, order,
// descriptors, elements growth, mapping, and @@iterator, which is
// %Array.prototype.values% whatever Array.prototype holds.
function desc(a) {
  const names = Object.getOwnPropertyNames(a).join();
  const d = Object.getOwnPropertyDescriptor(a, 'callee');
  const l = Object.getOwnPropertyDescriptor(a, 'length');
  return [a.length, names, Object.keys(a).join(), typeof a[Symbol.iterator], [...a].join(':'),
    d.enumerable, d.writable, d.configurable, l.enumerable, l.writable, Object.prototype.toString.call(a), JSON.stringify(a)].join('|');
}
function none() { return desc(arguments); }
function two(a, b) { return desc(arguments) + '|' + (arguments.callee === two); }
function many() { arguments[1100] = 'far'; arguments[20] = 'near'; return desc(arguments) + '|' + Object.keys(arguments).slice(-3).join(); }
function mappedF(a, b) { a = 'A'; arguments[1] = 'B'; return desc(arguments) + '|' + b; }
function inner(a) { return () => arguments[0] + a; }
function grow() { arguments.length = 40; arguments[35] = 1; arguments.x = 2; return desc(arguments); }
const nums = [];
for (let i = 0; i < 40; i++) nums.push(i);
const out = [];
function run(name, f) { let r; for (let i = 0; i < 120; i++) r = f(); out.push(name + ' ' + r); }
run('none', () => none());
run('two', () => two(1, 2, 3));
run('many', () => many(...nums));
run('mapped', () => mappedF(1, 2, 3));
run('inner', () => inner(5)());
run('grow', () => grow(1, 2));
// @@iterator replaced by another data property, then by an accessor, then deleted.
const orig = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { yield 'own'; };
run('iterData', () => two(1, 2));
Object.defineProperty(Array.prototype, Symbol.iterator, { get() { return orig; }, configurable: true });
run('iterAccessor', () => { try { return two(1, 2); } catch (e) { return e.constructor.name; } });
delete Array.prototype[Symbol.iterator];
run('iterDeleted', () => { try { return two(1, 2); } catch (e) { return e.constructor.name; } });
Object.defineProperty(Array.prototype, Symbol.iterator, { value: orig, writable: true, configurable: true });
run('iterBack', () => two(1, 2));
console.log(out.join('\n'));
