// The own string keys of the main intrinsics in the order V8 creates them:
// Object.getOwnPropertyNames lists them in creation order, and the
// inspector (Runtime.getProperties) shows them so.
const intrinsics = {
  Object, 'Object.prototype': Object.prototype,
  Function, 'Function.prototype': Function.prototype,
  Array, 'Array.prototype': Array.prototype,
  String, 'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  Boolean, 'Boolean.prototype': Boolean.prototype,
  Error, 'Error.prototype': Error.prototype,
  TypeError, 'TypeError.prototype': TypeError.prototype,
  Math, JSON, Reflect,
  'Promise.prototype': Promise.prototype,
  WeakMap, 'WeakMap.prototype': WeakMap.prototype,
  WeakSet, 'WeakSet.prototype': WeakSet.prototype,
  Date,
  ArrayBuffer,
  DataView, 'DataView.prototype': DataView.prototype,
  TypedArray: Object.getPrototypeOf(Int8Array),
  Uint8Array, 'Uint8Array.prototype': Uint8Array.prototype,
  'ArrayIterator.prototype': Object.getPrototypeOf([][Symbol.iterator]()),
  'Iterator.prototype': Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
};
// Keys one of the two engines lacks, left out so that the orders compare:
// node adds Error.prepareStackTrace; Sonde lacks the Annex B HTML methods
// of String.prototype.
const absent = {
  Error: ['prepareStackTrace'],
  'String.prototype': ['anchor', 'big', 'blink', 'bold', 'fontcolor', 'fontsize', 'fixed', 'italics', 'link', 'small', 'strike', 'sub', 'sup', 'trimLeft', 'trimRight'],
};
// Array.prototype and String.prototype are exotic objects: an array and a
// String wrapper of "".
console.log(Array.isArray(Array.prototype), Array.prototype.length, String.prototype.length,
  Object.prototype.toString.call(Array.prototype), Object.getOwnPropertyDescriptor(Array.prototype, 'length'));
// Function.prototype's caller and arguments are %ThrowTypeError% accessors.
const tte = Object.getOwnPropertyDescriptor(function () { 'use strict'; return arguments; }(), 'callee').get;
for (const k of ['caller', 'arguments']) {
  const d = Object.getOwnPropertyDescriptor(Function.prototype, k);
  console.log(k, d.get === tte, d.set === tte, d.enumerable, d.configurable);
  try { Function.prototype[k]; } catch (e) { console.log(e.constructor.name); }
}
for (const [name, o] of Object.entries(intrinsics)) {
  const skip = absent[name] || [];
  console.log(name + ': ' + Object.getOwnPropertyNames(o).filter((k) => !skip.includes(k)).join(','));
}
console.log(Object.isFrozen(tte), Object.getOwnPropertyDescriptors(tte));
