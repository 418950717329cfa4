// The globals the Runtime oracle cases (cases.json) inspect. Runs as a
// classic script in node (record.mjs) and in Sonde (the replay test).
var plain = { a: 1, b: 'two', c: null, d: undefined, e: true, f: [1, 2], g: { h: 1 }, fn: function named() {} };
var arr = [1, 'x', { y: 2 }, [3], null];
var big = { p1: 1, p2: 2, p3: 3, p4: 4, p5: 5, p6: 6, p7: 7 };
class Point { constructor(x, y) { this.x = x; this.y = y; } get len() { return Math.hypot(this.x, this.y); } }
var pt = new Point(3, 4);
var err = new TypeError('boom');
// A fixed stack: node's would list its vm internals.
err.stack = 'TypeError: boom\n    at fixture.js:8:11';
var sym = Symbol('tag');
var withSym = { [Symbol('k')]: 1, s: 'v' };
var withAccessor = { get g() { return 1; }, set s(v) {} };
Object.defineProperty(withAccessor, 'hidden', { value: 42, enumerable: false, writable: false, configurable: false });
var m = new Map([['k', 1], [{ o: 1 }, 'v']]);
var st = new Set([1, 'a']);
var re = /ab+c/gi;
var nested = { l1: { l2: { l3: { l4: 1 } } } };
function add(a, b) { return a + b; }
var arrow = (x) => x * 2;
var boxedNum = new Number(5);
var boxedStr = new String('hi');
var nullProto = Object.create(null);
nullProto.z = 1;
var longArr = Array.from({ length: 150 }, (_, i) => i);
var holey = [1, , 3];
let lexical = 'L';
const constant = 7;
var px = new Proxy({ a: 1 }, { get(t, k) { throw new Error('trap ' + String(k)); }, ownKeys() { throw new Error('ownKeys trap'); } });
var revocable = Proxy.revocable({}, {});
revocable.revoke();
