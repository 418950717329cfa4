// Direct eval sees and declares the caller's variables.
function params(a, b = 2, ...rest) {
  let l = 'let';
  const c = 'const';
  var v = 'var';
  console.log(eval('[a, b, rest.length, l, c, v].join()'));
  eval('a = 10; l = "let2"; v = "var2"');
  console.log(a, l, v);
  try { eval('c = 1'); } catch (e) { console.log(e.constructor.name, e.message); }
  console.log(eval('arguments.length'), eval('arguments[0]'));
  return eval('(x) => x + a')(1);
}
console.log(params(1, undefined, 3, 4));

function sloppyVar() {
  eval('var fresh = 1; function declared() { return "d"; }');
  console.log(typeof fresh, fresh, declared());
  fresh = 2;
  console.log(eval('fresh'), delete fresh, typeof fresh);
  return typeof declared;
}
console.log(sloppyVar(), typeof fresh, typeof declared);

function strictEval() {
  'use strict';
  eval('var local = 1');
  return typeof local;
}
console.log(strictEval());
function strictCode() {
  eval('"use strict"; var inner = 5; function g() {}');
  return [typeof inner, typeof g].join();
}
console.log(strictCode());

function blocks() {
  let out = [];
  for (let i = 0; i < 3; i++) {
    out.push(eval('() => i'));
  }
  {
    let b = 'block';
    out.push(() => eval('b'));
  }
  try { throw new Error('caught'); } catch (err) {
    out.push(() => eval('err.message'));
  }
  return out.map((f) => f()).join();
}
console.log(blocks());

function closures() {
  eval('var counter = 0');
  const inc = () => ++counter;
  inc(); inc();
  return eval('counter') + ':' + counter;
}
console.log(closures());

// let/const inside eval stay inside it.
function lexical() {
  eval('let hidden = 1; const k = 2; class C {}');
  return [typeof hidden, typeof k, typeof C].join();
}
console.log(lexical());

// Conflicts with lexical bindings between the eval and its var scope.
function conflict() {
  let x = 1;
  try { eval('var x = 2'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
  {
    const y = 1;
    try { eval('function y() {}'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
  }
  return x;
}
console.log(conflict());

// this, new.target, super and the home object.
const obj = {
  name: 'obj',
  method() { return eval('this.name'); },
  arrow() { return (() => eval('this.name'))(); },
};
console.log(obj.method(), obj.arrow());
function Ctor() { this.nt = eval('new.target === Ctor'); }
console.log(new Ctor().nt);
class Base { greet() { return 'base'; } static s() { return 'static base'; } }
class Derived extends Base {
  constructor() { super(); this.v = eval('super.greet()'); }
  greet() { return eval('super.greet() + "+derived"'); }
  static s() { return eval('super.s()'); }
  field = eval('this.constructor.name');
}
const d = new Derived();
console.log(d.v, d.greet(), Derived.s(), d.field);
class WithPrivate {
  #secret = 42;
  get() { return eval('this.#secret'); }
}
try { console.log(new WithPrivate().get()); } catch (e) { console.log(e.constructor.name, e.message); }

// Indirect eval stays global; new Function too.
globalThis.globalV = 'global';
function indirect() {
  var globalV = 'local';
  return [eval('globalV'), (0, eval)('globalV'), new Function('return typeof globalV')()].join();
}
console.log(indirect());
function indirectDecl() {
  (0, eval)('var madeGlobal = 1');
  return typeof madeGlobal;
}
console.log(indirectDecl(), Object.getOwnPropertyDescriptor(globalThis, 'madeGlobal'));

// Non-string arguments and other callees named eval.
console.log(eval(42), eval({ a: 1 }).a, eval());
function shadowed() {
  const eval = (s) => 'not eval: ' + s;
  return eval('1 + 1');
}
console.log(shadowed());
function evalInEval() {
  var depth = 1;
  eval('eval("var deep = depth + 1")');
  return deep;
}
console.log(evalInEval());

// Completion values.
console.log(eval('1; if (true) { 2; }'), eval('var z = 3'), eval('let w = 4; w'), eval(''));

// Functions made by eval: names, toString, length.
function maker() {
  const f = eval('(function named(a, b) { return a + b; })');
  const g = eval('async function* gen() {} gen');
  const arrow = eval('(p) => p');
  return [f.name, f.length, f.toString(), g.name, arrow.name, arrow.toString()].join(' | ');
}
console.log(maker());

// Generators and async functions calling eval.
function* gen() { const x = yield 1; yield eval('x * 2'); }
const it = gen(); it.next(); console.log(it.next(21).value);
async function af(p) { const v = await p; return eval('v + 1'); }
af(Promise.resolve(1)).then((v) => console.log('async', v));

// A function named by a function expression, seen from eval.
const fe = function self() { return eval('typeof self') + ' ' + eval('self = 1, typeof self'); };
console.log(fe());
