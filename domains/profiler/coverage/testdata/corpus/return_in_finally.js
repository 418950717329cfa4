// Control flow leaving through finally: return, break and continue overridden
// or completed by finally blocks.
function overrides() {
  try {
    return "try";
  } finally {
    return "finally";
  }
}

function breakInFinally() {
  var n = 0;
  while (true) {
    try {
      n++;
      throw new Error("x");
    } finally {
      break;
    }
  }
  return n;
}

function continueThroughFinally() {
  var log = [];
  for (var i = 0; i < 3; i++) {
    try {
      if (i === 1) continue;
      log.push("t" + i);
    } finally {
      log.push("f" + i);
    }
  }
  return log.join();
}

console.log(overrides(), breakInFinally(), continueThroughFinally());
