// BigInt literals are constant pool entries (deduplicated); unary plus
// is ToNumber, ++ keeps ToNumeric.
function f(x) {
  let a = 10n + 0x1Fn * 10n;
  let b = +x;
  const c = x++;
  return [a, b, c, -5n, { 7n: 1 }];
}
