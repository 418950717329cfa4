package heap

import (
	"math"
	"unsafe"

	"github.com/sonde-js/sonde/engine/layout"
)

// Raw field access. These are the heap's hot paths: a base pointer plus an
// offset, no bounds checks. Callers pass addresses of live objects.

func (h *Heap) at(a layout.Addr) unsafe.Pointer { return unsafe.Add(h.base, uintptr(a)) }

// Field reads the tagged field at offset off of the object at a.
func (h *Heap) Field(a layout.Addr, off uint32) layout.Value {
	return *(*layout.Value)(h.at(a + layout.Addr(off)))
}

// SetField stores a tagged value into the object at a, recording the slot in
// the remembered set when an old object comes to point to a young one.
func (h *Heap) SetField(a layout.Addr, off uint32, v layout.Value) {
	slot := a + layout.Addr(off)
	*(*layout.Value)(unsafe.Add(h.base, slot)) = v
	if v&layout.HeapObjectTag != 0 {
		h.writeBarrier(slot, v)
	}
}

// writeBarrier records slot when it now refers from an old object to a young
// one (a slot lies in its object's space). Kept out of SetField to keep
// SetField small.
func (h *Heap) writeBarrier(slot layout.Addr, v layout.Value) {
	if h.inNew(v.Addr()) && !h.inNew(slot) {
		h.recordSlot(slot)
	}
}

// U8 reads a raw byte field.
func (h *Heap) U8(a layout.Addr, off uint32) uint8 { return *(*uint8)(h.at(a + layout.Addr(off))) }

// SetU8 writes a raw byte field.
func (h *Heap) SetU8(a layout.Addr, off uint32, v uint8) {
	*(*uint8)(h.at(a + layout.Addr(off))) = v
}

// U16 reads a raw 16-bit field.
func (h *Heap) U16(a layout.Addr, off uint32) uint16 {
	return *(*uint16)(h.at(a + layout.Addr(off)))
}

// SetU16 writes a raw 16-bit field.
func (h *Heap) SetU16(a layout.Addr, off uint32, v uint16) {
	*(*uint16)(h.at(a + layout.Addr(off))) = v
}

// U32 reads a raw 32-bit field.
func (h *Heap) U32(a layout.Addr, off uint32) uint32 {
	return *(*uint32)(h.at(a + layout.Addr(off)))
}

// SetU32 writes a raw 32-bit field.
func (h *Heap) SetU32(a layout.Addr, off uint32, v uint32) {
	*(*uint32)(h.at(a + layout.Addr(off))) = v
}

// F64 reads a raw float64 field (it may be unaligned, as in V8).
func (h *Heap) F64(a layout.Addr, off uint32) float64 {
	return math.Float64frombits(*(*uint64)(h.at(a + layout.Addr(off))))
}

// SetF64 writes a raw float64 field.
func (h *Heap) SetF64(a layout.Addr, off uint32, v float64) {
	*(*uint64)(h.at(a + layout.Addr(off))) = math.Float64bits(v)
}

// Bytes returns n raw bytes of the object at a starting at off. The slice
// aliases the heap: it is valid only until the next allocation.
func (h *Heap) Bytes(a layout.Addr, off, n uint32) []byte {
	return unsafe.Slice((*byte)(h.at(a+layout.Addr(off))), n)
}

// Uint16s returns n raw 16-bit units of the object at a starting at off,
// aliasing the heap like Bytes.
func (h *Heap) Uint16s(a layout.Addr, off, n uint32) []uint16 {
	return unsafe.Slice((*uint16)(h.at(a+layout.Addr(off))), n)
}

// MapOf returns the address of the map of the object at a.
func (h *Heap) MapOf(a layout.Addr) layout.Addr { return h.Field(a, layout.MapOffset).Addr() }

// InstanceType returns the instance type of the object at a.
func (h *Heap) InstanceType(a layout.Addr) layout.InstanceType {
	return layout.InstanceType(h.U16(h.MapOf(a), layout.MapInstanceTypeOffset))
}

// inNew reports whether a lies in the new space (either semi-space): one
// unsigned comparison, since the semi-spaces are one reserved range.
func (h *Heap) inNew(a layout.Addr) bool { return uint32(a-h.newSpace.start) < h.newSpace.extent }

// InYoungGeneration reports whether the object at a is in the new space.
func (h *Heap) InYoungGeneration(a layout.Addr) bool { return h.inNew(a) }

// SpaceOf returns the space holding the object at a.
func (h *Heap) SpaceOf(a layout.Addr) Space { return h.pages[a>>PageShift].space }

// InReadOnlySpace reports whether the object at a is in the read-only space.
func (h *Heap) InReadOnlySpace(a layout.Addr) bool {
	p := h.pages[a>>PageShift]
	return p != nil && p.space == ReadOnlySpace
}
