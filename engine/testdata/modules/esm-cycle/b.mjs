import { fromA, a } from './a.mjs';
console.log('b runs; fromA() =', fromA());
try { console.log(a); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
export let b = 'B';
export function hoisted() { return 'hoisted'; }
