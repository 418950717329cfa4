// Bare blocks, let/const scoping, and blocks inside functions.
function blocks(x) {
  let r = 0;
  {
    let r = 10;
    x += r;
  }
  {
    const y = x * 2;
    r = y;
  }
  return r;
}

{
  let a = 1;
  const b = 2;
  console.log(a + b);
}

{
}

console.log(blocks(1));
