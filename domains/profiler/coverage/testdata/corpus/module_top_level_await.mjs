// An ES module with top-level await.
async function compute(n) {
  await null;
  if (n > 2) {
    return n * 2;
  }
  return n;
}

const a = await compute(3);
const b = await compute(1);
let c;
try {
  c = await Promise.reject(new Error("rejected"));
} catch (e) {
  c = e.message;
}
console.log(a, b, c);
