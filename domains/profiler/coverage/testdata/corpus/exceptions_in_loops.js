// Exceptions thrown and caught inside loops, with break/continue in handlers.
function processItems(items) {
  var ok = 0;
  var bad = 0;
  for (var i = 0; i < items.length; i++) {
    try {
      if (items[i] < 0) throw new Error("negative");
      if (items[i] === 0) continue;
      if (items[i] > 100) break;
      ok++;
    } catch (e) {
      bad++;
      continue;
    } finally {
      if (items[i] === 7) console.log("finally on 7");
    }
  }
  return ok + "/" + bad;
}

function retry(n) {
  var attempts = 0;
  while (true) {
    try {
      attempts++;
      if (attempts < n) throw attempts;
      return attempts;
    } catch (e) {
      if (e > 10) break;
    }
  }
  return -1;
}

console.log(processItems([1, -1, 0, 7, 200, 3]));
console.log(retry(3));
