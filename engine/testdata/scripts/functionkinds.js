// The constructors and prototypes of async, generator and async generator
// functions (%AsyncFunction% and kin), and functions they build from source.
async function af() {} function* gf() {} async function* agf() {}
const AF = Object.getPrototypeOf(af).constructor, GF = Object.getPrototypeOf(gf).constructor, AGF = Object.getPrototypeOf(agf).constructor;
console.log(AF.name, GF.name, AGF.name, Object.getPrototypeOf(AF) === Function, AF.prototype === Object.getPrototypeOf(af));
console.log(Object.prototype.toString.call(af), Object.prototype.toString.call(gf), Object.prototype.toString.call(agf));
console.log(GF.prototype.prototype === Object.getPrototypeOf(gf.prototype), AGF.prototype.prototype === Object.getPrototypeOf(agf.prototype));
const made = new AF('a', 'return await a * 2');
made(21).then(v => console.log('AsyncFunction made', v, made.name));
const g2 = GF('yield 1; yield 2');
console.log([...g2()], af instanceof Function, gf.call !== undefined);
console.log(AF, GF, AGF, af.constructor === AF);
