function f(g) {
  try {
    return g();
  } catch (e) {
    return e.message;
  } finally {
    console.log("done");
  }
}
