// Methods in object literals: shorthand, computed names, function-valued
// properties (name inference), and methods assigned later.
var key = "computed";
var api = {
  short() {
    return "short";
  },
  [key + "Name"]() {
    return "computed";
  },
  prop: function () {
    return "prop";
  },
  arrow: () => "arrow",
  nested: {
    deeper() {
      return "deeper";
    },
  },
};

api.later = function () {
  return "later";
};

var sym = Symbol("sym");
api[sym] = function () {
  return "symbol";
};

console.log(api.short(), api.computedName(), api.prop(), api.arrow());
console.log(api.nested.deeper(), api.later(), api[sym]());
