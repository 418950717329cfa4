console.log(eval("1 + 2"), eval("var evalVar = 5; evalVar * 2"), evalVar, eval(42), typeof eval("(function(){ return 1 })"));
eval("let scoped = 1; console.log('inside', scoped)");
console.log(typeof scoped);
const add = new Function("a", "b", "return a + b");
console.log(add(2, 3), add.name, Function("return this")() === globalThis, new Function("a, b", "return a * b")(3, 4));
try { eval("let = ;"); } catch (e) { console.log(e.name, e.message); }
try { new Function("{"); } catch (e) { console.log(e.name); }
console.log(eval("function declared() { return 'd' } declared()"), typeof declared);
