#!/usr/bin/env node
// A hashbang line: offsets count it like any other text.
function main() {
  return "hashbang";
}
console.log(main());
