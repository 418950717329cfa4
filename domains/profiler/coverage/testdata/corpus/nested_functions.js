// Functions nested several levels deep, some inner ones never called.
function outer(x) {
  function middle(y) {
    function inner(z) {
      return x + y + z;
    }
    function innerNever() {
      return "never";
    }
    return inner(1);
  }
  function middleNever() {
    function deepNever() {
      return "deep";
    }
    return deepNever();
  }
  return middle(2) + middle(3);
}

function sibling() {
  return "sibling";
}

console.log(outer(10), outer(20));
console.log(sibling());
