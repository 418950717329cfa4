class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get upper() { return this.name.toUpperCase(); }
  static create(n) { return new Animal(n); }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return super.speak() + " (woof)"; }
  toString() { return `Dog(${this.name})`; }
}
const d = new Dog("rex", "lab");
console.log(d.speak(), d.upper, `${d}`, d instanceof Dog, d instanceof Animal, Animal.create("cat").speak());
console.log(d, Object.getPrototypeOf(Dog) === Animal, typeof Dog, Dog.name);
class Counter {
  count = 0;
  static instances = 0;
  label = "c" + Counter.instances;
  constructor() { Counter.instances++; }
  inc() { this.count++; return this; }
}
const c = new Counter().inc().inc();
new Counter();
console.log(c.count, c.label, Counter.instances, c);
class Shape { area() { return 0; } describe() { return `${this.constructor.name} with area ${this.area()}`; } }
class Square extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s ** 2; } }
class Circle extends Shape { constructor(r) { super(); this.r = r; } area() { return Math.round(Math.PI * this.r ** 2); } }
console.log([new Square(3), new Circle(2)].map((s) => s.describe()));
class Empty {}
class Derived extends Empty {}
console.log(new Derived(), new Empty(), Derived.name);
try { Animal(); } catch (e) { console.log(e instanceof TypeError, e.message); }
const Anon = class {};
console.log(Anon.name, typeof class {});
