// Functions whose closures become garbage before coverage is taken. With
// --expose-gc the global gc() collects them; the script also runs without it.
function makeTemp(n) {
  var temp = function (x) {
    return x * n;
  };
  return temp(2);
}

function runOnce() {
  var local = {
    fn: function () {
      return "short-lived";
    },
  };
  return local.fn();
}

var total = 0;
for (var i = 0; i < 5; i++) total += makeTemp(i);
console.log(total, runOnce());

(function () {
  var dropped = function () {
    return "dropped";
  };
  console.log(dropped());
})();

if (typeof gc === "function") {
  gc();
  gc();
}
console.log("end");
