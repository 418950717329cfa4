// super() inside arrow functions and direct eval in derived constructors.
class A {
  constructor(...args) { this.a = args.length; this.args = args; }
}
class B extends A {
  constructor() { const f = () => super(1, 2); f(); console.log('B', this.a, this.args); }
}
new B();

class Fields extends A {
  x = this.a * 10;
  #p = 7;
  constructor() { const f = () => super(1); f(); console.log('fields', this.x, this.#p, this.a); }
  get p() { return this.#p; }
}
console.log(new Fields().p);

class Twice extends A {
  constructor() { const f = () => super(); f(); f(); }
}
try { new Twice(); } catch (e) { console.log(e.constructor.name, e.message); }

class Before extends A {
  constructor() { const f = () => this; f(); super(); }
}
try { new Before(); } catch (e) { console.log(e.constructor.name, e.message); }

class NoSuper extends A {
  constructor() { const f = () => super(); }
}
try { new NoSuper(); } catch (e) { console.log(e.constructor.name, e.message); }

class ArrowThisAfter extends A {
  constructor() { const f = () => super(3); const g = () => this.a; f(); console.log('after', g()); }
}
new ArrowThisAfter();

class Nested extends A {
  constructor() { const f = () => () => super(4, 5, 6); f()(); console.log('nested', this.a); }
}
new Nested();

class Spread extends A {
  constructor(...xs) { const f = () => super(...xs, 'z'); f(); console.log('spread', this.args); }
}
new Spread(1, 2);

class RetObj extends A {
  constructor() { const f = () => super(); f(); return { other: true }; }
}
console.log(new RetObj());

class RetEarly extends A {
  constructor(k) {
    const f = () => super(k);
    if (k) { let q = 1; const g = () => q; f(); return; }
    try { f(); return; } finally { console.log('finally', this.a); }
  }
}
console.log(new RetEarly(1).a, new RetEarly(0).a);

class NewTarget extends A {
  constructor() { const f = () => super(); f(); console.log('nt', new.target === NewTarget, Object.getPrototypeOf(this) === NewTarget.prototype); }
}
new NewTarget();
class Sub extends NewTarget {}
const s = new Sub();
console.log(Object.getPrototypeOf(s) === Sub.prototype);

class Later extends A {
  constructor() { const f = () => super(); f(); this.f = f; }
}
const l = new Later();
try { l.f(); } catch (e) { console.log(e.constructor.name, e.message); }

class Ev extends A {
  constructor(code) { eval(code); console.log('eval', this.a); }
}
new Ev('super(1, 2, 3)');
try { new Ev('super(); super()'); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Ev('1'); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Ev('this; super()'); } catch (e) { console.log(e.constructor.name, e.message); }
class Ev2 extends A {
  x = 1;
  constructor() { const r = eval('super(9); this.a'); console.log('eval2', r, this.x); }
}
new Ev2();
class Ev3 extends A {
  constructor() { const f = () => eval('super(8)'); f(); console.log('eval3', this.a); }
}
new Ev3();
class Ev4 extends A {
  constructor() { eval('var g = () => super(7); g()'); console.log('eval4', this.a); }
}
new Ev4();
try {
  class Ev5 extends A { x = eval('super()'); }
  new Ev5();
} catch (e) { console.log(e.constructor.name, e.message); }
try {
  class Ev6 { constructor() { eval('super()'); } }
  new Ev6();
} catch (e) { console.log(e.constructor.name, e.message); }
function plain() { try { eval('super()'); } catch (e) { console.log(e.constructor.name, e.message); } }
plain();

class NotCtor extends A {
  constructor() { const f = () => super(); Object.setPrototypeOf(NotCtor, Object.prototype); f(); }
}
try { new NotCtor(); } catch (e) { console.log(e.constructor.name, e.message); }

class SuperProp extends A {
  constructor() { const f = () => { super(5); return super.toString === Object.prototype.toString; }; console.log('prop', f(), this.a); }
}
new SuperProp();

class AsyncArrow extends A {
  constructor() { const f = async () => { super(6); }; f(); console.log('async', this.a); }
}
new AsyncArrow();

class ParentThrows extends A {
  constructor() { const f = () => super(); Object.setPrototypeOf(ParentThrows, class { constructor() { throw new Error('boom'); } }); try { f(); } catch (e) { console.log(e.message); } f; }
}
try { new ParentThrows(); } catch (e) { console.log(e.constructor.name, e.message); }
