// String.prototype.isWellFormed and toWellFormed (lone surrogates).
var xs = ["abc", "a\ud800b", "\udc00", "\ud83d\ude00", "x\ud83d", "\ude00\ud83d"];
for (var s of xs) console.log(s.isWellFormed(), JSON.stringify(s.toWellFormed()));
try { String.prototype.isWellFormed.call(null); } catch (e) { console.log(e.constructor.name); }
console.log(String.prototype.toWellFormed.length, String.prototype.isWellFormed.call(12));
