package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Elements: the indexed properties of an object, in a FixedArray backing
// store where the hole marks a missing index (V8's HOLEY_ELEMENTS). Slots at
// or beyond a JSArray's length are always holes.
//
// Simplifications: there is a single elements kind (tagged, holey): no
// packed/Smi/double kinds and no kind transitions; elements are always
// writable, enumerable and configurable. Dictionary (sparse) elements are
// not a kind here: a store V8 would make sparse (a gap of kMaxGap or more
// past the end, or a backing store far larger than its contents) is refused
// and SetElement reports false; the interpreter then keeps the index as a
// named property (interp/arrayindex.go), as it does indices with
// attributes.

const (
	// maxGap is V8's JSObject::kMaxGap: a store this far past the end of the
	// backing store makes V8's elements sparse.
	maxGap = 1024
	// minAddedElementsCapacity is V8's JSObject::kMinAddedElementsCapacity.
	minAddedElementsCapacity = 16
	// V8's kMaxUncheckedFastElementsLength, kMaxUncheckedOldFastElementsLength
	// and NumberDictionary::kPreferFastElementsSizeFactor.
	maxUncheckedFastElementsLength    = 5000
	maxUncheckedOldFastElementsLength = 500
	preferFastElementsSizeFactor      = 3
	// MaxFastArrayLength is V8's JSArray::kMaxFastArrayLength: longer arrays
	// need dictionary elements.
	MaxFastArrayLength = 32 << 20
)

// NewElementsCapacity is V8's growth rule for elements backing stores: room
// for n elements and half as many again, plus 16.
func NewElementsCapacity(n uint32) uint32 { return n + n>>1 + minAddedElementsCapacity }

// ElementsCapacity returns the length of obj's elements backing store.
func (f *Factory) ElementsCapacity(obj layout.Value) int { return f.Length(f.JSObjectElements(obj)) }

// GetElement returns obj's own element index, or false when it has none (a
// hole, or past its backing store). It does not allocate.
func (f *Factory) GetElement(obj layout.Value, index uint32) (layout.Value, bool) {
	h := f.H
	el := h.Field(obj.Addr(), layout.JSObjectElementsOffset)
	if index >= uint32(h.Field(el.Addr(), layout.FixedArrayLengthOffset)>>1) {
		return 0, false
	}
	v := h.Field(el.Addr(), arraySlot(int(index)))
	if v == f.Roots.TheHole {
		return 0, false
	}
	return v, true
}

// SetElement stores value as obj's element index, growing the backing store
// as V8 does (and a JSArray's length past index). It reports false, changing
// nothing, when the store would need dictionary elements (not implemented)
// or obj is not extensible and lacks the element.
func (f *Factory) SetElement(obj heap.Handle, index uint32, value heap.Handle) bool {
	h := f.H
	o := obj.Value()
	el := h.Field(o.Addr(), layout.JSObjectElementsOffset)
	capacity := uint32(f.Length(el))
	if index >= capacity || h.Field(el.Addr(), arraySlot(int(index))) == f.Roots.TheHole {
		if !f.IsExtensible(o) {
			return false
		}
	}
	if index >= capacity {
		newCapacity, slow := f.shouldConvertToSlowElements(o, capacity, index)
		if slow {
			return false
		}
		f.resizeElements(obj, int(newCapacity))
		o = obj.Value()
		el = h.Field(o.Addr(), layout.JSObjectElementsOffset)
	}
	h.SetField(el.Addr(), arraySlot(int(index)), value.Value())
	if h.InstanceType(o.Addr()) == layout.JSArrayType && index >= f.ArrayLength(o) {
		h.SetField(o.Addr(), layout.JSArrayLengthOffset, layout.Smi(int(index)+1))
	}
	return true
}

// DeleteElement removes obj's element index (`delete a[i]`), leaving a hole;
// a JSArray keeps its length. Elements are configurable, so it always
// succeeds. It does not allocate.
func (f *Factory) DeleteElement(obj layout.Value, index uint32) bool {
	el := f.JSObjectElements(obj)
	if index < uint32(f.Length(el)) {
		f.H.SetField(el.Addr(), arraySlot(int(index)), f.Roots.TheHole)
	}
	return true
}

// shouldConvertToSlowElements is V8's rule for a store at index past a
// backing store of capacity: the capacity to grow to, or true when V8 would
// switch to dictionary elements.
func (f *Factory) shouldConvertToSlowElements(obj layout.Value, capacity, index uint32) (uint32, bool) {
	if index-capacity >= maxGap || index >= MaxFastArrayLength {
		return 0, true
	}
	newCapacity := NewElementsCapacity(index + 1)
	if newCapacity <= maxUncheckedOldFastElementsLength ||
		newCapacity <= maxUncheckedFastElementsLength && f.H.InYoungGeneration(obj.Addr()) {
		return newCapacity, false
	}
	used := f.fastElementsUsage(obj)
	threshold := uint32(preferFastElementsSizeFactor * computeDictCapacity(used) * dictEntrySize)
	return newCapacity, threshold <= newCapacity
}

// fastElementsUsage counts obj's elements that are not holes.
func (f *Factory) fastElementsUsage(obj layout.Value) int {
	el := f.JSObjectElements(obj)
	n := f.Length(el)
	if f.H.InstanceType(obj.Addr()) == layout.JSArrayType {
		n = min(n, int(f.ArrayLength(obj)))
	}
	used := 0
	for i := 0; i < n; i++ {
		if f.H.Field(el.Addr(), arraySlot(i)) != f.Roots.TheHole {
			used++
		}
	}
	return used
}

// resizeElements gives obj a backing store of capacity slots holding its
// current elements (those that fit) and holes.
func (f *Factory) resizeElements(obj heap.Handle, capacity int) {
	h := f.H
	if capacity == 0 {
		h.SetField(obj.Addr(), layout.JSObjectElementsOffset, f.Roots.EmptyFixedArray)
		return
	}
	ne := f.NewFixedArrayWithMap(f.Roots.FixedArrayMap, capacity, heap.NewSpace, f.Roots.TheHole)
	old := f.JSObjectElements(obj.Value())
	for i, n := 0, min(capacity, f.Length(old)); i < n; i++ {
		h.SetField(ne.Addr(), arraySlot(i), h.Field(old.Addr(), arraySlot(i)))
	}
	h.SetField(obj.Addr(), layout.JSObjectElementsOffset, ne.Value())
}
