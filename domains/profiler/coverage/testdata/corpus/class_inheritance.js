// Inheritance: derived constructors with super calls, implicit constructors,
// super method calls, and overridden methods.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return this.name + " makes a sound";
  }
  kind() {
    return "animal";
  }
}

class Dog extends Animal {
  constructor(name) {
    super(name);
    this.tricks = 0;
  }
  speak() {
    return super.speak() + " (woof)";
  }
}

class Puppy extends Dog {}

class Cat extends Animal {
  kind() {
    return "cat";
  }
}

var d = new Dog("rex");
var p = new Puppy("bit");
var c = new Cat("tom");
console.log(d.speak(), p.speak(), c.speak());
console.log(d.kind(), c.kind());
