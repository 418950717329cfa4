// Spread in calls, arrays and objects; rest parameters and rest elements.
function sum(...nums) {
  var s = 0;
  for (var i = 0; i < nums.length; i++) s += nums[i];
  return s;
}

function firstAndRest(first, ...rest) {
  return first + ":" + rest.length;
}

var arr = [1, 2, 3];
var more = [0, ...arr, 4];
var obj = { a: 1, ...{ b: 2, c: 3 } };
var { a, ...others } = obj;
var [head, ...tail] = more;

console.log(sum(...arr), sum(), sum(...more, 10));
console.log(firstAndRest(1, 2, 3), firstAndRest("only"));
console.log(a, Object.keys(others).join(), head, tail.length);
