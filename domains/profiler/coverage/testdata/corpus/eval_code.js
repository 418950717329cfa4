// Direct and indirect eval: each evaluated source is its own script in the
// coverage result (url ""), or named by a sourceURL comment.
var x = 10;

function direct(code) {
  return eval(code);
}

var indirect = eval;

console.log(direct("x + 1"));
console.log(direct("var t = 0; for (var i = 0; i < 3; i++) { t += i; } t"));
console.log(indirect("(function (a) { return a ? 'yes' : 'no'; })")(1));
eval("function fromEval(n) { if (n) { return 'n'; } return 'zero'; }");
console.log(fromEval(1), fromEval(0));
console.log(eval("1 + 1\n//# sourceURL=named-eval.js"));
