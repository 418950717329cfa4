// Redefining an existing element of a non-extensible object (with other
// attributes, or as an accessor) keeps the property: it is not a new one.
function show(label, o, k) {
  const d = Object.getOwnPropertyDescriptor(o, k);
  console.log(label, d && Object.keys(d).map((n) => n + '=' + (typeof d[n] === 'function' ? 'fn' : d[n])).join(' '), Object.keys(o).join(','));
}
function attempt(label, fn) {
  try {
    fn();
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}

const o = { 0: 1, 1: 2 };
Object.preventExtensions(o);
attempt('accessor', () => Object.defineProperty(o, '0', { get() { return 7; } }));
show('o[0]', o, '0');
console.log(o[0], o[1]);
attempt('read-only', () => Object.defineProperty(o, '1', { writable: false }));
show('o[1]', o, '1');
o[1] = 9;
console.log('o[1] after write', o[1]);
attempt('new index', () => Object.defineProperty(o, '5', { value: 1 }));
show('o[5]', o, '5');

const a = [1, 2, 3];
Object.preventExtensions(a);
attempt('hidden', () => Object.defineProperty(a, '1', { enumerable: false }));
show('a[1]', a, '1');
console.log(a.length, JSON.stringify(a), a.map((x) => x * 2).join());
attempt('push', () => a.push(4));
console.log(a.length);

const s = [1, 2];
Object.seal(s);
attempt('sealed accessor', () => Object.defineProperty(s, '0', { get() { return 0; } }));
show('s[0]', s, '0');
attempt('sealed read-only', () => Object.defineProperty(s, '0', { writable: false }));
show('s[0]', s, '0');
console.log(Object.isFrozen(s));

function args(x, y) {
  Object.preventExtensions(arguments);
  Object.defineProperty(arguments, '0', { writable: false });
  x = 10;
  Object.defineProperty(arguments, '1', { get() { return 'g'; } });
  return [arguments[0], arguments[1], x, y, Object.keys(arguments).join()];
}
console.log(args(3, 4));
