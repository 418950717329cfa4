// Default parameter values: used, not used, calling functions, referring to earlier params.
function greet(name = "world", punct = "!") {
  return "hello " + name + punct;
}

function fallback() {
  return "computed";
}

function lazyDefault(a = fallback(), b = a + "-b") {
  return a + "," + b;
}

var arrow = (x, y = x * 2) => x + y;

function neverDefault(x = (function () { return "never"; })()) {
  return x;
}

console.log(greet(), greet("you"), greet("me", "?"));
console.log(lazyDefault(), lazyDefault("given"));
console.log(arrow(1), arrow(1, 1));
console.log(neverDefault(5));
