// Array.prototype.sort follows V8's TimSort step by step: the number of
// comparator calls (and the pairs compared) are observable.
let seed = 12345;
function rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
function trial(arr) {
  let calls = 0;
  let pairs = 0;
  const sorted = arr.slice().sort((a, b) => {
    calls++;
    pairs = (pairs * 31 + a * 7 + b) % 1000003;
    return a - b;
  });
  return calls + ":" + pairs + ":" + sorted.slice(0, 5).join(",");
}
const sizes = [0, 1, 2, 3, 5, 8, 13, 31, 63, 64, 65, 100, 128, 257, 600];
for (const n of sizes) {
  const random = [], dups = [], asc = [], desc = [], saw = [];
  for (let i = 0; i < n; i++) {
    random.push(rand(100000));
    dups.push(rand(5));
    asc.push(i);
    desc.push(n - i);
    saw.push(i % 17);
  }
  console.log(n, trial(random), trial(dups), trial(asc), trial(desc), trial(saw));
}
// Stability and the default (string) order.
const people = [];
for (let i = 0; i < 300; i++) people.push({ k: rand(10), i });
people.sort((a, b) => a.k - b.k);
let stable = true;
for (let i = 1; i < people.length; i++) {
  if (people[i - 1].k === people[i].k && people[i - 1].i > people[i].i) stable = false;
}
console.log("stable", stable);
console.log([10, 9, 1, 100, undefined, , 25, "b", "a"].sort());
console.log([3, 1, 2].sort(() => NaN), [3, 1, 2].sort((a, b) => b - a));
try {
  [3, 2, 1].sort((a, b) => { if (a === 1) throw new Error("stop"); return a - b; });
} catch (e) {
  console.log("threw", e.message);
}
