class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}
class Point3 extends Point {
  z = 0;
  norm() { return super.norm() + this.z; }
}
