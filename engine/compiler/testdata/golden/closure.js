function counter() {
  let n = 0;
  let unused = 1;
  return () => ++n;
}
const c = counter();
c();
