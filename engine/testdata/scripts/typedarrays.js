// ArrayBuffer (fixed and resizable), the typed arrays and DataView.
function errName(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}
var kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
var values = [0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, 1.5, 2.5, -2.5, 1e10, -0, NaN, Infinity, -Infinity, 0.1];
for (var K of kinds) {
  var ta = new K(values);
  console.log(K.name, K.BYTES_PER_ELEMENT, ta.length, ta.byteLength, Array.from(ta).map(String).join(' '));
}
var u8 = new Uint8Array([5, 1, 4]);
console.log(u8[0], u8[3], u8[-1], u8['1'], 3 in u8, '-0' in u8, Object.keys(u8), JSON.stringify(u8));
u8[7] = 9; u8.foo = 'bar';
console.log(u8[7], u8.foo, Object.getOwnPropertyNames(u8));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(u8, 0)), delete u8[0], delete u8[9]);
console.log(Reflect.defineProperty(u8, 0, { value: 42 }), u8[0], Reflect.defineProperty(u8, 0, { value: 1, writable: false }));
var buf = new ArrayBuffer(16);
var all = new Uint8Array(buf);
var view = new Int32Array(buf, 4, 2);
view[0] = -2; view[1] = 0x01020304;
console.log(Array.from(all).join(','), view.byteOffset, view.byteLength, view.buffer === buf);
var dv = new DataView(buf, 2);
console.log(dv.byteOffset, dv.byteLength, dv.getInt32(2, true), dv.getUint16(6), dv.getFloat32(0));
dv.setFloat64(0, Math.PI); dv.setInt8(13, -7); dv.setUint16(10, 0xabcd, true);
console.log(dv.getFloat64(0), dv.getInt8(13), dv.getUint8(10).toString(16), dv.getUint16(10).toString(16));
console.log(errName(() => dv.getInt32(12)), errName(() => new DataView({})), errName(() => dv.getInt8(-1)));
console.log(errName(() => new Int32Array(buf, 3)), errName(() => new Int32Array(new ArrayBuffer(7))), errName(() => Int8Array(2)));
console.log(errName(() => new Uint8Array(-1)), errName(() => new ArrayBuffer(-1)));
var f = new Float64Array([3, 1, NaN, -0, 0, 2]);
console.log(Array.from(f.sort()).map(x => Object.is(x, -0) ? '-0' : String(x)).join(' '));
console.log(Array.from(new Int16Array([3, 1, 2]).sort((a, b) => b - a)), Array.from(new Int8Array([1, 2, 3]).reverse()));
var src = new Int16Array([10, 20, 30, 40, 50]);
console.log(Array.from(src.slice(1, -1)), Array.from(src.subarray(2)), src.subarray(2).byteOffset, Array.from(src.filter(x => x > 20)));
console.log(Array.from(src.map(x => x / 10)), src.reduce((a, b) => a + b), src.join(), src.toString(), src.at(-1), src.includes(30), src.lastIndexOf(50));
console.log(src.find(x => x > 25), src.findIndex(x => x > 25), src.findLast(x => x < 45), src.every(x => x > 0), src.some(x => x > 45));
var copy = new Int16Array(8); copy.set(src, 2); copy.set([7, 8]);
console.log(Array.from(copy), Array.from(copy.fill(1, 5)), Array.from(new Int8Array([1, 2, 3, 4, 5]).copyWithin(0, 3)));
console.log(Array.from(src.toReversed()), Array.from(src.toSorted((a, b) => b - a)), Array.from(src.with(0, 99)), Array.from(src));
console.log([...src.keys()], [...src.entries()].join('|'), [...src].length);
console.log(Array.from(Uint8Array.from([1, 2, 3], x => x * 2)), Array.from(Float32Array.of(1.5, 2)), Array.from(Uint8Array.from({ length: 2, 0: 7 })));
console.log(Object.prototype.toString.call(src), src[Symbol.toStringTag], ArrayBuffer.isView(src), ArrayBuffer.isView(buf), ArrayBuffer.isView(dv));
class Bytes extends Uint8Array { sum() { return this.reduce((a, b) => a + b, 0); } }
var bs = new Bytes([1, 2, 3]);
console.log(bs.sum(), bs instanceof Uint8Array, bs.map(x => x * 2) instanceof Bytes, bs.constructor.name);
for (var k in new Uint16Array(3)) console.log('for-in', k);
var rab = new ArrayBuffer(4, { maxByteLength: 12 });
var tracking = new Uint16Array(rab);
var fixed = new Uint8Array(rab, 0, 4);
console.log(rab.resizable, rab.maxByteLength, tracking.length, fixed.length);
rab.resize(10);
console.log(rab.byteLength, tracking.length, fixed.length);
rab.resize(2);
console.log(rab.byteLength, tracking.length, fixed.length, fixed.byteOffset, errName(() => fixed.fill(0)));
console.log(errName(() => rab.resize(13)), new ArrayBuffer(8).resizable, new ArrayBuffer(8).maxByteLength);
var sliced = new Uint8Array([1, 2, 3, 4]).buffer.slice(1, 3);
console.log(sliced.byteLength, Array.from(new Uint8Array(sliced)));
console.log(Object.getPrototypeOf(Int8Array).name, Object.getPrototypeOf(Int8Array.prototype) === Object.getPrototypeOf(Float64Array.prototype));
console.log(errName(() => Object.getPrototypeOf(Int8Array)()), errName(() => new (Object.getPrototypeOf(Int8Array))()));
console.log(new Uint8Array([1, 2]), new Float64Array(0), new ArrayBuffer(3), [new Int16Array([1, -1])], { t: new Float32Array([0.5]) });
console.log(new Uint8Array(120));
