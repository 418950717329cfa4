// Global eval code checks its declarations before making any: a function
// may not replace a non-configurable global, nothing may be added to a
// global object that is not extensible.
try { (0, eval)("var first; function NaN() {}"); } catch (e) { console.log(e.constructor.name + ': ' + e.message, typeof first); }
try { (0, eval)("function undefined() {}"); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
(0, eval)("var configurableVar = 1; function configurableFn() {}");
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'configurableVar')), delete globalThis.configurableFn);
Object.preventExtensions(globalThis);
try { (0, eval)("var vx"); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { (0, eval)("var vy; function fy() {}"); } catch (e) { console.log(e.constructor.name + ': ' + e.message, typeof vy); }
try { (0, eval)("function fx() {}"); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
console.log((0, eval)("var configurableVar = 2; configurableVar"));
