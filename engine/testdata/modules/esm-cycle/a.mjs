import { b, hoisted } from './b.mjs';
console.log('a runs; b =', b, 'hoisted() =', hoisted());
export let a = 'A';
export function callB() { return b + '!'; }
export function fromA() { return 'fromA'; }
