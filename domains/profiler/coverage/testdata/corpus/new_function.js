// Functions made by the Function constructor: each is its own script.
var add = new Function("a", "b", "return a + b;");
var branch = Function("x", "if (x) { return 'yes'; } else { return 'no'; }");
var never = new Function("return 'never';");

console.log(add(1, 2), add(3, 4));
console.log(branch(true), branch(false), branch(true));
console.log(typeof never);
