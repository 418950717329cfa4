// Non-ASCII text before and inside functions: offsets are UTF-16 code units.
// Ünïcödé in a comment, and an astral character: 𝒳 (two UTF-16 units).
var greeting = "héllo wörld — 𝒳𝒴";

function len(s) {
  if (s.length > 5) {
    return "long: " + s.length;
  }
  return "short";
}

var emoji = "😀";
function afterEmoji() {
  return emoji + "!";
}

console.log(len(greeting), len("ß"), afterEmoji());
