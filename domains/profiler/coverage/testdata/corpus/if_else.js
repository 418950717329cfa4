// if, else, else-if chains, nested ifs, blocks and single statements.
function classify(n) {
  if (n < 0) {
    return "negative";
  } else if (n === 0) {
    return "zero";
  } else if (n < 10) {
    return "small";
  } else {
    return "large";
  }
}

function noElse(x) {
  var r = 0;
  if (x) r = 1;
  if (!x) {
    r = 2;
  }
  return r;
}

function nested(a, b) {
  if (a) {
    if (b) {
      return 3;
    }
    return 2;
  }
  return 1;
}

function neverTaken(x) {
  if (x > 100) {
    console.log("never");
  }
  return x;
}

console.log(classify(-1), classify(0), classify(5), classify(5), classify(50));
console.log(noElse(true), noElse(false));
console.log(nested(true, true), nested(true, false), nested(false, true));
console.log(neverTaken(1));
if (classify(3) === "small") console.log("top-level then");
else console.log("top-level else");
