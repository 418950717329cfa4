// Template literals with substitutions, nested templates, and tagged templates.
function tag(strings, ...values) {
  var out = strings[0];
  for (var i = 0; i < values.length; i++) {
    out += "[" + values[i] + "]" + strings[i + 1];
  }
  return out;
}

function describe(n) {
  return `n is ${n > 0 ? "positive" : `not positive (${n})`}`;
}

var name = "sonde";
console.log(`hello ${name}, ${1 + 2}`);
console.log(tag`a${1}b${"two"}c`);
console.log(describe(1), describe(-1));
console.log(`${(() => "arrow in template")()}`);
