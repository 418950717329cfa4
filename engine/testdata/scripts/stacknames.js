// Function names in stack frames: inferred names from the enclosing
// variable (array elements, computed keys), and runtime names from
// computed keys, which V8 shows before the inferred one.
function top() {
  const line = new Error('x').stack.split('\n')[2];
  return line.replace(/ \(.*\)$/, '').trim();
}
var list = [function () { return top(); }, () => top()];
var k = 'a';
var o = {
  [k]: function () { return top(); },
  [k + 'b']() { return top(); },
  plain: function () { return top(); },
  [k + 'c']: () => top(),
};
var holder = {};
holder.items = [function () { return top(); }];
console.log(list[0](), '|', list[1]());
console.log(o.a(), '|', o.ab(), '|', o.plain(), '|', o.ac());
console.log(holder.items[0]());
console.log(list[0].name === '', o.a.name, o.ab.name, o.ac.name);
// V8's inferrer drops the function collected last when it meets an arrow.
var a3 = [function () { return top(); }, () => top()];
var a6 = [function () { return top(); }, 1, () => top()];
var a7 = [function () { return top(); }, function () { return top(); }, () => top()];
var a8 = [function () { return top(); }, (x) => top(), () => top()];
var a9 = [(function () { return top(); })];
console.log(a3[0](), a3[1](), '|', a6[0](), a6[2](), '|', a7[0](), a7[1](), a7[2]());
console.log(a8[0](), a8[1](), a8[2](), '|', a9[0]());
