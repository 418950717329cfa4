// Closures: counters, factories, closures created but never called.
function makeCounter() {
  var count = 0;
  return {
    inc: function () {
      count++;
      return count;
    },
    get: function () {
      return count;
    },
    reset: function () {
      count = 0;
    },
  };
}

function adder(x) {
  return function (y) {
    return x + y;
  };
}

var c = makeCounter();
c.inc();
c.inc();
c.inc();
console.log(c.get());

var add2 = adder(2);
var add5 = adder(5);
console.log(add2(1), add5(1), add2(10));

var fns = [];
for (var i = 0; i < 3; i++) {
  fns.push(function () {
    return i;
  });
}
console.log(fns[0]());
