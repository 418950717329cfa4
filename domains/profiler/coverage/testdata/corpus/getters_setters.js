// Accessors on object literals and classes.
var obj = {
  _v: 1,
  get v() {
    return this._v;
  },
  set v(x) {
    this._v = x * 2;
  },
  get unused() {
    return "never";
  },
};

class Temp {
  #c = 0;
  get f() {
    return this.#c * 9 / 5 + 32;
  }
  set f(v) {
    this.#c = (v - 32) * 5 / 9;
  }
  static get unit() {
    return "C";
  }
}

obj.v = 5;
console.log(obj.v, obj.v);
var t = new Temp();
t.f = 212;
console.log(t.f, Temp.unit);
