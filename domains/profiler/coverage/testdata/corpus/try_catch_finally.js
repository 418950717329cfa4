// try/catch, try/finally, try/catch/finally, nested, catch without a binding.
function tryCatch(fail) {
  try {
    if (fail) throw new Error("boom");
    return "ok";
  } catch (e) {
    return "caught " + e.message;
  }
}

function tryFinally(x) {
  var log = [];
  try {
    log.push("try");
    if (x) return log;
  } finally {
    log.push("finally");
  }
  log.push("after");
  return log;
}

function all(fail) {
  var steps = [];
  try {
    steps.push("t");
    if (fail) throw 1;
    steps.push("t2");
  } catch {
    steps.push("c");
  } finally {
    steps.push("f");
  }
  return steps.join("");
}

function nested() {
  try {
    try {
      throw new Error("inner");
    } finally {
      console.log("inner finally");
    }
  } catch (e) {
    return e.message;
  }
}

function neverThrows() {
  try {
    return 1;
  } catch (e) {
    return 2;
  }
}

console.log(tryCatch(false), tryCatch(true));
console.log(tryFinally(true).join(), tryFinally(false).join());
console.log(all(false), all(true), all(true));
console.log(nested());
console.log(neverThrows());
