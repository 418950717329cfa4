function classify(n) {
  if (n < 0) return "negative";
  else if (n === 0) return "zero";
  else return "positive";
}
console.log(classify(-5), classify(0), classify(5));
let out = [];
for (let i = 0; i < 10; i++) {
  if (i === 2) continue;
  if (i === 7) break;
  out.push(i);
}
console.log(out.join(","));
let n = 0;
while (n < 100) { n += 7; }
do { n--; } while (n > 90);
console.log(n);
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log("pair", i, j);
  }
}
function sw(x) {
  switch (x) {
    case 1: return "one";
    case "1": return "string one";
    case 2:
    case 3: return "two or three";
    default: return "other";
  }
}
console.log(sw(1), sw("1"), sw(3), sw(9));
let fall = [];
switch (2) { case 1: fall.push(1); case 2: fall.push(2); case 3: fall.push(3); break; case 4: fall.push(4); }
console.log(fall);
console.log(true && "yes", false || "fallback", null ?? "nullish", 0 ?? "zero", "" || 0 || null);
console.log(1 ? "a" : "b", 0 ? "a" : "b", (1, 2, 3));
const obj = { a: 1, b: 2, c: 3 };
for (const k in obj) console.log("key", k, obj[k]);
for (const v of [10, 20, 30]) console.log("value", v);
for (const ch of "hi") console.log("char", ch);
let count = 0;
lbl: { count++; break lbl; count++; }
console.log(count);
