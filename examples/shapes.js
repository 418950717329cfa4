// Classes, closures and objects that share hidden classes: the kind of
// program whose heap the inspector will show.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  norm() {
    return Math.sqrt(this.x * this.x + this.y * this.y);
  }
}

class Point3 extends Point {
  constructor(x, y, z) {
    super(x, y);
    this.z = z;
  }
  norm() {
    return Math.sqrt(super.norm() ** 2 + this.z * this.z);
  }
}

function counter() {
  let n = 0;
  return () => ++n;
}

const points = [];
for (let i = 0; i < 1000; i++) {
  points.push(i % 2 ? new Point(i, i) : new Point3(i, i, i));
}
const next = counter();
let total = 0;
for (const p of points) {
  total += p.norm();
  next();
}
console.log('points:', points.length, 'calls:', next() - 1, 'total norm:', total.toFixed(2));
