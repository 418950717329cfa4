const m = new Map([["a", 1], ["b", 2]]);
m.set("c", 3).set(NaN, "nan").set(-0, "zero");
console.log(m.get("a"), m.get(NaN), m.get(0), m.has("b"), m.size, m.delete("b"), m.has("b"), m.size);
console.log([...m.keys()], [...m.values()], [...m]);
const objKey = {}; m.set(objKey, "obj");
console.log(m.get(objKey), m.get({}), m);
m.forEach((v, k) => console.log("each", k, v));
const s = new Set([1, 2, 2, 3, "3"]);
s.add(4); s.delete(1);
console.log(s, s.size, s.has(2), [...s], [...s.entries()]);
for (const [k, v] of new Map([[1, "one"]])) console.log(k, v);
const big = new Map(); for (let i = 0; i < 1000; i++) big.set("k" + i, i); for (let i = 0; i < 1000; i += 2) big.delete("k" + i);
let sum = 0; for (const v of big.values()) sum += v; console.log(big.size, sum, big.get("k999"), big.get("k0"));
const wm = new WeakMap(); const key = {}; wm.set(key, 42); console.log(wm.get(key), wm.has({}), wm);
try { wm.set(1, 2); } catch (e) { console.log(e.message); }
console.log(new Map(), new Set(), Object.prototype.toString.call(new Map()), new Map([[{ a: 1 }, [1, 2]]]));
const seen = new Set(); for (const w of "the quick the lazy the".split(" ")) seen.add(w); console.log(seen);
