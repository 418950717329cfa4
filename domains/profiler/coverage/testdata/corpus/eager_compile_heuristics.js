// Never-called functions in the spellings V8's parser may compile eagerly
// (a function expression right after `(`) or lazily (everything else). Only
// eagerly compiled ones have block counters, so in block modes they report
// isBlockCoverage true, and their inner functions exist.
var parenthesized = (function () {
  function innerOfEager() {
    return "inner";
  }
  return innerOfEager;
});
var plain = function () {
  function innerOfLazy() {
    return "inner";
  }
  return innerOfLazy;
};
var inArray = [(function () { return "array"; })];
var parenArrow = (() => "arrow");
var plainArrow = () => "arrow";
var parenArrowParams = ((x) => x);
var obj = {
  prop: (function () {
    return "prop";
  }),
};
function takes(f) {
  return typeof f;
}
console.log(takes(function () { return "arg"; }), takes((function () { return "paren arg"; })));
console.log(typeof parenthesized, typeof plain, inArray.length, typeof parenArrow);
console.log(typeof plainArrow, typeof parenArrowParams, typeof obj.prop);
