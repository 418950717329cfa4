// Direct eval in module code: strict, sees imports (live) and module bindings.
import { v, bump } from './lib.mjs';
export let mine = 1;
function f() { return eval('v + mine'); }
console.log(f());
bump();
console.log(eval('v'), eval('mine = 5; mine'), mine);
console.log(eval('typeof this'), (() => eval('this'))());
try { eval('var x = 1; x'); console.log(typeof x); } catch (e) { console.log(e.message); }
