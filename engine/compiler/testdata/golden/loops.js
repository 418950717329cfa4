function sum(arr) {
  let s = 0;
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] < 0) continue;
    s += arr[i];
  }
  return s;
}
function points() {
  const out = [];
  for (let i = 0; i < 3; i++) out.push({ x: i, y: i * 2 });
  return out;
}
