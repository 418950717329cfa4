// Class expressions, classes defined inside functions, generator and async
// methods, and methods never called.
function makeClass(base) {
  return class extends base {
    hello() {
      return "hello from " + super.hello();
    }
  };
}

class Base {
  hello() {
    return "base";
  }
  *items() {
    yield 1;
    yield 2;
  }
  async later() {
    return "later";
  }
  static neverStatic() {
    return "never";
  }
}

var Derived = makeClass(Base);
var inst = new Derived();
console.log(inst.hello());
console.log([...inst.items()].join());
inst.later().then(function (v) {
  console.log(v);
});
