// Promise reactions: then, catch and finally callbacks, some never run.
function step(v) {
  return Promise.resolve(v + 1);
}

Promise.resolve(1)
  .then(step)
  .then(function (v) {
    console.log("value", v);
    throw new Error("chain error");
  })
  .then(function () {
    console.log("skipped");
  })
  .catch(function (e) {
    console.log("caught", e.message);
    return "recovered";
  })
  .finally(function () {
    console.log("finally");
  });

Promise.reject(new Error("early"))
  .then(
    function () {
      console.log("never fulfilled");
    },
    function (e) {
      console.log("rejected", e.message);
    }
  );

new Promise(function (resolve, reject) {
  resolve("executor");
}).then(function (v) {
  console.log(v);
});
