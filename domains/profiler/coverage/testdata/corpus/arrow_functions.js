// Arrow functions with expression and block bodies, nested and immediately used.
var double = (x) => x * 2;
var sum = (a, b) => {
  return a + b;
};
var curry = (a) => (b) => (c) => a + b + c;
var objArrow = () => ({ ok: true });
var branchy = (x) => {
  if (x) {
    return "truthy";
  }
  return "falsy";
};
var neverArrow = (x) => x + 1;

console.log(double(4), sum(1, 2), curry(1)(2)(3));
console.log(objArrow().ok);
console.log(branchy(1), branchy(0), branchy(0));
console.log([1, 2, 3].map((v) => v * v).join());
console.log(typeof neverArrow);
