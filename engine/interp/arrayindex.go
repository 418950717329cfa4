package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Array indices with attributes and array lengths that are not writable.
//
// Elements in the backing store are plain data (writable, enumerable,
// configurable). An index that needs more (an accessor, attributes, or a
// position too far past the store: very sparse arrays) is kept as a named
// property spelled as the index (defineSparse); lookups that miss the
// elements try that name (lookupFull). A non-writable array length is a
// private marker property (PrivateArrayLengthReadOnly); having a property,
// such an array never takes the paths that assume none.

// arrayLengthReadOnly reports whether the array arr's length is not
// writable. It does not allocate.
func (in *Interp) arrayLengthReadOnly(arr layout.Value) bool {
	if m := in.f.MapOf(arr); !in.f.IsDictionaryMap(m) && in.f.NumberOfOwnDescriptors(m) == 0 {
		return false
	}
	_, ok := in.f.GetProperty(arr, in.intrinsics[PrivateArrayLengthReadOnly])
	return ok
}

// SetArrayLengthReadOnly makes the array arr's length non-writable (as
// Object.freeze and defineProperty(arr, 'length', {writable: false}) do).
func (in *Interp) SetArrayLengthReadOnly(arr heap.Handle) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	in.f.DefineProperty(arr, h.NewHandle(in.intrinsics[PrivateArrayLengthReadOnly]), h.NewHandle(in.trueV), objects.AttrDontEnum|objects.AttrReadOnly|objects.AttrDontDelete)
}

// arrayIndexBlocked reports whether defining index i on obj must fail
// because obj is an array whose length is not writable and i is not below
// it (the array exotic [[DefineOwnProperty]]).
func (in *Interp) arrayIndexBlocked(obj layout.Value, i uint32) bool {
	return in.typeOf(obj) == layout.JSArrayType && i >= in.f.ArrayLength(obj) && in.arrayLengthReadOnly(obj)
}

// arraySetLength is ArraySetLength: [[DefineOwnProperty]] of an array's
// length with descriptor d. The value is converted (ToUint32 then
// ToNumber, a RangeError when they differ) before anything is checked.
func (in *Interp) arraySetLength(arr heap.Handle, d *PropertyDescriptor) (bool, bool) {
	f := in.f
	newLen := f.ArrayLength(arr.Value())
	if d.HasValue {
		n, ok := in.ToUint32(d.Value.Value())
		if !ok {
			return false, false
		}
		num, ok := in.ToNumber(d.Value.Value())
		if !ok {
			return false, false
		}
		if float64(n) != in.NumberValue(num) {
			in.throwErrorValue(RangeError, "Invalid array length")
			return false, false
		}
		newLen = n
	}
	if d.HasConfigurable && d.Configurable || d.HasEnumerable && d.Enumerable || d.IsAccessor() {
		return false, true
	}
	old := f.ArrayLength(arr.Value())
	readOnly := in.arrayLengthReadOnly(arr.Value())
	if readOnly && (d.HasWritable && d.Writable || newLen != old) {
		return false, true
	}
	done := true
	if newLen != old {
		done = in.truncateArray(arr, newLen)
	}
	if d.HasWritable && !d.Writable && !readOnly {
		in.SetArrayLengthReadOnly(arr)
	}
	return done, true
}

// truncateArray sets arr's length to n, deleting the elements past it;
// a non-configurable one stops the deletion, the length stays just past it
// and the result is false.
func (in *Interp) truncateArray(arr heap.Handle, n uint32) bool {
	_, ok := in.truncateArrayAt(arr, n)
	return ok
}

// truncateArrayAt is truncateArray that also returns the length it left.
func (in *Interp) truncateArrayAt(arr heap.Handle, n uint32) (uint32, bool) {
	if in.mayHaveSparseIndex(arr.Value()) && n < in.f.ArrayLength(arr.Value()) {
		if stop, ok := in.truncateSparse(arr, n); !ok {
			in.f.SetArrayLength(arr, stop)
			return stop, false
		}
	}
	in.f.SetArrayLength(arr, n)
	return n, true
}

// setIndexOnChain is the part of [[Set]] of index i on obj that looks at
// the prototype chain when obj lacks the element: a setter found there is
// called, a read-only property fails the store; done is false when the
// store goes on as an ordinary element store on obj. Such properties are
// always kept by name, so nothing is looked at until some object has an
// index-named property.
func (in *Interp) setIndexOnChain(obj heap.Handle, i uint32, v heap.Handle, strict bool) (done, ok bool) {
	if !in.f.MayHaveIndexNames() {
		return false, true
	}
	if _, own := in.f.GetElement(obj.Value(), i); own {
		return false, true
	}
	if !in.chainMayHaveSparseIndex(in.prototypeOf(obj.Value())) {
		return false, true
	}
	name := in.indexName(i)
	for p := in.prototypeOf(obj.Value()); p != in.null && in.IsObject(p); p = in.prototypeOf(p) {
		if _, ok := in.f.GetElement(p, i); ok {
			return false, true // a plain element: writable data
		}
		if in.typeOf(p) == layout.JSTypedArrayType || in.typeOf(p) == layout.JSProxyType {
			return false, true
		}
		cur, kind, attrs := in.ownProperty(p, NameKey(name))
		switch kind {
		case propAccessor:
			return true, in.callSetter(cur, obj, v, IndexKey(i), strict)
		case propData:
			if !attrs.Writable() {
				return true, in.failReadOnly(obj.Value(), IndexKey(i), strict)
			}
			return false, true
		}
	}
	return false, true
}

// CreateDataPropertyOrThrow defines obj's own data property k = v
// (writable, enumerable, configurable), throwing a TypeError when obj
// refuses it (a non-configurable property in the way, a non-extensible
// object, a proxy's trap). A plain extensible array without named
// properties takes the elements path directly.
func (in *Interp) CreateDataPropertyOrThrow(obj heap.Handle, kh KeyHandle, v layout.Value) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	k := kh.Key()
	o := obj.Value()
	if k.IsIndex && in.typeOf(o) == layout.JSArrayType && f.IsExtensible(o) {
		if m := f.MapOf(o); !f.IsDictionaryMap(m) && f.NumberOfOwnDescriptors(m) == 0 {
			if in.DefineOwn(o, k, vh.Value(), objects.AttrNone) {
				return true
			}
			if in.hasException {
				return false
			}
		}
	}
	d := in.NewDescriptor()
	d.Value.Set(vh.Value())
	d.HasValue, d.HasWritable, d.HasEnumerable, d.HasConfigurable = true, true, true, true
	d.Writable, d.Enumerable, d.Configurable = true, true, true
	done, ok := in.DefineOwnProperty(obj, kh, &d)
	if !ok {
		return false
	}
	if !done {
		in.throwErrorValue(TypeError, "Cannot redefine property: "+in.keyText(kh.Key()))
		return false
	}
	return true
}
