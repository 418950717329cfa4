package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// A JSArray is a JSObject with a length field (a Smi, or a HeapNumber for a
// length past the Smi range, as V8's) and its elements. Its initial map has
// no in-object property slots: 16 bytes, as V8's.

// ArrayMap returns the initial map of arrays.
func (f *Factory) ArrayMap() layout.Value { return f.objects.arrayMap }

// IsJSArray reports whether v is an array.
func (f *Factory) IsJSArray(v layout.Value) bool { return f.Is(v, layout.JSArrayType) }

// NewJSArray allocates, in the new space, an empty array ([]) with a backing
// store of capacity holes.
func (f *Factory) NewJSArray(capacity int) heap.Handle {
	h := f.H
	el := f.Roots.EmptyFixedArray
	var store heap.Handle
	if capacity > 0 {
		store = f.NewFixedArrayWithMap(f.Roots.FixedArrayMap, capacity, heap.NewSpace, f.Roots.TheHole)
	}
	a := h.AllocateYoung(layout.JSArrayHeaderSize)
	if capacity > 0 {
		el = store.Value()
	}
	h.SetField(a, layout.MapOffset, f.objects.arrayMap)
	h.SetField(a, layout.JSObjectPropertiesOrHashOffset, f.Roots.EmptyFixedArray)
	h.SetField(a, layout.JSObjectElementsOffset, el)
	h.SetField(a, layout.JSArrayLengthOffset, layout.Smi(0))
	return h.HandleAddr(a)
}

// ArrayLength returns the length of the array arr. Hot path.
func (f *Factory) ArrayLength(arr layout.Value) uint32 {
	v := f.H.Field(arr.Addr(), layout.JSArrayLengthOffset)
	if v.IsSmi() {
		return uint32(v >> 1)
	}
	return uint32(f.H.F64(v.Addr(), layout.HeapNumberValueOffset))
}

// setArrayLengthField stores n as arr's length: a Smi, or a new HeapNumber
// past the Smi range (which allocates: arr is a handle).
func (f *Factory) setArrayLengthField(arr heap.Handle, n uint32) {
	if n <= layout.SmiMax {
		f.H.SetField(arr.Addr(), layout.JSArrayLengthOffset, layout.Smi(int(n)))
		return
	}
	num := f.NewHeapNumber(float64(n))
	f.H.SetField(arr.Addr(), layout.JSArrayLengthOffset, num.Value())
}

// ArrayPush appends value to arr (Array.prototype.push of one value) and
// returns the new length; false when the array cannot grow (see SetElement).
func (f *Factory) ArrayPush(arr, value heap.Handle) (uint32, bool) {
	n := f.ArrayLength(arr.Value())
	if !f.SetElement(arr, n, value) {
		return n, false
	}
	return n + 1, true
}

// ArrayPop removes arr's last element and returns it (undefined for an
// empty array; a hole also reads as undefined here, the prototype chain
// being the caller's), as Array.prototype.pop.
func (f *Factory) ArrayPop(arr heap.Handle) heap.Handle {
	h := f.H
	n := f.ArrayLength(arr.Value())
	if n == 0 {
		return h.NewHandle(f.Roots.Undefined)
	}
	v, ok := f.GetElement(arr.Value(), n-1)
	if !ok {
		v = f.Roots.Undefined
	}
	result := h.NewHandle(v)
	f.SetArrayLength(arr, n-1)
	return result
}

// SetArrayLength sets arr's length (`arr.length = n`, any uint32) as V8's
// fast elements do: a shorter length deletes the elements past it
// (shrinking the backing store when more than half of it would be unused),
// a longer one grows the backing store, except past MaxFastArrayLength,
// where the indices beyond the store stay absent (the interpreter keeps
// such elements sparse, as named properties). It always succeeds; the
// result is kept for its callers.
func (f *Factory) SetArrayLength(arr heap.Handle, n uint32) bool {
	h := f.H
	if n > MaxFastArrayLength {
		a := arr.Value()
		el := f.JSObjectElements(a)
		for i, end := n, min(f.ArrayLength(a), uint32(f.Length(el))); i < end; i++ {
			h.SetField(el.Addr(), arraySlot(int(i)), f.Roots.TheHole)
		}
		f.setArrayLengthField(arr, n)
		return true
	}
	a := arr.Value()
	old := f.ArrayLength(a)
	el := f.JSObjectElements(a)
	capacity := uint32(f.Length(el))
	switch {
	case n == 0:
		h.SetField(a.Addr(), layout.JSObjectElementsOffset, f.Roots.EmptyFixedArray)
	case n <= capacity:
		if 2*n+minAddedElementsCapacity <= capacity {
			// More than half would be unused: V8 trims the store in place,
			// leaving room for pushes after a pop. We copy it.
			newCapacity := n
			if n+1 == old {
				newCapacity = (capacity + n) / 2
			}
			f.resizeElements(arr, int(newCapacity))
			a = arr.Value()
			el = f.JSObjectElements(a)
			capacity = newCapacity
		}
		for i := n; i < min(old, capacity); i++ {
			h.SetField(el.Addr(), arraySlot(int(i)), f.Roots.TheHole)
		}
	default:
		f.resizeElements(arr, int(max(n, NewElementsCapacity(capacity))))
	}
	f.setArrayLengthField(arr, n)
	return true
}
