// An ES module: exports, a default export, functions that run and not, and
// top-level statements.
export function used(x) {
  return x > 1 ? "big" : "small";
}

export function unused() {
  return "unused";
}

export default function (y) {
  if (y) {
    return "default";
  }
  return "none";
}

export const arrow = (v) => v + 1;

const local = used(2) + used(0);
console.log(local, arrow(1));
