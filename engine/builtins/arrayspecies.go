package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// The array methods that make new arrays (map, filter, slice, splice,
// concat, flat, flatMap) make them with ArraySpeciesCreate, so subclasses
// and constructors with a Symbol.species get instances of their own, and
// fill them with CreateDataPropertyOrThrow.

// arrayCreate is ArrayCreate(n): an empty array of length n.
func arrayCreate(in *interp.Interp, n int) (heap.Handle, bool) {
	if n > jsnum.MaxArrayIndex+1 {
		in.ThrowError(interp.RangeError, "Invalid array length")
		return heap.Handle{}, false
	}
	out := in.NewArray(nil)
	in.Factory().SetArrayLength(out, uint32(n))
	return out, true
}

// arraySpeciesCreate is ArraySpeciesCreate(original, n): an array when
// original is not one (Array.isArray), else a new
// original.constructor[Symbol.species](n), or an array when that is
// undefined or null.
func arraySpeciesCreate(in *interp.Interp, original layout.Value, n int) (heap.Handle, bool) {
	h := in.Heap()
	oh := h.NewHandle(original)
	isArray, ok := in.IsArrayValue(original)
	if !ok {
		return heap.Handle{}, false
	}
	if !isArray {
		return arrayCreate(in, n)
	}
	c, ok := in.GetName(oh.Value(), interp.NameConstructor)
	if !ok {
		return heap.Handle{}, false
	}
	if in.IsObject(c) {
		c, ok = in.Get(c, interp.NameKey(in.Intrinsic(interp.SymbolSpecies)))
		if !ok {
			return heap.Handle{}, false
		}
		if c == in.Null() {
			c = in.Undefined()
		}
	}
	if c == in.Undefined() || c == in.Intrinsic(interp.ArrayFunction) {
		return arrayCreate(in, n)
	}
	if !in.IsConstructor(c) {
		in.ThrowError(interp.TypeError, "object.constructor[Symbol.species] is not a constructor")
		return heap.Handle{}, false
	}
	ch := h.NewHandle(c)
	length := in.NewInt(n)
	r, ok := in.Construct(ch.Value(), []layout.Value{length}, in.Undefined())
	if !ok {
		return heap.Handle{}, false
	}
	return h.NewHandle(r), true
}

// createAt is CreateDataPropertyOrThrow(target, i, v) for an index that
// may exceed the largest array index.
func createAt(in *interp.Interp, target heap.Handle, i int, v layout.Value) bool {
	h := in.Heap()
	s := h.OpenScope()
	defer s.Close()
	vh := h.NewHandle(v)
	kh := in.HandleKey(idx(in, i))
	return in.CreateDataPropertyOrThrow(target, kh, vh.Value())
}

// setLengthOf is Set(target, "length", n, true).
func setLengthOf(in *interp.Interp, target heap.Handle, n int) bool {
	length := in.NewInt(n)
	return in.Set(target.Value(), interp.NameKey(in.Name(interp.NameLength)), length, true)
}

// isConcatSpreadable is IsConcatSpreadable(v): its Symbol.isConcatSpreadable
// property when defined, else whether it is an array.
func isConcatSpreadable(in *interp.Interp, v layout.Value) (bool, bool) {
	if !in.IsObject(v) {
		return false, true
	}
	h := in.Heap()
	vh := h.NewHandle(v)
	s, ok := in.Get(v, interp.NameKey(in.Intrinsic(interp.SymbolIsConcatSpreadable)))
	if !ok {
		return false, false
	}
	if s != in.Undefined() {
		return in.ToBoolean(s), true
	}
	return in.IsArrayValue(vh.Value())
}

// lengthOfArrayLike is LengthOfArrayLike: ToLength(obj.length), read even
// from typed arrays.
func lengthOfArrayLike(in *interp.Interp, obj layout.Value) (int, bool) {
	if in.IsArray(obj) {
		return int(in.ArrayLength(obj)), true
	}
	lv, ok := in.GetName(obj, interp.NameLength)
	if !ok {
		return 0, false
	}
	x, ok := in.ToFloat(lv)
	if !ok {
		return 0, false
	}
	return int(jsnum.ToLength(x)), true
}

// flattenIntoArray is FlattenIntoArray: it appends source's n elements
// to target from index start, flattening arrays depth levels, each
// element first mapped by mapper (flatMap) when it is not undefined; it
// returns the next target index.
func flattenIntoArray(in *interp.Interp, target, source heap.Handle, n, start int, depth float64, mapper, thisArg heap.Handle) (int, bool) {
	h := in.Heap()
	next := start
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
		found, ok := in.HasPropertyOK(source.Value(), kh.Key())
		if !ok {
			s.Close()
			return 0, false
		}
		if !found {
			s.Close()
			continue
		}
		v, ok := in.Get(source.Value(), kh.Key())
		if !ok {
			s.Close()
			return 0, false
		}
		if !mapper.IsNil() {
			vh := h.NewHandle(v)
			index := in.NewInt(i)
			v, ok = in.Call(mapper.Value(), thisArg.Value(), vh.Value(), index, source.Value())
			if !ok {
				s.Close()
				return 0, false
			}
		}
		vh := h.NewHandle(v)
		flatten := false
		if depth > 0 {
			if flatten, ok = in.IsArrayValue(v); !ok {
				s.Close()
				return 0, false
			}
		}
		if flatten {
			m, ok := lengthOfArrayLike(in, vh.Value())
			if !ok {
				s.Close()
				return 0, false
			}
			if next, ok = flattenIntoArray(in, target, vh, m, next, depth-1, heap.Handle{}, heap.Handle{}); !ok {
				s.Close()
				return 0, false
			}
		} else {
			if next >= jsnum.MaxSafeInteger {
				s.Close()
				in.ThrowError(interp.TypeError, "Invalid array length")
				return 0, false
			}
			if !createAt(in, target, next, vh.Value()) {
				s.Close()
				return 0, false
			}
			next++
		}
		s.Close()
	}
	return next, true
}

// arrayFromConstructor is Array.from as the specification writes it (for
// a this value that is a constructor other than Array, and for an
// iterator method behind a getter): the result is new this() for an
// iterable, new this(len) for an array-like (an array when this is not a
// constructor), filled with CreateDataPropertyOrThrow, its length set
// last.
func arrayFromConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	mapFn := a.Arg(1)
	if mapFn != in.Undefined() && !in.IsCallable(mapFn) {
		return in.ThrowError(interp.TypeError, displayArg(in, mapFn)+" is not a function")
	}
	src := h.NewHandle(a.Arg(0))
	method := h.NewHandle(in.Undefined())
	if !in.IsNullish(src.Value()) {
		m, ok := in.Get(src.Value(), interp.NameKey(in.Intrinsic(interp.SymbolIterator)))
		if !ok {
			return 0, false
		}
		method.Set(m)
	}
	mapped := func(v layout.Value, k int) (layout.Value, bool) {
		if a.Arg(1) == in.Undefined() {
			return v, true
		}
		vh := h.NewHandle(v)
		index := in.NewInt(k)
		return in.Call(a.Arg(1), a.Arg(2), vh.Value(), index)
	}
	// create is new this(args...), or ArrayCreate when this is not a
	// constructor.
	create := func(args []layout.Value, n int) (heap.Handle, bool) {
		if !in.IsConstructor(a.This()) {
			return arrayCreate(in, n)
		}
		r, ok := in.Construct(a.This(), args, in.Undefined())
		if !ok {
			return heap.Handle{}, false
		}
		return h.NewHandle(r), true
	}
	if !in.IsNullish(method.Value()) {
		out, ok := create(nil, 0)
		if !ok {
			return 0, false
		}
		k := 0
		if !in.IterateMethod(src.Value(), method.Value(), func(v layout.Value) bool {
			s := h.OpenScope()
			defer s.Close()
			if k >= jsnum.MaxSafeInteger {
				in.ThrowError(interp.TypeError, "Invalid array length")
				return false
			}
			v, ok := mapped(v, k)
			if !ok || !createAt(in, out, k, v) {
				return false
			}
			k++
			return true
		}) {
			return 0, false
		}
		if !setLengthOf(in, out, k) {
			return 0, false
		}
		return out.Value(), true
	}
	o, ok := in.ToObject(src.Value())
	if !ok {
		return 0, false
	}
	src.Set(o)
	n, ok := lengthOfArrayLike(in, o)
	if !ok {
		return 0, false
	}
	length := in.NewInt(n)
	out, ok := create([]layout.Value{length}, n)
	if !ok {
		return 0, false
	}
	for k := 0; k < n; k++ {
		if k&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, k))
		v, ok := in.Get(src.Value(), kh.Key())
		if ok {
			v, ok = mapped(v, k)
		}
		if !ok || !createAt(in, out, k, v) {
			s.Close()
			return 0, false
		}
		s.Close()
	}
	if !setLengthOf(in, out, n) {
		return 0, false
	}
	return out.Value(), true
}
