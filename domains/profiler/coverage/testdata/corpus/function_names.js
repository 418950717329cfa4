// Function names as V8 infers them: variables, properties, assignments,
// default exports of values, methods, accessors, symbols and anonymous ones.
var byVar = function () {
  return 1;
};
let byLet = () => 2;
var named = function explicitName() {
  return 3;
};
var holder = {};
holder.assigned = function () {
  return 4;
};
holder.deep = { inner: {} };
holder.deep.inner.fn = () => 5;
var obj = {
  ["comp" + "uted"]: function () {
    return 6;
  },
  get accessor() {
    return 7;
  },
};
var list = [
  function () {
    return 8;
  },
];
var sym = Symbol("desc");
var withSym = {
  [sym]() {
    return 9;
  },
};
var anonClass = class {
  m() {
    return 10;
  }
};

console.log(byVar(), byLet(), named(), holder.assigned(), holder.deep.inner.fn());
console.log(obj.computed(), obj.accessor, list[0](), withSym[sym](), new anonClass().m());
console.log((function () { return 11; })());
