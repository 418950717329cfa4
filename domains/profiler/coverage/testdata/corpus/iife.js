// Immediately invoked function expressions in their common spellings.
var a = (function () {
  return "classic";
})();

var b = (function () {
  return "crockford";
}());

var c = (() => "arrow iife")();

!function () {
  console.log("bang iife");
}();

void function named() {
  console.log("void iife", typeof named);
}();

var d = (function (x) {
  if (x) {
    return "with arg";
  }
  return "without";
})(true);

console.log(a, b, c, d);
