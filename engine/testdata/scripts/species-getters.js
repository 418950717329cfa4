// Every constructor with a [Symbol.species] getter (Map and Set too; not the weak collections).
for (const C of [Map, Set, Array, Promise, RegExp, ArrayBuffer, SharedArrayBuffer, Object.getPrototypeOf(Int8Array)]) {
  const d = Object.getOwnPropertyDescriptor(C, Symbol.species);
  console.log(C.name, d && d.get.name, d && d.get.call(1));
}
for (const C of [Map, Set, WeakMap, WeakSet]) console.log(C.name, Reflect.ownKeys(C).map(String));
