// Comma (sequence) expressions in loops, returns and conditions.
function seq(a, b) {
  return (a++, b++, a + b);
}

function loop(n) {
  var i, j, acc = 0;
  for (i = 0, j = n; i < j; i++, j--) acc += j - i;
  return acc;
}

function inCondition(x) {
  var hits = 0;
  if ((hits++, x)) {
    return hits;
  }
  return -hits;
}

console.log(seq(1, 2), loop(6), inCondition(true), inCondition(false));
