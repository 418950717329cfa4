// switch with fallthrough, default in the middle, no match, break and return.
function describe(n) {
  var parts = [];
  switch (n) {
    case 1:
      parts.push("one");
    case 2:
      parts.push("two");
      break;
    default:
      parts.push("other");
    case 3:
      parts.push("three");
      break;
    case 4:
    case 5:
      parts.push("four-or-five");
      break;
    case 6:
      parts.push("never");
  }
  return parts.join(",");
}

function withReturn(s) {
  switch (s) {
    case "a":
      return 1;
    case "b":
      return 2;
  }
  return 0;
}

function emptySwitch(x) {
  switch (x) {
  }
  return x;
}

console.log(describe(1), describe(2), describe(3), describe(4), describe(5), describe(9));
console.log(withReturn("a"), withReturn("b"), withReturn("z"));
console.log(emptySwitch(7));
