import { counter, bump, list, A, B, C, v, later } from './dep.mjs';
import * as dep from './dep.mjs';
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i + counter);
console.log(fns.map((f) => f()));
bump(); bump();
console.log(fns.map((f) => f()), dep.counter, list, A, B, C, v, later);
class K { static s = counter; m() { return counter; } }
console.log(K.s, new K().m());
label: { try { throw 1 } catch { break label; } }
var hoistedVar = 1;
export { hoistedVar };
console.log(typeof undeclaredThing, dep.hoistedVar, eval('1 + 1'));
console.log((function () { return this; })());
console.log(Object.getOwnPropertyNames(dep).length, Reflect.ownKeys(dep).length);
async function notCalled() {}
