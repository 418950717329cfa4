// Code after throw statements, in functions, blocks and switch cases.
function fail(kind) {
  if (kind === 1) {
    throw new Error("one");
    console.log("after throw in block");
  }
  switch (kind) {
    case 2:
      throw new Error("two");
    case 3:
      return "three";
  }
  throw new Error("other");
  console.log("after throw at function level");
}

var kinds = [1, 2, 3, 4];
for (var i = 0; i < kinds.length; i++) {
  try {
    console.log(fail(kinds[i]));
  } catch (e) {
    console.log("caught", e.message);
  }
}
