// Direct and mutual recursion.
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}

function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}

function depth(node) {
  if (!node) {
    return 0;
  }
  return 1 + Math.max(depth(node.left), depth(node.right));
}

console.log(fib(10));
console.log(isEven(10), isOdd(7));
console.log(depth({ left: { left: null, right: { left: null, right: null } }, right: null }));
