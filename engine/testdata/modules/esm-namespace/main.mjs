import * as self from './main.mjs';
import * as dep from './dep.mjs';
try { self.later; } catch (e) { console.log(e.constructor.name, e.message); }
try { Object.getOwnPropertyDescriptor(self, 'later'); } catch (e) { console.log(e.constructor.name); }
console.log('later' in self, Reflect.ownKeys(self), Reflect.ownKeys(dep));
try { Object.keys(self); } catch (e) { console.log('keys:', e.constructor.name); }
console.log(Object.getOwnPropertyDescriptor(dep, 'x'));
console.log(Reflect.defineProperty(dep, 'x', { value: 1 }), Reflect.defineProperty(dep, 'x', { value: 2 }), Reflect.defineProperty(dep, 'x', { enumerable: false }));
console.log(Reflect.set(dep, 'x', 5), Reflect.deleteProperty(dep, 'x'), Reflect.deleteProperty(dep, 'nope'), Reflect.setPrototypeOf(dep, {}), Reflect.setPrototypeOf(dep, null));
console.log(Object.isFrozen(dep), Object.isSealed(dep), Object.isExtensible(dep), Reflect.preventExtensions(dep));
dep.bump();
console.log(dep.x, dep, String(Object.entries(dep)));
try { Object.defineProperty(dep, 'x', { value: 9 }); } catch (e) { console.log(e.constructor.name); }
export let later = 1;
console.log(self.later, self);
