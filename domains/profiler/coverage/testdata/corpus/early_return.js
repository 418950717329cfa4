// Early returns and the code after them.
function find(arr, x) {
  for (var i = 0; i < arr.length; i++) {
    if (arr[i] === x) return i;
  }
  return -1;
}

function guard(obj) {
  if (!obj) return "none";
  if (!obj.name) {
    return "anonymous";
  }
  var greeting = "hello " + obj.name;
  return greeting;
}

function bare(x) {
  if (x) return;
  console.log("bare continued");
}

function deadCode() {
  return 1;
  console.log("dead");
}

console.log(find([1, 2, 3], 2), find([1, 2, 3], 9));
console.log(guard(null), guard({}), guard({ name: "a" }));
bare(true);
bare(false);
console.log(deadCode());
