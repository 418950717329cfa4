async function f() { throw { code: 1 }; }
f();
