function   f ( a,b ) { return a+b }
const g = (x) =>   x;
class C { m ( ) { } static s() {} get x() { return 1 } }
const o = { method() {}, ['comp' + 1]: function () {}, *gen() {} };
console.log(f.toString()); console.log(String(g)); console.log(C.toString()); console.log(C.prototype.m.toString(), C.s.toString());
console.log(Object.getOwnPropertyDescriptor(C.prototype, 'x').get.toString());
console.log(o.method.toString(), o.comp1.toString(), o.gen.toString());
console.log(Math.max.toString(), (function(){}).bind().toString(), Function('a', 'return a').toString());
console.log((x => x * 2).toString(), `${function* gg () {}}`);
