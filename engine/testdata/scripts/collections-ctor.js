// Map/Set/WeakMap/WeakSet constructors: entries read one by one through
// the iterator (closed on error), added through this.set / this.add.
var item = {}; var count = 0;
Object.defineProperty(item, 0, { get() { throw new Error("boom"); } });
var it = { [Symbol.iterator]() { return { next() { return { value: item, done: false }; }, return() { count++; return {}; } }; } };
try { new Map(it); } catch (e) { console.log(e.message, count); }
console.log(new Map([[1, 2], [3, 4]]).size, new Set([1, 2, 2]).size);
try { new WeakMap([[1, 2]]); } catch (e) { console.log(e.constructor.name); }
try { new WeakSet([1]); } catch (e) { console.log(e.constructor.name); }
var calls = 0; var orig = Map.prototype.set; Map.prototype.set = function (k, v) { calls++; return orig.call(this, k, v); };
new Map([[1, 1]]); console.log(calls); Map.prototype.set = orig;
Set.prototype.add = 1; try { new Set([1]); } catch (e) { console.log(e.constructor.name); }
