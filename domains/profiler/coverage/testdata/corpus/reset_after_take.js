// Counters reset after each take. The harness calls afterFirstTake() between
// the first and the second takePreciseCoverage: the second take reports only
// what ran in between.
function ranBefore() {
  return "before";
}

function ranBoth(x) {
  if (x) {
    return "then";
  }
  return "else";
}

function ranOnlyAfter(n) {
  var s = 0;
  for (var i = 0; i < n; i++) s += i;
  return s;
}

function never() {
  return "never";
}

function afterFirstTake() {
  console.log(ranBoth(false), ranOnlyAfter(3), ranOnlyAfter(0));
}

console.log(ranBefore(), ranBoth(true), ranBoth(true));
