// Classes: instance fields, static fields, static blocks, private members.
class Point {
  x = 0;
  y = this.x + 1;
  #secret = "s";
  static count = 0;
  static origin;
  static {
    Point.origin = new Point(0, 0);
  }

  constructor(x, y) {
    this.x = x;
    this.y = y;
    Point.count++;
  }

  #hidden() {
    return this.#secret;
  }

  reveal() {
    return this.#hidden();
  }

  norm() {
    return Math.sqrt(this.x * this.x + this.y * this.y);
  }

  static create(x) {
    return new Point(x, x);
  }

  neverCalled() {
    return "never";
  }
}

class Empty {}

class OnlyFields {
  a = 1;
  b = [1, 2].map((v) => v * 2);
}

var p = new Point(3, 4);
console.log(p.norm(), p.reveal());
console.log(Point.create(1).x, Point.count);
console.log(new Empty() instanceof Empty);
console.log(new OnlyFields().b.join());
