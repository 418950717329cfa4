function classify(n) {
  if (n < 0) {
    return "negative";
  } else if (n === 0) {
    return "zero";
  }
  for (let i = 0; i < n; i++) {
    if (i > 2) break;
  }
  return n > 10 ? "big" : n || "small";
}
classify(3);
