// for and while loops with break and continue.
function sumOdd(n) {
  var s = 0;
  for (var i = 0; i < n; i++) {
    if (i % 2 === 0) continue;
    s += i;
  }
  return s;
}

function firstOver(arr, limit) {
  var found = -1;
  for (var i = 0; i < arr.length; i++) {
    if (arr[i] > limit) {
      found = i;
      break;
    }
  }
  return found;
}

function whileBreak(n) {
  var i = 0;
  while (true) {
    i++;
    if (i >= n) break;
  }
  return i;
}

function emptyBody(n) {
  var i = 0;
  for (; i < n; i++);
  return i;
}

function neverIterates() {
  for (var i = 0; i < 0; i++) {
    console.log("never");
  }
  return "done";
}

console.log(sumOdd(10));
console.log(firstOver([1, 5, 9, 12], 6), firstOver([1, 2], 6));
console.log(whileBreak(4));
console.log(emptyBody(3));
console.log(neverIterates());
for (var k = 0; k < 3; k++) {
  if (k === 1) continue;
  console.log("k", k);
}
