// The with statement: object environment records.
const o = { x: 1, y: 2, f() { return this === o; } };
let x = 'outer x';
with (o) {
  console.log(x, y, f());
  x = 10;
  z = 'created global';
}
console.log(o.x, x, typeof z, globalThis.z, delete globalThis.z);

// Functions closed over a with scope.
function make(obj) {
  with (obj) {
    return [() => value, (v) => { value = v; }, function () { return typeof missing; }];
  }
}
const target = { value: 'first' };
const [get, set, miss] = make(target);
console.log(get());
set('second');
console.log(target.value, get(), miss());
target.missing = 1;
console.log(miss());
delete target.value;
try { get(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// Symbol.unscopables.
const arr = [1, 2, 3];
const keys = 'outer keys';
with (arr) {
  console.log(typeof keys, typeof push, length);
}
const u = { a: 'A', b: 'B', [Symbol.unscopables]: { a: true } };
const a = 'outer a';
with (u) console.log(a, b);

// Primitives are converted; null and undefined throw.
with ('text') console.log(length, charAt(1));
with (42) console.log(toFixed(1));
try { with (null) {} } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { with (undefined) {} } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// Break, continue, return and exceptions leave the with scope.
function loops() {
  const out = [];
  const env = { i: 100 };
  for (let i = 0; i < 4; i++) {
    with (env) {
      if (i === 1) continue;
      if (i === 3) break;
      out.push(i);
    }
  }
  try {
    with ({ boom: 'yes' }) { throw new Error(boom); }
  } catch (e) { out.push(e.message); }
  with ({ r: 'returned' }) { out.push(typeof r); }
  return out.join();
}
console.log(loops());

// with + direct eval.
function mixed(obj) {
  var local = 'local';
  with (obj) {
    eval('var declared = inWith + local');
    return declared;
  }
}
console.log(mixed({ inWith: 'from object ' }));
const scope = { shadow: 'object' };
function evalVarInWith() {
  var shadow = 'function';
  with (scope) {
    eval('var shadow = "assigned through with"');
  }
  return shadow + ' / ' + scope.shadow;
}
console.log(evalVarInWith());

// Calls through with get the object as receiver.
const recv = { who() { return this === recv ? 'recv' : String(this); } };
with (recv) console.log(who());

// Assignments to unresolvable names, typeof of unresolvable names.
function sloppy() { undeclaredGlobal = 5; return typeof notThere; }
console.log(sloppy(), undeclaredGlobal);
try { (function () { 'use strict'; alsoUndeclared = 1; })(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// with is a syntax error in strict code.
try { eval('"use strict"; with ({}) {}'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { new Function('"use strict"; with (a) {}'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// let/const/class declared inside a with body are block scoped.
with ({ inner: 'obj' }) {
  let inner = 'let';
  console.log(inner);
}
// Completion value.
console.log(eval('1; with ({}) {}'), eval('2; with ({}) { 3; }'));
