// Labeled break and continue across nested loops, and a labeled block.
function findPair(grid, target) {
  var result = null;
  outer: for (var i = 0; i < grid.length; i++) {
    for (var j = 0; j < grid[i].length; j++) {
      if (grid[i][j] === target) {
        result = [i, j];
        break outer;
      }
    }
  }
  return result;
}

function skipRows(grid) {
  var count = 0;
  rows: for (var i = 0; i < grid.length; i++) {
    for (var j = 0; j < grid[i].length; j++) {
      if (grid[i][j] < 0) continue rows;
      count++;
    }
  }
  return count;
}

function labeledBlock(x) {
  var out = "start";
  block: {
    if (x) break block;
    out = "middle";
  }
  return out;
}

var grid = [[1, 2], [3, -4, 5], [6]];
console.log(findPair(grid, 5), findPair(grid, 99));
console.log(skipRows(grid));
console.log(labeledBlock(true), labeledBlock(false));
