// do-while loops: body runs at least once; break and continue inside.
function countDown(n) {
  var steps = 0;
  do {
    steps++;
    n--;
  } while (n > 0);
  return steps;
}

function withContinue(n) {
  var evens = 0;
  var i = 0;
  do {
    i++;
    if (i % 2) continue;
    evens++;
  } while (i < n);
  return evens;
}

function withBreak() {
  var i = 0;
  do {
    if (i === 2) break;
    i++;
  } while (true);
  return i;
}

console.log(countDown(3), countDown(0));
console.log(withContinue(6));
console.log(withBreak());
