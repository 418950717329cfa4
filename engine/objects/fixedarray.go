package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// NewFixedArray allocates an array of n slots filled with undefined, in the
// new space unless s says otherwise.
func (f *Factory) NewFixedArray(n int, s heap.Space) heap.Handle {
	return f.NewFixedArrayWithMap(f.Roots.FixedArrayMap, n, s, f.Roots.Undefined)
}

// NewFixedArrayWithMap allocates a FixedArray-shaped object (descriptor
// array, context, dictionary…) of n slots filled with fill. fill must be a
// Smi or a read-only object.
func (f *Factory) NewFixedArrayWithMap(m layout.Value, n int, s heap.Space, fill layout.Value) heap.Handle {
	h := f.H
	header := uint32(h.U16(m.Addr(), layout.MapTaggedEndOffset))
	a := h.Allocate(s, header+uint32(n)*layout.TaggedSize)
	h.SetField(a, layout.MapOffset, m)
	h.SetField(a, layout.FixedArrayLengthOffset, layout.Smi(n))
	for off := uint32(layout.FixedArrayHeaderSize); off < header; off += layout.TaggedSize {
		h.SetField(a, off, layout.Smi(0))
	}
	for i := 0; i < n; i++ {
		h.SetField(a, header+uint32(i)*layout.TaggedSize, fill)
	}
	return h.HandleAddr(a)
}

// Length returns the length of a FixedArray-shaped object.
func (f *Factory) Length(arr layout.Value) int {
	return f.H.Field(arr.Addr(), layout.FixedArrayLengthOffset).SmiValue()
}

// Get returns slot i of a FixedArray-shaped object (after its header).
func (f *Factory) Get(arr layout.Value, i int) layout.Value {
	return f.H.Field(arr.Addr(), f.arrayHeader(arr)+uint32(i)*layout.TaggedSize)
}

// Set stores v into slot i of a FixedArray-shaped object.
func (f *Factory) Set(arr layout.Value, i int, v layout.Value) {
	f.H.SetField(arr.Addr(), f.arrayHeader(arr)+uint32(i)*layout.TaggedSize, v)
}

func (f *Factory) arrayHeader(arr layout.Value) uint32 {
	return uint32(f.H.U16(f.H.MapOf(arr.Addr()), layout.MapTaggedEndOffset))
}
