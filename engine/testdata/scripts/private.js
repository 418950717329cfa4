class Counter {
  #count = 0;
  static #instances = 0;
  #secret = "s";
  constructor() { Counter.#instances++; }
  #bump(n) { this.#count += n; return this; }
  inc() { return this.#bump(1); }
  get value() { return this.#count; }
  get #doubled() { return this.#count * 2; }
  set #doubled(v) { this.#count = v / 2; }
  twice() { this.#doubled = 10; return this.#doubled; }
  static count() { return Counter.#instances; }
  static has(o) { return #count in o; }
  peek(other) { return other.#secret; }
  incrementLater() { return () => ++this.#count; }
}
const c = new Counter().inc().inc();
console.log(c.value, c.twice(), Counter.count(), Counter.has(c), Counter.has({}), c);
try { c.peek({}); } catch (e) { console.log(e.constructor.name, e.message); }
const later = c.incrementLater(); later(); later(); console.log(c.value);
new Counter(); console.log(Counter.count(), Object.keys(c), JSON.stringify(c));
class Sub extends Counter { #own = 1; both() { return this.#own + this.value; } }
console.log(new Sub().inc().both());
class A { #x = 1; static read(o) { return o.#x; } }
class B { #x = 2; static read(o) { return o.#x; } }
console.log(A.read(new A()), B.read(new B()));
try { A.read(new B()); } catch (e) { console.log(e.message); }
