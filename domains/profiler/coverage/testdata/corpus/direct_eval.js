// Direct eval in functions and with: the eval code's functions are
// coverage functions of their own eval script, as V8 reports them.
function outer(n) {
  let total = 0;
  for (var i = 0; i < n; i++) {
    total += eval('i > 1 ? i * 2 : (function small(x) { return x; })(i)');
  }
  return total;
}
outer(4);
function declares(flag) {
  eval('var made = flag ? 1 : 2; function inner() { if (made > 1) { return "two"; } return "one"; }');
  return inner();
}
declares(true);
declares(false);
function withScope(o) {
  with (o) {
    if (a) {
      return b;
    }
    return 'no a';
  }
}
withScope({ a: 1, b: 2 });
withScope({ a: 0 });
const arrow = (k) => eval('() => k + 1')();
arrow(1);
