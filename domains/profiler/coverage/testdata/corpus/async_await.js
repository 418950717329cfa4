// Async functions, await on resolved and rejected promises, async arrows.
function delay(v) {
  return new Promise(function (resolve) {
    resolve(v);
  });
}

async function add(a, b) {
  var x = await delay(a);
  var y = await delay(b);
  return x + y;
}

async function fails() {
  await delay(0);
  throw new Error("async failure");
}

async function handles() {
  try {
    await fails();
    console.log("not reached");
  } catch (e) {
    console.log("handled", e.message);
  }
  return "handled";
}

var twice = async (v) => (await delay(v)) * 2;

async function neverAwaited() {
  return 1;
}

async function main() {
  console.log(await add(1, 2));
  console.log(await handles());
  console.log(await twice(21));
  var all = await Promise.all([add(1, 1), add(2, 2)]);
  console.log(all.join());
}

main().then(function () {
  console.log("main settled");
});
