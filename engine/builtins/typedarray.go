package builtins

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Typed arrays: %TypedArray% (the abstract constructor and the shared
// prototype) and the concrete constructors. The objects and their element
// access are the interpreter's (interp/typedarray.go). Methods whose
// Array.prototype versions only use length and element access run those
// after checking the receiver; the others are here.

func (b *installer) typedArrays() {
	in := b.in
	proto := b.intrinsic(interp.TypedArrayPrototype)
	base := in.NewNativeFunction("TypedArray", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.ThrowError(interp.TypeError, "Abstract class TypedArray not directly constructable")
	}, interp.NativeConstructor)
	in.SetFunctionPrototype(base, proto)
	in.DefineValue(proto, "constructor", base, objects.AttrDontEnum)
	in.SetIntrinsic(interp.TypedArrayFunction, base.Value())
	b.methods(base, []fn{
		{"of", 0, typedArrayOf},
		{"from", 1, typedArrayFrom},
	})
	b.speciesGetter(base)
	getter := func(name string, get func(in *interp.Interp, ta layout.Value) layout.Value) {
		in.DefineGetter(proto, name, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsTypedArray(a.This()) {
				return in.ThrowError(interp.TypeError, "Method get %TypedArray%.prototype."+name+" called on incompatible receiver "+displayArg(in, a.This()))
			}
			return get(in, a.This()), true
		})
	}
	getter("buffer", func(in *interp.Interp, ta layout.Value) layout.Value { return in.ViewBuffer(ta) })
	getter("byteLength", func(in *interp.Interp, ta layout.Value) layout.Value {
		n, _ := in.TypedArrayLength(ta)
		return layout.Smi(n * in.TypedArrayKindOf(ta).Size())
	})
	getter("byteOffset", func(in *interp.Interp, ta layout.Value) layout.Value {
		if _, oob := in.TypedArrayLength(ta); oob {
			return layout.Smi(0)
		}
		return layout.Smi(in.TypedArrayByteOffset(ta))
	})
	getter("length", func(in *interp.Interp, ta layout.Value) layout.Value {
		n, _ := in.TypedArrayLength(ta)
		return layout.Smi(n)
	})
	in.DefineSymbolGetter(proto, in.Intrinsic(interp.SymbolToStringTag), "[Symbol.toStringTag]", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !in.IsTypedArray(a.This()) {
			return in.Undefined(), true
		}
		return in.InternalizeGo(in.TypedArrayKindOf(a.This()).Name()).Value(), true
	})
	wrap := func(name string, impl interp.Native) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if _, ok := validTypedArray(in, a.This(), name); !ok {
				return 0, false
			}
			return impl(in, a)
		}
	}
	b.methods(proto, []fn{
		{"entries", 0, wrap("entries", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return newArrayIterator(in, a, iterEntries)
		})},
		{"keys", 0, wrap("keys", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return newArrayIterator(in, a, iterKeys) })},
		{"at", 1, wrap("at", arrayAt)},
		{"copyWithin", 2, typedArrayCopyWithin},
		{"every", 1, wrap("every", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return someEvery(in, a, false, false) })},
		{"fill", 1, typedArrayFill},
		{"filter", 1, typedArrayFilter},
		{"find", 1, wrap("find", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, false, false) })},
		{"findIndex", 1, wrap("findIndex", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, true, false) })},
		{"findLast", 1, wrap("findLast", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, false, true) })},
		{"findLastIndex", 1, wrap("findLastIndex", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, true, true) })},
		{"forEach", 1, wrap("forEach", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return forEachOf(in, a, false) })},
		{"includes", 1, wrap("includes", arrayIncludes)},
		{"indexOf", 1, wrap("indexOf", arrayIndexOf)},
		{"join", 1, wrap("join", b.arrayJoin)},
		{"lastIndexOf", 1, wrap("lastIndexOf", arrayLastIndexOf)},
		{"map", 1, typedArrayMap},
		{"reverse", 0, typedArrayReverse},
		{"reduce", 1, wrap("reduce", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return reduceOf(in, a, false, true) })},
		{"reduceRight", 1, wrap("reduceRight", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return reduceOf(in, a, true, true) })},
		{"set", 1, typedArraySet},
		{"slice", 2, typedArraySlice},
		{"some", 1, wrap("some", func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return someEvery(in, a, true, false) })},
		{"sort", 1, typedArraySort},
		{"subarray", 2, typedArraySubarray},
		{"toLocaleString", 0, wrap("toLocaleString", b.arrayToLocaleString)},
		{"toReversed", 0, typedArrayToReversed},
		{"toSorted", 1, typedArrayToSorted},
		{"with", 2, typedArrayWith},
	})
	values := in.DefineFunction(proto, "values", 0, wrap("values", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return newArrayIterator(in, a, iterValues)
	}))
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolIterator)), values, objects.AttrDontEnum)
	if ts, _, found := in.Lookup(in.Intrinsic(interp.ArrayPrototype), interp.NameKey(in.InternalizeGo("toString").Value())); found {
		b.value(proto, "toString", ts, objects.AttrDontEnum)
	}
	for k := interp.TypedArrayKind(0); k < interp.TypedArrayKind(interp.NumTypedArrayKinds); k++ {
		kind := k
		p := b.intrinsic(interp.FirstTypedArrayPrototype + interp.Intrinsic(k))
		c := b.constructor(k.Name(), 3, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return constructTypedArray(in, a, kind)
		}, p)
		in.SetIntrinsic(interp.FirstTypedArrayFunction+interp.Intrinsic(k), c.Value())
		in.Factory().SetPrototype(c, base)
		b.value(c, "BYTES_PER_ELEMENT", layout.Smi(k.Size()), frozen)
		b.value(p, "BYTES_PER_ELEMENT", layout.Smi(k.Size()), frozen)
	}
}

// validTypedArray checks this is a typed array whose buffer is attached
// and in bounds, and returns its length.
func validTypedArray(in *interp.Interp, v layout.Value, method string) (int, bool) {
	if !in.IsTypedArray(v) {
		in.ThrowError(interp.TypeError, "this is not a typed array.")
		return 0, false
	}
	n, oob := in.TypedArrayLength(v)
	if oob {
		in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype."+method+" on a detached ArrayBuffer")
		return 0, false
	}
	return n, true
}

// toIndex is ToIndex: an integer in [0, 2^53-1], RangeError otherwise.
func toIndex(in *interp.Interp, v layout.Value, what string) (int, bool) {
	if v == in.Undefined() {
		return 0, true
	}
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, false
	}
	if x < 0 || x > 1<<53-1 {
		in.ThrowError(interp.RangeError, "Invalid "+what)
		return 0, false
	}
	if x > interp.MaxBufferLength {
		in.ThrowError(interp.RangeError, "Array buffer allocation failed")
		return 0, false
	}
	return int(x), true
}

// newTypedArray allocates a typed array of kind k and n zero elements.
func newTypedArray(in *interp.Interp, k interp.TypedArrayKind, n int, proto layout.Value) (layout.Value, bool) {
	if n > interp.MaxBufferLength/k.Size() {
		return in.ThrowError(interp.RangeError, "Invalid typed array length: "+itoa(n))
	}
	pt := in.Handle(proto)
	buf, ok := in.NewArrayBuffer(n*k.Size(), -1, 0)
	if !ok {
		return 0, false
	}
	p := pt.Value()
	return in.NewTypedArrayObject(k, buf, 0, n, p), true
}

// constructTypedArray is new Int8Array(…) and its siblings.
func constructTypedArray(in *interp.Interp, a interp.Args, k interp.TypedArrayKind) (layout.Value, bool) {
	h := in.Heap()
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Constructor "+k.Name()+" requires 'new'")
	}
	proto, ok := in.PrototypeFromNewTarget(a.NewTarget(), interp.FirstTypedArrayPrototype+interp.Intrinsic(k))
	if !ok {
		return 0, false
	}
	ph := h.NewHandle(proto)
	first := a.Arg(0)
	if !in.IsObject(first) {
		n, ok := toIndex(in, first, "typed array length: "+displayArg(in, first))
		if !ok {
			return 0, false
		}
		return newTypedArray(in, k, n, ph.Value())
	}
	size := k.Size()
	switch {
	case in.IsArrayBuffer(first):
		bh := h.NewHandle(first)
		off, ok := toIndex(in, a.Arg(1), "typed array offset")
		if !ok {
			return 0, false
		}
		if off%size != 0 {
			return in.ThrowError(interp.RangeError, "start offset of "+k.Name()+" should be a multiple of "+itoa(size))
		}
		length := -1
		if a.Arg(2) != in.Undefined() {
			if length, ok = toIndex(in, a.Arg(2), "typed array length: "+displayArg(in, a.Arg(2))); !ok {
				return 0, false
			}
		}
		if in.BufferDetached(bh.Value()) {
			return in.ThrowError(interp.TypeError, "Cannot perform Construct on a detached ArrayBuffer")
		}
		bufLen := len(in.BufferBytes(bh.Value()))
		resizable, _ := in.BufferResizable(bh.Value())
		if length < 0 {
			if resizable {
				if off > bufLen {
					return in.ThrowError(interp.RangeError, "Start offset "+itoa(off)+" is outside the bounds of the buffer")
				}
				return in.NewTypedArrayObject(k, bh.Value(), off, -1, ph.Value()), true
			}
			if bufLen%size != 0 {
				return in.ThrowError(interp.RangeError, "byte length of "+k.Name()+" should be a multiple of "+itoa(size))
			}
			if off > bufLen {
				return in.ThrowError(interp.RangeError, "Start offset "+itoa(off)+" is outside the bounds of the buffer")
			}
			length = (bufLen - off) / size
		} else if off+length*size > bufLen {
			return in.ThrowError(interp.RangeError, "Invalid typed array length: "+itoa(length))
		}
		return in.NewTypedArrayObject(k, bh.Value(), off, length, ph.Value()), true
	case in.IsTypedArray(first):
		src := h.NewHandle(first)
		n, oob := in.TypedArrayLength(first)
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform Construct on a detached ArrayBuffer")
		}
		if in.TypedArrayKindOf(first).IsBigInt() != k.IsBigInt() {
			return in.ThrowError(interp.TypeError, "Cannot mix BigInt and other types, use explicit conversions")
		}
		ta, ok := newTypedArray(in, k, n, ph.Value())
		if !ok {
			return 0, false
		}
		sk := in.TypedArrayKindOf(src.Value())
		sb, db := in.TypedArrayBytes(src.Value()), in.TypedArrayBytes(ta)
		for i := 0; i < n; i++ {
			if k.IsBigInt() {
				copy(db[i*size:(i+1)*size], sb[i*size:]) // BigInt64 ↔ BigUint64: the same bits
				continue
			}
			interp.WriteElement(k, db[i*size:], interp.ReadElement(sk, sb[i*sk.Size():], true), true)
		}
		return ta, true
	}
	src, ok := openTypedArraySource(in, first)
	if !ok {
		return 0, false
	}
	ta, ok := newTypedArray(in, k, src.n, ph.Value())
	if !ok {
		return 0, false
	}
	th := h.NewHandle(ta)
	for i := 0; i < src.n; i++ {
		s := h.OpenScope()
		v, ok := src.at(in, i)
		if !ok {
			s.Close()
			return 0, false
		}
		if !in.Set(th.Value(), interp.IndexKey(uint32(i)), v, true) {
			s.Close()
			return 0, false
		}
		s.Close()
	}
	return th.Value(), true
}

// typedArrayCreate is TypedArrayCreateFromConstructor: new C(...args),
// checked to be a valid typed array of at least n elements (n < 0: no
// check).
func typedArrayCreate(in *interp.Interp, c layout.Value, args []layout.Value, n int) (layout.Value, bool) {
	ta, ok := in.Construct(c, args, in.Undefined())
	if !ok {
		return 0, false
	}
	l, ok := validTypedArray(in, ta, "constructor")
	if !ok {
		return 0, false
	}
	if n >= 0 && l < n {
		return in.ThrowError(interp.TypeError, "Derived TypedArray constructor created an array which was too small")
	}
	return ta, true
}

// typedArraySpecies returns the constructor TypedArraySpeciesCreate uses
// for exemplar: its constructor's Symbol.species, or its kind's default.
func typedArraySpecies(in *interp.Interp, exemplar layout.Value) (layout.Value, bool) {
	def := in.Intrinsic(interp.FirstTypedArrayFunction + interp.Intrinsic(in.TypedArrayKindOf(exemplar)))
	return speciesConstructor(in, exemplar, def, "object.constructor is not an object")
}

// speciesCreate is TypedArraySpeciesCreate with a length argument.
func speciesCreate(in *interp.Interp, exemplar layout.Value, n int) (layout.Value, bool) {
	kind := in.TypedArrayKindOf(exemplar)
	c, ok := typedArraySpecies(in, exemplar)
	if !ok {
		return 0, false
	}
	ta, ok := typedArrayCreate(in, c, []layout.Value{layout.Smi(n)}, n)
	if !ok {
		return 0, false
	}
	if in.TypedArrayKindOf(ta).IsBigInt() != kind.IsBigInt() {
		return in.ThrowError(interp.TypeError, "Cannot mix BigInt and other types, use explicit conversions")
	}
	return ta, true
}

// typedArraySource is what a typed array is filled from (the constructor's
// object argument, %TypedArray%.from's source): an iterable's values,
// collected before the typed array is made, or an array-like read index by
// index afterwards.
type typedArraySource struct {
	values heap.Handle // the iterable's values; nil for an array-like
	obj    heap.Handle // the array-like
	n      int
}

// openTypedArraySource reads v's @@iterator and collects its values, or
// else takes v as an array-like of its length.
func openTypedArraySource(in *interp.Interp, v layout.Value) (typedArraySource, bool) {
	h := in.Heap()
	src := typedArraySource{obj: h.NewHandle(v)}
	iter, ok := in.Get(v, interp.NameKey(in.Intrinsic(interp.SymbolIterator)))
	if !ok {
		return src, false
	}
	if !in.IsNullish(iter) {
		if !in.IsCallable(iter) {
			in.ThrowError(interp.TypeError, displayArg(in, iter)+" is not a function")
			return src, false
		}
		if src.values, ok = in.IterableToArray(src.obj.Value()); !ok {
			return src, false
		}
		src.n = int(in.ArrayLength(src.values.Value()))
		return src, true
	}
	o, ok := in.ToObject(src.obj.Value())
	if !ok {
		return src, false
	}
	src.obj.Set(o)
	src.n, ok = lengthOf(in, o)
	return src, ok
}

// at is the source's i-th value.
func (s typedArraySource) at(in *interp.Interp, i int) (layout.Value, bool) {
	if !s.values.IsNil() {
		return in.Element(s.values.Value(), uint32(i)), true
	}
	return in.Get(s.obj.Value(), interp.IndexKey(uint32(i)))
}

func typedArrayFrom(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	c := h.NewHandle(a.This())
	if !in.IsConstructor(c.Value()) {
		return in.ThrowError(interp.TypeError, displayArg(in, c.Value())+" is not a constructor")
	}
	mapFn, thisArg := h.NewHandle(a.Arg(1)), h.NewHandle(a.Arg(2))
	if mapFn.Value() != in.Undefined() && !in.IsCallable(mapFn.Value()) {
		return in.ThrowError(interp.TypeError, displayArg(in, mapFn.Value())+" is not a function")
	}
	src, ok := openTypedArraySource(in, a.Arg(0))
	if !ok {
		return 0, false
	}
	n := src.n
	ta, ok := typedArrayCreate(in, c.Value(), []layout.Value{layout.Smi(n)}, n)
	if !ok {
		return 0, false
	}
	th := h.NewHandle(ta)
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		v, ok := src.at(in, i)
		if !ok {
			s.Close()
			return 0, false
		}
		if mapFn.Value() != in.Undefined() {
			if v, ok = in.Call(mapFn.Value(), thisArg.Value(), v, layout.Smi(i)); !ok {
				s.Close()
				return 0, false
			}
		}
		if !in.Set(th.Value(), interp.IndexKey(uint32(i)), v, true) {
			s.Close()
			return 0, false
		}
		s.Close()
	}
	return th.Value(), true
}

func typedArrayOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	c := a.This()
	if !in.IsConstructor(c) {
		return in.ThrowError(interp.TypeError, displayArg(in, c)+" is not a constructor")
	}
	n := a.Len()
	ta, ok := typedArrayCreate(in, c, []layout.Value{layout.Smi(n)}, n)
	if !ok {
		return 0, false
	}
	th := h.NewHandle(ta)
	for i := 0; i < n; i++ {
		if !in.Set(th.Value(), interp.IndexKey(uint32(i)), a.Arg(i), true) {
			return 0, false
		}
	}
	return th.Value(), true
}

// numbers returns a typed array's elements as float64s.
func numbers(in *interp.Interp, ta layout.Value) []float64 {
	k := in.TypedArrayKindOf(ta)
	b := in.TypedArrayBytes(ta)
	out := make([]float64, len(b)/k.Size())
	for i := range out {
		out[i] = interp.ReadElement(k, b[i*k.Size():], true)
	}
	return out
}

// words returns the 64-bit elements of a BigInt64Array or BigUint64Array.
func words(in *interp.Interp, ta layout.Value) []uint64 {
	b := in.TypedArrayBytes(ta)
	out := make([]uint64, len(b)/8)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out
}

// storeWords writes ws to a BigInt typed array from index 0 (as far as it
// is in range).
func storeWords(in *interp.Interp, ta layout.Value, ws []uint64) {
	for i, w := range ws {
		in.StoreTypedArrayWord(ta, i, w)
	}
}

// toElementValue converts v for a store into a typed array of kind k:
// ToBigInt for the BigInt kinds (the 64-bit pattern), else ToNumber.
func toElementValue(in *interp.Interp, k interp.TypedArrayKind, v layout.Value) (float64, uint64, bool) {
	if k.IsBigInt() {
		b, ok := in.ToBigInt(v)
		if !ok {
			return 0, 0, false
		}
		return 0, in.BigIntWord(b), true
	}
	x, ok := in.ToFloat(v)
	return x, 0, ok
}

// storeElement stores a converted value (see toElementValue) at index i.
func storeElement(in *interp.Interp, ta layout.Value, i int, x float64, w uint64) {
	if in.TypedArrayKindOf(ta).IsBigInt() {
		in.StoreTypedArrayWord(ta, i, w)
		return
	}
	in.StoreTypedArrayElement(ta, i, x)
}

// storeNumbers writes xs to ta from index 0 (as far as it is in range).
func storeNumbers(in *interp.Interp, ta layout.Value, xs []float64) {
	for i, x := range xs {
		in.StoreTypedArrayElement(ta, i, x)
	}
}

func typedArrayCopyWithin(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := validTypedArray(in, a.This(), "copyWithin")
	if !ok {
		return 0, false
	}
	to, from, count, ok := copyWithinArgs(in, a, n)
	if !ok {
		return 0, false
	}
	if count > 0 {
		n2, oob := in.TypedArrayLength(a.This())
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype.copyWithin on a detached ArrayBuffer")
		}
		size := in.TypedArrayKindOf(a.This()).Size()
		b := in.TypedArrayBytes(a.This())
		count = min(count, n2-from, n2-to)
		if count > 0 {
			copy(b[to*size:(to+count)*size], b[from*size:(from+count)*size])
		}
	}
	return a.This(), true
}

func typedArrayFill(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := validTypedArray(in, a.This(), "fill")
	if !ok {
		return 0, false
	}
	x, w, ok := toElementValue(in, in.TypedArrayKindOf(a.This()), a.Arg(0))
	if !ok {
		return 0, false
	}
	start, ok := relativeIndex(in, a.Arg(1), n, 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(2), n, n)
	if !ok {
		return 0, false
	}
	if _, oob := in.TypedArrayLength(a.This()); oob {
		return in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype.fill on a detached ArrayBuffer")
	}
	for i := start; i < end; i++ {
		storeElement(in, a.This(), i, x, w)
	}
	return a.This(), true
}

// callbackValues runs fn(value, index, ta) over ta's elements and collects
// the values whose result keep accepts (map: every result).
func typedArrayFilter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	n, ok := validTypedArray(in, a.This(), "filter")
	if !ok {
		return 0, false
	}
	ta, fn, thisArg := h.NewHandle(a.This()), h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
	if !in.IsCallable(fn.Value()) {
		return in.ThrowError(interp.TypeError, displayArg(in, fn.Value())+" is not a function")
	}
	kept := in.NewArray(nil)
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		v, ok := in.Get(ta.Value(), interp.IndexKey(uint32(i)))
		if !ok {
			s.Close()
			return 0, false
		}
		vh := h.NewHandle(v)
		r, ok := in.Call(fn.Value(), thisArg.Value(), v, layout.Smi(i), ta.Value())
		if !ok {
			s.Close()
			return 0, false
		}
		if in.ToBoolean(r) {
			in.PushValue(kept, vh.Value())
		}
		s.Close()
	}
	m := int(in.ArrayLength(kept.Value()))
	out, ok := speciesCreate(in, ta.Value(), m)
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(out)
	for i := 0; i < m; i++ {
		if !in.Set(oh.Value(), interp.IndexKey(uint32(i)), in.Element(kept.Value(), uint32(i)), true) {
			return 0, false
		}
	}
	return oh.Value(), true
}

func typedArrayMap(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	n, ok := validTypedArray(in, a.This(), "map")
	if !ok {
		return 0, false
	}
	ta, fn, thisArg := h.NewHandle(a.This()), h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
	if !in.IsCallable(fn.Value()) {
		return in.ThrowError(interp.TypeError, displayArg(in, fn.Value())+" is not a function")
	}
	out, ok := speciesCreate(in, ta.Value(), n)
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(out)
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		v, ok := in.Get(ta.Value(), interp.IndexKey(uint32(i)))
		if !ok {
			s.Close()
			return 0, false
		}
		r, ok := in.Call(fn.Value(), thisArg.Value(), v, layout.Smi(i), ta.Value())
		if !ok || !in.Set(oh.Value(), interp.IndexKey(uint32(i)), r, true) {
			s.Close()
			return 0, false
		}
		s.Close()
	}
	return oh.Value(), true
}

func typedArrayReverse(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if _, ok := validTypedArray(in, a.This(), "reverse"); !ok {
		return 0, false
	}
	if in.TypedArrayKindOf(a.This()).IsBigInt() {
		ws := words(in, a.This())
		slices.Reverse(ws)
		storeWords(in, a.This(), ws)
		return a.This(), true
	}
	xs := numbers(in, a.This())
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
	storeNumbers(in, a.This(), xs)
	return a.This(), true
}

func typedArrayToReversed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := validTypedArray(in, a.This(), "toReversed")
	if !ok {
		return 0, false
	}
	if in.TypedArrayKindOf(a.This()).IsBigInt() {
		ws := words(in, a.This())
		out, ok := newTypedArray(in, in.TypedArrayKindOf(a.This()), n, 0)
		if !ok {
			return 0, false
		}
		slices.Reverse(ws)
		storeWords(in, out, ws)
		return out, true
	}
	xs := numbers(in, a.This())
	out, ok := newTypedArray(in, in.TypedArrayKindOf(a.This()), n, 0)
	if !ok {
		return 0, false
	}
	for i := range xs {
		in.StoreTypedArrayElement(out, n-1-i, xs[i])
	}
	return out, true
}

func typedArrayWith(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	n, ok := validTypedArray(in, a.This(), "with")
	if !ok {
		return 0, false
	}
	ta := h.NewHandle(a.This())
	rel, ok := in.ToIntegerOrInfinity(a.Arg(0))
	if !ok {
		return 0, false
	}
	idx := rel
	if rel < 0 {
		idx = float64(n) + rel
	}
	x, w, ok := toElementValue(in, in.TypedArrayKindOf(ta.Value()), a.Arg(1))
	if !ok {
		return 0, false
	}
	if n2, _ := in.TypedArrayLength(ta.Value()); idx < 0 || idx >= float64(n2) {
		return in.ThrowError(interp.RangeError, "Invalid typed array index")
	}
	if in.TypedArrayKindOf(ta.Value()).IsBigInt() {
		ws := words(in, ta.Value())
		out, ok := newTypedArray(in, in.TypedArrayKindOf(ta.Value()), n, 0)
		if !ok {
			return 0, false
		}
		storeWords(in, out, ws[:min(n, len(ws))])
		in.StoreTypedArrayWord(out, int(idx), w)
		return out, true
	}
	xs := numbers(in, ta.Value())
	out, ok := newTypedArray(in, in.TypedArrayKindOf(ta.Value()), n, 0)
	if !ok {
		return 0, false
	}
	for i := 0; i < n && i < len(xs); i++ {
		in.StoreTypedArrayElement(out, i, xs[i])
	}
	in.StoreTypedArrayElement(out, int(idx), x)
	return out, true
}

// typedArraySet is %TypedArray%.prototype.set(source, offset).
func typedArraySet(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if !in.IsTypedArray(a.This()) {
		return in.ThrowError(interp.TypeError, "this is not a typed array.")
	}
	ta, src := h.NewHandle(a.This()), h.NewHandle(a.Arg(0))
	off, ok := in.ToIntegerOrInfinity(a.Arg(1))
	if !ok {
		return 0, false
	}
	if off < 0 {
		return in.ThrowError(interp.RangeError, "offset is out of bounds")
	}
	n, oob := in.TypedArrayLength(ta.Value())
	if oob {
		return in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype.set on a detached ArrayBuffer")
	}
	if in.IsTypedArray(src.Value()) {
		m, oob := in.TypedArrayLength(src.Value())
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype.set on a detached ArrayBuffer")
		}
		if in.TypedArrayKindOf(src.Value()).IsBigInt() != in.TypedArrayKindOf(ta.Value()).IsBigInt() {
			return in.ThrowError(interp.TypeError, "Cannot mix BigInt and other types, use explicit conversions")
		}
		if off+float64(m) > float64(n) {
			return in.ThrowError(interp.RangeError, "offset is out of bounds")
		}
		if in.TypedArrayKindOf(ta.Value()).IsBigInt() {
			for i, w := range words(in, src.Value()) {
				in.StoreTypedArrayWord(ta.Value(), int(off)+i, w)
			}
			return in.Undefined(), true
		}
		xs := numbers(in, src.Value()) // copied first: the two may share a buffer
		for i, x := range xs {
			in.StoreTypedArrayElement(ta.Value(), int(off)+i, x)
		}
		return in.Undefined(), true
	}
	o, ok := in.ToObject(src.Value())
	if !ok {
		return 0, false
	}
	src.Set(o)
	m, ok := lengthOf(in, o)
	if !ok {
		return 0, false
	}
	if off+float64(m) > float64(n) {
		return in.ThrowError(interp.RangeError, "offset is out of bounds")
	}
	for i := 0; i < m; i++ {
		s := h.OpenScope()
		v, ok := in.Get(src.Value(), interp.IndexKey(uint32(i)))
		if !ok {
			s.Close()
			return 0, false
		}
		x, w, ok := toElementValue(in, in.TypedArrayKindOf(ta.Value()), v)
		if !ok {
			s.Close()
			return 0, false
		}
		storeElement(in, ta.Value(), int(off)+i, x, w)
		s.Close()
	}
	return in.Undefined(), true
}

func typedArraySlice(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	n, ok := validTypedArray(in, a.This(), "slice")
	if !ok {
		return 0, false
	}
	ta := h.NewHandle(a.This())
	start, ok := relativeIndex(in, a.Arg(0), n, 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(1), n, n)
	if !ok {
		return 0, false
	}
	count := max(end-start, 0)
	out, ok := speciesCreate(in, ta.Value(), count)
	if !ok {
		return 0, false
	}
	if count > 0 {
		n2, oob := in.TypedArrayLength(ta.Value())
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform %TypedArray%.prototype.slice on a detached ArrayBuffer")
		}
		end = min(end, n2)
		if in.TypedArrayKindOf(ta.Value()).IsBigInt() {
			ws := words(in, ta.Value())
			for i := start; i < end; i++ {
				in.StoreTypedArrayWord(out, i-start, ws[i])
			}
			return out, true
		}
		xs := numbers(in, ta.Value())
		for i := start; i < end; i++ {
			in.StoreTypedArrayElement(out, i-start, xs[i])
		}
	}
	return out, true
}

func typedArraySubarray(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if !in.IsTypedArray(a.This()) {
		return in.ThrowError(interp.TypeError, "this is not a typed array.")
	}
	ta := h.NewHandle(a.This())
	n, _ := in.TypedArrayLength(ta.Value())
	start, ok := relativeIndex(in, a.Arg(0), n, 0)
	if !ok {
		return 0, false
	}
	tracking := in.TypedArrayLengthRaw(ta.Value()) < 0 && a.Arg(1) == in.Undefined()
	end, ok := relativeIndex(in, a.Arg(1), n, n)
	if !ok {
		return 0, false
	}
	k := in.TypedArrayKindOf(ta.Value())
	buf := h.NewHandle(in.ViewBuffer(ta.Value()))
	off := in.TypedArrayByteOffset(ta.Value()) + start*k.Size()
	c, ok := typedArraySpecies(in, ta.Value())
	if !ok {
		return 0, false
	}
	args := []layout.Value{buf.Value(), layout.Smi(off)}
	if !tracking {
		args = append(args, layout.Smi(max(end-start, 0)))
	}
	return typedArrayCreate(in, c, args, -1)
}

// sortNumbers sorts numerically: -0 before +0, NaN last.
func sortNumbers(xs []float64) {
	sort.SliceStable(xs, func(i, j int) bool {
		x, y := xs[i], xs[j]
		if math.IsNaN(y) {
			return !math.IsNaN(x)
		}
		if x == 0 && y == 0 {
			return math.Signbit(x) && !math.Signbit(y)
		}
		return x < y
	})
}

// sortWith sorts xs with a JavaScript comparator (a stable merge sort).
func sortWith(in *interp.Interp, cmp heap.Handle, xs []float64) bool {
	ok := true
	less := func(x, y float64) bool {
		if !ok {
			return false
		}
		h := in.Heap()
		s := h.OpenScope()
		defer s.Close()
		xv := h.NewHandle(in.NewNumber(x))
		yv := in.NewNumber(y)
		r, good := in.Call(cmp.Value(), in.Undefined(), xv.Value(), yv)
		if !good {
			ok = false
			return false
		}
		f, good := in.ToFloat(r)
		if !good {
			ok = false
			return false
		}
		return f < 0
	}
	sort.SliceStable(xs, func(i, j int) bool { return less(xs[i], xs[j]) })
	return ok
}

func typedArraySort(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	cmp := h.NewHandle(a.Arg(0))
	if cmp.Value() != in.Undefined() && !in.IsCallable(cmp.Value()) {
		return in.ThrowError(interp.TypeError, "The comparison function must be either a function or undefined")
	}
	if _, ok := validTypedArray(in, a.This(), "sort"); !ok {
		return 0, false
	}
	ta := h.NewHandle(a.This())
	if k := in.TypedArrayKindOf(ta.Value()); k.IsBigInt() {
		ws := words(in, ta.Value())
		if !sortWords(in, k, cmp, ws) {
			return 0, false
		}
		storeWords(in, ta.Value(), ws)
		return ta.Value(), true
	}
	xs := numbers(in, ta.Value())
	if cmp.Value() == in.Undefined() {
		sortNumbers(xs)
	} else if !sortWith(in, cmp, xs) {
		return 0, false
	}
	storeNumbers(in, ta.Value(), xs)
	return ta.Value(), true
}

func typedArrayToSorted(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	cmp := h.NewHandle(a.Arg(0))
	if cmp.Value() != in.Undefined() && !in.IsCallable(cmp.Value()) {
		return in.ThrowError(interp.TypeError, "The comparison function must be either a function or undefined")
	}
	n, ok := validTypedArray(in, a.This(), "toSorted")
	if !ok {
		return 0, false
	}
	if k := in.TypedArrayKindOf(a.This()); k.IsBigInt() {
		ws := words(in, a.This())
		out, ok := newTypedArray(in, k, n, 0)
		if !ok {
			return 0, false
		}
		oh := h.NewHandle(out)
		if !sortWords(in, k, cmp, ws) {
			return 0, false
		}
		storeWords(in, oh.Value(), ws)
		return oh.Value(), true
	}
	xs := numbers(in, a.This())
	out, ok := newTypedArray(in, in.TypedArrayKindOf(a.This()), n, 0)
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(out)
	if cmp.Value() == in.Undefined() {
		sortNumbers(xs)
	} else if !sortWith(in, cmp, xs) {
		return 0, false
	}
	storeNumbers(in, oh.Value(), xs)
	return oh.Value(), true
}

// sortWords sorts the elements of a BigInt typed array of kind k: by
// value (signed for BigInt64), or with a JavaScript comparator called
// with BigInts (a stable merge sort).
func sortWords(in *interp.Interp, k interp.TypedArrayKind, cmp heap.Handle, ws []uint64) bool {
	if cmp.Value() == in.Undefined() {
		if k == interp.BigInt64Kind {
			sort.SliceStable(ws, func(i, j int) bool { return int64(ws[i]) < int64(ws[j]) })
		} else {
			sort.SliceStable(ws, func(i, j int) bool { return ws[i] < ws[j] })
		}
		return true
	}
	ok := true
	less := func(x, y uint64) bool {
		if !ok {
			return false
		}
		h := in.Heap()
		s := h.OpenScope()
		defer s.Close()
		xb, good := in.NewBigIntFromWord(k, x)
		if !good {
			ok = false
			return false
		}
		xv := h.NewHandle(xb)
		yv, good := in.NewBigIntFromWord(k, y)
		if !good {
			ok = false
			return false
		}
		r, good := in.Call(cmp.Value(), in.Undefined(), xv.Value(), yv)
		if !good {
			ok = false
			return false
		}
		f, good := in.ToFloat(r)
		if !good {
			ok = false
			return false
		}
		return f < 0
	}
	sort.SliceStable(ws, func(i, j int) bool { return less(ws[i], ws[j]) })
	return ok
}
