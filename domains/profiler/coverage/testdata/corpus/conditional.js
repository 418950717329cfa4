// The conditional operator, nested and in arguments.
function sign(x) {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function pick(flag) {
  var v = flag ? "yes" : "no";
  return v;
}

function onlyTrue(a) {
  return a ? { ok: true } : { ok: false, never: true };
}

var results = [sign(5), sign(-2), sign(0), sign(7)];
console.log(results.join(" "));
console.log(pick(true), pick(true), pick(false));
console.log(onlyTrue(1).ok);
console.log(results.length > 2 ? "many" : "few");
