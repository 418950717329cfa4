package interp

import (
	"encoding/binary"
	"math"
	"math/big"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// ArrayBuffers, typed arrays and DataViews. A buffer's bytes are Go memory
// outside the heap (V8 keeps backing stores external too), accounted as the
// heap's external memory and freed when the buffer object dies: the table
// of backing stores is a weak root. Typed arrays are integer-indexed
// exotic objects: ownProperty serves their elements from the buffer, and
// an index they do not have is not looked up on the prototype chain.

// TypedArrayKind is the element type of a typed array.
type TypedArrayKind int

// The kinds, in the order of the constructors' intrinsics.
const (
	Int8Kind TypedArrayKind = iota
	Uint8Kind
	Uint8ClampedKind
	Int16Kind
	Uint16Kind
	Int32Kind
	Uint32Kind
	Float32Kind
	Float64Kind
	BigInt64Kind
	BigUint64Kind
	numTypedArrayKinds
)

// NumTypedArrayKinds is the number of typed array kinds.
const NumTypedArrayKinds = int(numTypedArrayKinds)

var typedArrayNames = [numTypedArrayKinds]string{"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"}

var typedArraySizes = [numTypedArrayKinds]int{1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8}

// Name returns the constructor's name.
func (k TypedArrayKind) Name() string { return typedArrayNames[k] }

// Size returns the element size in bytes.
func (k TypedArrayKind) Size() int { return typedArraySizes[k] }

// IsBigInt reports whether the kind holds BigInts.
func (k TypedArrayKind) IsBigInt() bool { return k >= BigInt64Kind }

// MaxBufferLength bounds ArrayBuffer sizes (byte offsets and lengths are
// Smis).
const MaxBufferLength = 1 << 30

// backingStore is one ArrayBuffer's memory.
type backingStore struct {
	data      []byte
	max       int
	resizable bool
	detached  bool
	shared    bool         // a SharedArrayBuffer's: never detached, only grows
	obj       layout.Value // the buffer (weak: see sweepBuffers)
}

// bufferTable holds the live backing stores by id.
type bufferTable struct {
	stores []*backingStore
	free   []int
}

// sweepBuffers drops the backing stores of dead buffers after a GC.
func (in *Interp) sweepBuffers(retain func(layout.Value) (layout.Value, bool)) {
	t := &in.buffers
	for id, s := range t.stores {
		if s == nil {
			continue
		}
		if v, ok := retain(s.obj); ok {
			s.obj = v
			continue
		}
		in.h.AdjustExternalMemory(-int64(cap(s.data)))
		t.stores[id] = nil
		t.free = append(t.free, id)
	}
}

// setUpTypedArrayRealm makes the prototypes and instance maps.
func (in *Interp) setUpTypedArrayRealm() {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	proto := func(parent Intrinsic) layout.Value {
		s := h.OpenScope()
		defer s.Close()
		m := f.NewJSObjectMap(4)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[parent])
		return f.NewJSObject(m).Value()
	}
	instMap := func(t layout.InstanceType, size uint32, p Intrinsic) layout.Value {
		s := h.OpenScope()
		defer s.Close()
		m := f.NewMap(t, size, 0)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[p])
		return m.Value()
	}
	in.intrinsics[ArrayBufferPrototype] = proto(ObjectPrototype)
	in.intrinsics[ArrayBufferMap] = instMap(layout.JSArrayBufferType, layout.JSArrayBufferSize, ArrayBufferPrototype)
	in.intrinsics[SharedArrayBufferPrototype] = proto(ObjectPrototype)
	in.intrinsics[SharedArrayBufferMap] = instMap(layout.JSArrayBufferType, layout.JSArrayBufferSize, SharedArrayBufferPrototype)
	in.intrinsics[DataViewPrototype] = proto(ObjectPrototype)
	in.intrinsics[DataViewMap] = instMap(layout.JSDataViewType, layout.JSDataViewSize, DataViewPrototype)
	in.intrinsics[TypedArrayPrototype] = proto(ObjectPrototype)
	for k := TypedArrayKind(0); k < numTypedArrayKinds; k++ {
		in.intrinsics[FirstTypedArrayPrototype+Intrinsic(k)] = proto(TypedArrayPrototype)
		in.intrinsics[FirstTypedArrayMap+Intrinsic(k)] = instMap(layout.JSTypedArrayType, layout.JSTypedArraySize, FirstTypedArrayPrototype+Intrinsic(k))
	}
}

// mapFor returns the map of new objects of the intrinsic map def whose
// prototype is proto (a subclass's, through new.target): the shared map
// when proto is the default.
func (in *Interp) mapFor(def Intrinsic, proto layout.Value) heap.Handle {
	h, f := in.h, in.f
	m := in.intrinsics[def]
	if proto == 0 || f.MapPrototype(m) == proto {
		return h.NewHandle(m)
	}
	ph := h.NewHandle(proto)
	t := f.MapInstanceType(m)
	size := uint32(f.MapInstanceSize(m))
	nm := f.NewMap(t, size, 0)
	f.SetInitialMapPrototype(nm.Value(), ph.Value())
	return nm
}

// PrototypeFromNewTarget returns newTarget.prototype when it is an object,
// else the intrinsic fallback (GetPrototypeFromConstructor).
func (in *Interp) PrototypeFromNewTarget(newTarget layout.Value, fallback Intrinsic) (layout.Value, bool) {
	if newTarget == in.undefined || newTarget == 0 {
		return in.intrinsics[fallback], true
	}
	p, ok := in.GetName(newTarget, NamePrototype)
	if !ok {
		return 0, false
	}
	if !in.IsObject(p) {
		return in.intrinsics[fallback], true
	}
	return p, true
}

// NewArrayBuffer allocates an ArrayBuffer of n zero bytes (resizable up
// to max when max >= 0) whose prototype is proto (0: the default).
func (in *Interp) NewArrayBuffer(n, max int, proto layout.Value) (layout.Value, bool) {
	return in.newBuffer(n, max, proto, false)
}

// NewSharedArrayBuffer allocates a SharedArrayBuffer of n zero bytes
// (growable up to max when max >= 0) whose prototype is proto (0: the
// default). It shares the ArrayBuffer machinery (instance type, off-heap
// backing store); only the store's shared flag tells them apart. With one
// agent per isolate nothing else ever sees its memory.
func (in *Interp) NewSharedArrayBuffer(n, max int, proto layout.Value) (layout.Value, bool) {
	return in.newBuffer(n, max, proto, true)
}

func (in *Interp) newBuffer(n, max int, proto layout.Value, shared bool) (layout.Value, bool) {
	if n < 0 || n > MaxBufferLength || max > MaxBufferLength {
		return in.ThrowError(RangeError, "Array buffer allocation failed")
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	def := ArrayBufferMap
	if shared {
		def = SharedArrayBufferMap
	}
	m := in.mapFor(def, proto)
	obj := in.f.NewJSObject(m)
	s := &backingStore{obj: obj.Value(), max: n, shared: shared}
	if max >= 0 {
		s.resizable, s.max = true, max
		s.data = make([]byte, n, max)
	} else {
		s.data = make([]byte, n)
	}
	h.AdjustExternalMemory(int64(cap(s.data)))
	t := &in.buffers
	var id int
	if k := len(t.free); k > 0 {
		id = t.free[k-1]
		t.free = t.free[:k-1]
		t.stores[id] = s
	} else {
		id = len(t.stores)
		t.stores = append(t.stores, s)
	}
	h.SetField(obj.Addr(), layout.JSArrayBufferStoreOffset, layout.Smi(id))
	return obj.Value(), true
}

// IsArrayBuffer reports whether v is an ArrayBuffer.
func (in *Interp) IsArrayBuffer(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSArrayBufferType
}

// IsSharedArrayBuffer reports whether v is a SharedArrayBuffer (which
// IsArrayBuffer also reports, as the views accept both).
func (in *Interp) IsSharedArrayBuffer(v layout.Value) bool {
	return in.IsArrayBuffer(v) && in.store(v).shared
}

// IsTypedArray reports whether v is a typed array.
func (in *Interp) IsTypedArray(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSTypedArrayType
}

// IsDataView reports whether v is a DataView.
func (in *Interp) IsDataView(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSDataViewType
}

func (in *Interp) store(buf layout.Value) *backingStore {
	return in.buffers.stores[in.h.Field(buf.Addr(), layout.JSArrayBufferStoreOffset).SmiValue()]
}

// BufferBytes returns an ArrayBuffer's bytes (nil when detached). The
// slice stays valid until the buffer is detached or resized.
func (in *Interp) BufferBytes(buf layout.Value) []byte { return in.store(buf).data }

// BufferDetached reports whether buf was detached.
func (in *Interp) BufferDetached(buf layout.Value) bool { return in.store(buf).detached }

// BufferResizable reports whether buf is resizable, and its maximum.
func (in *Interp) BufferResizable(buf layout.Value) (bool, int) {
	s := in.store(buf)
	return s.resizable, s.max
}

// ResizeBuffer changes a resizable buffer's length (new bytes are zero).
func (in *Interp) ResizeBuffer(buf layout.Value, n int) {
	s := in.store(buf)
	old := len(s.data)
	s.data = s.data[:n]
	for i := old; i < n; i++ {
		s.data[i] = 0
	}
}

// DetachArrayBuffer detaches buf ($262.detachArrayBuffer, transfer): its
// bytes are released and every view of it reads as out of bounds.
func (in *Interp) DetachArrayBuffer(buf layout.Value) bool {
	if !in.IsArrayBuffer(buf) {
		in.throwErrorValue(TypeError, "detachArrayBuffer: not an ArrayBuffer")
		return false
	}
	s := in.store(buf)
	if s.shared {
		in.throwErrorValue(TypeError, "detachArrayBuffer: a SharedArrayBuffer cannot be detached")
		return false
	}
	if !s.detached {
		in.h.AdjustExternalMemory(-int64(cap(s.data)))
		s.data, s.detached = nil, true
	}
	return true
}

// NewTypedArrayObject allocates a typed array of kind k viewing buf from
// byte offset off, length elements (-1: tracking a resizable buffer).
func (in *Interp) NewTypedArrayObject(k TypedArrayKind, buf layout.Value, off, length int, proto layout.Value) layout.Value {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	bh := h.NewHandle(buf)
	m := in.mapFor(FirstTypedArrayMap+Intrinsic(k), proto)
	obj := in.f.NewJSObject(m)
	a := obj.Addr()
	h.SetField(a, layout.JSTypedArrayBufferOffset, bh.Value())
	h.SetField(a, layout.JSTypedArrayKindOffset, layout.Smi(int(k)))
	h.SetField(a, layout.JSTypedArrayByteOffsetOffset, layout.Smi(off))
	h.SetField(a, layout.JSTypedArrayLengthOffset, layout.Smi(length))
	return obj.Value()
}

// NewDataViewObject allocates a DataView of buf (length -1: tracking).
func (in *Interp) NewDataViewObject(buf layout.Value, off, length int, proto layout.Value) layout.Value {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	bh := h.NewHandle(buf)
	m := in.mapFor(DataViewMap, proto)
	obj := in.f.NewJSObject(m)
	a := obj.Addr()
	h.SetField(a, layout.JSDataViewBufferOffset, bh.Value())
	h.SetField(a, layout.JSDataViewByteOffsetOffset, layout.Smi(off))
	h.SetField(a, layout.JSDataViewByteLengthOffset, layout.Smi(length))
	return obj.Value()
}

// TypedArrayKindOf returns a typed array's kind.
func (in *Interp) TypedArrayKindOf(ta layout.Value) TypedArrayKind {
	return TypedArrayKind(in.h.Field(ta.Addr(), layout.JSTypedArrayKindOffset).SmiValue())
}

// ViewBuffer returns the buffer of a typed array or DataView.
func (in *Interp) ViewBuffer(v layout.Value) layout.Value {
	return in.h.Field(v.Addr(), layout.JSTypedArrayBufferOffset) // same offset for DataView
}

// TypedArrayByteOffset returns a typed array's byte offset.
func (in *Interp) TypedArrayByteOffset(ta layout.Value) int {
	return in.h.Field(ta.Addr(), layout.JSTypedArrayByteOffsetOffset).SmiValue()
}

// TypedArrayLengthRaw returns the stored length (-1: length-tracking).
func (in *Interp) TypedArrayLengthRaw(ta layout.Value) int {
	return in.h.Field(ta.Addr(), layout.JSTypedArrayLengthOffset).SmiValue()
}

// TypedArrayLength returns a typed array's current length and whether it
// is out of bounds (detached buffer, or shrunk below the view).
func (in *Interp) TypedArrayLength(ta layout.Value) (int, bool) {
	s := in.store(in.ViewBuffer(ta))
	if s.detached {
		return 0, true
	}
	k := in.TypedArrayKindOf(ta)
	off := in.TypedArrayByteOffset(ta)
	n := in.TypedArrayLengthRaw(ta)
	if n < 0 {
		if off > len(s.data) {
			return 0, true
		}
		return (len(s.data) - off) / k.Size(), false
	}
	if off+n*k.Size() > len(s.data) {
		return 0, true
	}
	return n, false
}

// DataViewRange returns a DataView's byte offset and current byte length,
// and whether it is out of bounds.
func (in *Interp) DataViewRange(dv layout.Value) (int, int, bool) {
	s := in.store(in.ViewBuffer(dv))
	off := in.h.Field(dv.Addr(), layout.JSDataViewByteOffsetOffset).SmiValue()
	n := in.h.Field(dv.Addr(), layout.JSDataViewByteLengthOffset).SmiValue()
	if s.detached {
		return off, 0, true
	}
	if n < 0 {
		if off > len(s.data) {
			return off, 0, true
		}
		return off, len(s.data) - off, false
	}
	if off+n > len(s.data) {
		return off, 0, true
	}
	return off, n, false
}

// typedArrayElement reads element i of ta, or false when i is out of
// range. It allocates a HeapNumber for non-Smi values.
func (in *Interp) typedArrayElement(ta layout.Value, i uint32) (layout.Value, bool) {
	n, _ := in.TypedArrayLength(ta)
	if int64(i) >= int64(n) {
		return 0, false
	}
	k := in.TypedArrayKindOf(ta)
	data := in.store(in.ViewBuffer(ta)).data
	off := in.TypedArrayByteOffset(ta) + int(i)*k.Size()
	if k.IsBigInt() {
		v, _ := in.NewBigIntFromWord(k, binary.LittleEndian.Uint64(data[off:]))
		return v, true
	}
	return in.NewNumber(ReadElement(k, data[off:], true)), true
}

// ReadElement decodes one element of kind k from b (little-endian unless
// little is false).
func ReadElement(k TypedArrayKind, b []byte, little bool) float64 {
	var bo binary.ByteOrder = binary.LittleEndian
	if !little {
		bo = binary.BigEndian
	}
	switch k {
	case Int8Kind:
		return float64(int8(b[0]))
	case Uint8Kind, Uint8ClampedKind:
		return float64(b[0])
	case Int16Kind:
		return float64(int16(bo.Uint16(b)))
	case Uint16Kind:
		return float64(bo.Uint16(b))
	case Int32Kind:
		return float64(int32(bo.Uint32(b)))
	case Uint32Kind:
		return float64(bo.Uint32(b))
	case Float32Kind:
		return float64(math.Float32frombits(bo.Uint32(b)))
	case Float64Kind:
		return math.Float64frombits(bo.Uint64(b))
	case BigInt64Kind:
		return float64(int64(bo.Uint64(b)))
	}
	return float64(bo.Uint64(b))
}

// WriteElement encodes x (a Number) as one element of kind k into b.
func WriteElement(k TypedArrayKind, b []byte, x float64, little bool) {
	var bo binary.ByteOrder = binary.LittleEndian
	if !little {
		bo = binary.BigEndian
	}
	switch k {
	case Int8Kind, Uint8Kind:
		b[0] = byte(toUint32(x))
	case Uint8ClampedKind:
		b[0] = clampUint8(x)
	case Int16Kind, Uint16Kind:
		bo.PutUint16(b, uint16(toUint32(x)))
	case Int32Kind, Uint32Kind:
		bo.PutUint32(b, toUint32(x))
	case Float32Kind:
		bo.PutUint32(b, math.Float32bits(float32(x)))
	case Float64Kind:
		bo.PutUint64(b, math.Float64bits(x))
	default:
		bo.PutUint64(b, uint64(int64(x)))
	}
}

// toUint32 is ToUint32 of a Number (modulo 2^32).
func toUint32(x float64) uint32 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	x = math.Trunc(x)
	m := math.Mod(x, 4294967296)
	if m < 0 {
		m += 4294967296
	}
	return uint32(m)
}

// clampUint8 is ToUint8Clamp: round half to even, clamped to [0, 255].
func clampUint8(x float64) byte {
	if !(x > 0) {
		return 0
	}
	if x >= 255 {
		return 255
	}
	return byte(math.RoundToEven(x))
}

// typedArraySetElement is TypedArraySetElement: ToNumber the value (which
// may run JavaScript and detach the buffer), then store it if the index
// is still in range.
func (in *Interp) typedArraySetElement(ta heap.Handle, i uint32, v layout.Value) bool {
	if in.TypedArrayKindOf(ta.Value()).IsBigInt() {
		b, ok := in.ToBigInt(v)
		if !ok {
			return false
		}
		in.StoreTypedArrayWord(ta.Value(), int(i), in.BigIntWord(b))
		return true
	}
	x, ok := in.ToFloat(v)
	if !ok {
		return false
	}
	in.StoreTypedArrayElement(ta.Value(), int(i), x)
	return true
}

// StoreTypedArrayElement stores the Number x at index i of ta when i is
// in range (no-op otherwise).
func (in *Interp) StoreTypedArrayElement(ta layout.Value, i int, x float64) {
	n, _ := in.TypedArrayLength(ta)
	if i < 0 || i >= n {
		return
	}
	k := in.TypedArrayKindOf(ta)
	data := in.store(in.ViewBuffer(ta)).data
	WriteElement(k, data[in.TypedArrayByteOffset(ta)+i*k.Size():], x, true)
}

// StoreTypedArrayWord stores the 64-bit pattern w at index i of ta (a
// BigInt64Array or BigUint64Array) when i is in range (no-op otherwise).
func (in *Interp) StoreTypedArrayWord(ta layout.Value, i int, w uint64) {
	n, _ := in.TypedArrayLength(ta)
	if i < 0 || i >= n {
		return
	}
	data := in.store(in.ViewBuffer(ta)).data
	binary.LittleEndian.PutUint64(data[in.TypedArrayByteOffset(ta)+i*8:], w)
}

// BigIntWord is the BigInt b modulo 2^64 (ToBigInt64 and ToBigUint64 share
// the bit pattern).
func (in *Interp) BigIntWord(b layout.Value) uint64 {
	f := in.f
	if f.BigIntLength(b) == 0 {
		return 0
	}
	w := binary.LittleEndian.Uint64(in.h.Bytes(b.Addr(), layout.BigIntDigitsOffset, 8))
	if f.BigIntSign(b) < 0 {
		w = -w
	}
	return w
}

// NewBigIntFromWord allocates the BigInt a BigInt64 (k BigInt64Kind) or
// BigUint64 element with bit pattern w stands for.
func (in *Interp) NewBigIntFromWord(k TypedArrayKind, w uint64) (layout.Value, bool) {
	if k == BigInt64Kind {
		return in.NewBigInt(new(big.Int).SetInt64(int64(w)))
	}
	return in.NewBigInt(new(big.Int).SetUint64(w))
}

// TypedArrayBytes returns the bytes a typed array views now (nil when out
// of bounds).
func (in *Interp) TypedArrayBytes(ta layout.Value) []byte {
	n, oob := in.TypedArrayLength(ta)
	if oob {
		return nil
	}
	off := in.TypedArrayByteOffset(ta)
	return in.store(in.ViewBuffer(ta)).data[off : off+n*in.TypedArrayKindOf(ta).Size()]
}

// WithTypedArrayIndices returns keys (an OwnKeys FixedArray) preceded by
// the indices of obj's elements when obj is a typed array.
func (in *Interp) WithTypedArrayIndices(obj, keys heap.Handle) heap.Handle {
	if !in.IsTypedArray(obj.Value()) {
		return keys
	}
	f := in.f
	n, _ := in.TypedArrayLength(obj.Value())
	if n == 0 {
		return keys
	}
	m := f.Length(keys.Value())
	out := f.NewFixedArray(n+m, heap.NewSpace)
	for i := 0; i < n; i++ {
		f.Set(out.Value(), i, layout.Smi(i))
	}
	for i := 0; i < m; i++ {
		f.Set(out.Value(), n+i, f.Get(keys.Value(), i))
	}
	return out
}

// ArrayBufferMemory returns the bytes held by live ArrayBuffer backing
// stores (process.memoryUsage().arrayBuffers; also part of external).
func (in *Interp) ArrayBufferMemory() uint64 {
	var n uint64
	for _, s := range in.buffers.stores {
		if s != nil {
			n += uint64(cap(s.data))
		}
	}
	return n
}

// isCanonicalNumericKey reports whether k is a string other than an array
// index that CanonicalNumericIndexString maps to a number ("-0", "1.5",
// "-1", "Infinity", "NaN"): typed arrays treat such keys as out-of-range
// elements.
func (in *Interp) isCanonicalNumericKey(k Key) bool {
	if k.IsIndex || !in.IsString(k.Name) {
		return false
	}
	f := in.f
	n := f.StringLength(k.Name)
	if n == 0 || n > 32 {
		return false
	}
	c := f.CharCodeAt(k.Name, 0)
	if !(c >= '0' && c <= '9' || c == '-' || c == 'I' || c == 'N') {
		return false
	}
	s := f.StringToGo(k.Name)
	if s == "-0" {
		return true
	}
	x := in.stringToNumber(k.Name)
	return jsnum.FormatNumber(x) == s
}
