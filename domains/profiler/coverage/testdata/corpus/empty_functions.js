// Empty functions and functions whose whole body is one expression.
function empty() {}
function emptyNever() {}
var emptyArrow = () => {};
var emptyExpr = function () {};
var onlyReturn = function () {
  return;
};
class NoBody {
  method() {}
}

empty();
empty();
emptyArrow();
emptyExpr();
onlyReturn();
new NoBody().method();
console.log("done");
