// Callbacks passed to Array methods: map, filter, reduce, forEach, some, sort.
var nums = [5, 3, 8, 1, 9, 2];

var doubled = nums.map(function (n) {
  return n * 2;
});
var evens = nums.filter((n) => n % 2 === 0);
var total = nums.reduce(function (acc, n) {
  return acc + n;
}, 0);
var seen = [];
nums.forEach(function (n, i) {
  if (i < 2) seen.push(n);
});
var anyBig = nums.some((n) => n > 8);
var sorted = nums.slice().sort(function (a, b) {
  return a - b;
});
var none = [].map(function () {
  return "never";
});

console.log(doubled.join(), evens.join(), total, seen.join(), anyBig, sorted.join(), none.length);
