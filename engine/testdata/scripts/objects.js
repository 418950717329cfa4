const o = { a: 1, "b-c": 2, 3: "three", nested: { x: [1, 2] } };
o.d = 4;
o["e"] = 5;
delete o.a;
console.log(o, Object.keys(o), "a" in o, "d" in o, o.hasOwnProperty("d"));
const p = { greet() { return "proto " + this.n; } };
const child = Object.create(p);
child.n = 42;
console.log(child.greet(), Object.getPrototypeOf(child) === p, p.isPrototypeOf(child));
const withAccessors = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(x) { this._v = x; },
};
withAccessors.v = 5;
console.log(withAccessors.v, withAccessors);
const key = "dyn";
const computed = { [key + "amic"]: 1, [`t${1}`]: 2, method() {}, shorthand: key };
console.log(computed);
const { a2 = 9, shorthand, ...rest } = { shorthand: "s", r1: 1, r2: 2 };
console.log(a2, shorthand, rest);
const [first, , third = "def", ...others] = [1, 2, undefined, 4, 5];
console.log(first, third, others);
const merged = { ...{ x: 1, y: 2 }, y: 3, ...{ z: 4 } };
console.log(merged, Object.assign({}, merged, { w: 0 }));
console.log(Object.entries({ a: 1, b: [2] }), Object.values({ a: 1, b: 2 }), Object.fromEntries([["k", "v"]]));
const frozen = Object.freeze({ f: 1 });
frozen.f = 2;
console.log(frozen.f, Object.isFrozen(frozen));
Object.defineProperty(o, "hidden", { value: "h", enumerable: false });
console.log(o.hidden, Object.keys(o).includes("hidden"), JSON.stringify(Object.getOwnPropertyDescriptor(o, "hidden")));
let swapA = 1, swapB = 2;
[swapA, swapB] = [swapB, swapA];
console.log(swapA, swapB);
const deep = { l1: { l2: { l3: { l4: "deep" } } }, arr: [[1, [2, [3, [4]]]]] };
console.log(deep);
const circ = { name: "c" };
circ.self = circ;
console.log(circ);
console.log({}, [], [undefined, null], [1, , 3], { f() {}, g: () => 1, h: function named() {} });
console.log(o?.nested?.x?.[1], o?.missing?.deep, o.missing?.(), typeof o?.nested);
