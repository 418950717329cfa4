// Array methods on array-likes whose length passes 2^32-1 or nears 2^53-1.
function tryIt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name); }
}
var big = { length: 2 ** 53 - 1, [2 ** 53 - 2]: "last", 4294967295: "x" };
tryIt("lastIndexOf", () => Array.prototype.lastIndexOf.call({ length: 2 ** 53 - 1, [2 ** 53 - 2]: "y" }, "y", 2 ** 53 - 2));
tryIt("idx key", () => Array.prototype.at.call(big, -1));
tryIt("push", () => Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1));
tryIt("unshift", () => Array.prototype.unshift.call({ length: 2 ** 53 - 1 }, 1));
tryIt("splice", () => Array.prototype.splice.call({ length: 2 ** 53 - 1 }, 0, 0, 1));
tryIt("slice", () => Array.prototype.slice.call({ length: 2 ** 32 }, 0));
tryIt("map", () => Array.prototype.map.call({ length: 2 ** 32 }, x => x));
tryIt("toSpliced", () => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1));
tryIt("toSpliced range", () => Array.prototype.toSpliced.call({ length: 2 ** 32 }, 0, 0));
var o = { length: 4294967297, 4294967295: "a", 4294967296: "b" };
tryIt("splice tail", () => JSON.stringify(Array.prototype.splice.call(o, 4294967295, 2)) + " " + o.length);
