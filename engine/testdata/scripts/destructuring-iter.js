// Array destructuring steps through the iterator protocol: only as many
// next() calls as elements, return() when the pattern ends first or an
// exception leaves it, none when the iterator itself threw.
var log = [];
function iterable(n, opts) {
  opts = opts || {};
  var i = 0;
  return {
    [Symbol.iterator]() {
      return {
        next() { log.push("next"); if (opts.throwNext) throw new Error("next"); i++; return { done: i > n, value: i }; },
        return() { log.push("return"); return {}; },
      };
    },
  };
}
function show(label, f) {
  log = [];
  try { var r = f(); console.log(label, JSON.stringify(r), log.join()); }
  catch (e) { console.log(label, "threw", e.message, log.join()); }
}
show("empty", () => { var [] = iterable(Infinity); return 0; });
show("elision", () => { var [,] = iterable(Infinity); return 0; });
show("two", () => { var [a, b] = iterable(Infinity); return [a, b]; });
show("short", () => { var [a, b, c] = iterable(1); return [a, b, c]; });
show("rest", () => { var [a, ...r] = iterable(4); return [a, r]; });
show("default", () => { var [a, b = a * 10] = iterable(1); return [a, b]; });
show("throw in default", () => { var [a, b = (() => { throw new Error("dflt"); })()] = iterable(1); return 0; });
show("throw in default open", () => { var [a = (() => { throw new Error("dflt"); })()] = iterable(Infinity); return 0; });
show("next throws", () => { var [a] = iterable(5, { throwNext: true }); return 0; });
show("assign", () => { var x, y; [x, [y]] = [1, iterable(Infinity)]; return [x, y]; });
show("params", () => (function ([a, , b]) { return [a, b]; })(iterable(Infinity)));
show("for-of", () => { var out = []; for (var [a, b] of [iterable(Infinity), [7]]) out.push(a, b); return out; });
show("string", () => { var [a, b, ...c] = "h\u{1F600}llo"; return [a, b, c]; });
show("non-object result", () => { try { var [a] = { [Symbol.iterator]() { return { next() { return 1; } }; } }; } catch (e) { return e.constructor.name; } });
function* gen() { log.push("started"); yield 1; }
show("generator not started", () => { var [] = gen(); return 0; });
