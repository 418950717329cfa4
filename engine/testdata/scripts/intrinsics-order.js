// The own string keys of the main intrinsics in the order V8 creates them:
// Object.getOwnPropertyNames lists them in creation order, and the
// inspector (Runtime.getProperties) shows them so.
const intrinsics = {
  Object, 'Object.prototype': Object.prototype,
  Function,
  Array, 'Array.prototype': Array.prototype,
  String,
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
// Sonde's Array.prototype is not an array exotic object (no own length)
// yet; node adds Error.prepareStackTrace.
const absent = {
  'Array.prototype': ['length'],
  Error: ['prepareStackTrace'],
};
for (const [name, o] of Object.entries(intrinsics)) {
  const skip = absent[name] || [];
  console.log(name + ': ' + Object.getOwnPropertyNames(o).filter((k) => !skip.includes(k)).join(','));
}
