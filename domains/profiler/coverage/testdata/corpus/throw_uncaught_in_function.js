// A function that throws past its caller; the exception is caught at top level.
function thrower(n) {
  if (n > 1) {
    throw new Error("too big: " + n);
  }
  return n;
}

function middle(n) {
  var r = thrower(n);
  console.log("middle after", r);
  return r + 1;
}

function alwaysThrows() {
  throw new Error("always");
}

try {
  console.log(middle(1));
  console.log(middle(5));
  console.log("not reached");
} catch (e) {
  console.log("caught:", e.message);
}

try {
  alwaysThrows();
} catch (e) {
  console.log("caught:", e.message);
}
console.log("end");
