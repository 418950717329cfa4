// Functions that are never called: declarations, expressions, arrows, methods,
// a never-called function inside a never-called function (lazily compiled: V8
// never sees the inner one), and a parenthesized function expression (which
// V8 compiles eagerly even though it is never called).
function neverCalled() {
  function innerOfNeverCalled() {
    return "inner";
  }
  return innerOfNeverCalled();
}

var neverExpr = function () {
  return "expr";
};

var neverArrow = () => "arrow";

var eager = (function () {
  return "parenthesized but never called";
});

var objWithMethod = {
  method() {
    return "method";
  },
};

function called() {
  function innerNeverCalled() {
    return "never";
  }
  return "called";
}

console.log(called());
console.log(typeof neverCalled, typeof neverExpr, typeof neverArrow, typeof eager);
console.log(typeof objWithMethod.method);
