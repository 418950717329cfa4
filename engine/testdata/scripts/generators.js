function* count(n) { for (let i = 0; i < n; i++) { const got = yield i; if (got) console.log("got", got); } return "end"; }
const g = count(3);
console.log(g.next(), g.next("hello"), g.next(), g.next(), g.next());
console.log([...count(4)], Array.from(count(2)));
for (const v of count(3)) console.log("of", v);
function* inner() { yield 1; yield 2; return "inner done"; }
function* outer() { const r = yield* inner(); console.log("r", r); yield* [10, 20]; yield 3; }
console.log([...outer()]);
function* withFinally() { try { yield 1; yield 2; } finally { console.log("cleanup"); } }
const w = withFinally(); console.log(w.next()); console.log(w.return(42)); console.log(w.next());
for (const v of withFinally()) { console.log("loop", v); break; }
function* thrower() { try { yield 1; } catch (e) { console.log("caught", e); yield 99; } }
const t = thrower(); t.next(); console.log(t.throw("boom"), t.next());
const obj = { *gen() { yield this.x; }, x: 7 };
console.log(obj.gen().next());
class C { *[Symbol.iterator]() { yield "a"; yield "b"; } }
console.log([...new C()], typeof count, Object.prototype.toString.call(count(1)));
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const f = fib(); const first = []; for (let i = 0; i < 10; i++) first.push(f.next().value); console.log(first);
const [x, y, ...rest] = count(5); console.log(x, y, rest);
function* args() { yield arguments.length; yield* arguments; }
console.log([...args(1, 2, 3)]);
const gg = count(2); gg.next(); try { gg.throw(new Error("inside")); } catch (e) { console.log(e.message); } console.log(gg.next());
