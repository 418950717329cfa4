package heap

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// body returns the size of the object at a and the end of its tagged fields
// (they span [0, taggedEnd): the map word is the first). It reads only the
// object's own length fields and its map's raw fields, which a moving GC leaves
// intact at the old address of a map it has evacuated.
func (h *Heap) body(a layout.Addr) (size, taggedEnd uint32) {
	m := h.mapWord(a)
	switch layout.VisitorID(h.U8(m, layout.MapVisitorIDOffset)) {
	case layout.VisitTagged:
		size = h.U32(m, layout.MapInstanceSizeOffset)
		return size, size
	case layout.VisitTaggedRawTail:
		return h.U32(m, layout.MapInstanceSizeOffset), uint32(h.U16(m, layout.MapTaggedEndOffset))
	case layout.VisitTaggedArray:
		header := uint32(h.U16(m, layout.MapTaggedEndOffset))
		size = header + layout.TaggedSize*uint32(h.Field(a, layout.FixedArrayLengthOffset).SmiValue())
		return size, size
	case layout.VisitByteArray:
		n := uint32(h.Field(a, layout.ByteArrayLengthOffset).SmiValue())
		return layout.AlignObject(layout.ByteArrayHeaderSize + n), layout.ByteArrayLengthOffset + layout.TaggedSize
	case layout.VisitSeqOneByteString:
		n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
		return layout.AlignObject(layout.SeqStringCharsOffset + n), layout.StringHeaderSize
	case layout.VisitSeqTwoByteString:
		n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
		return layout.AlignObject(layout.SeqStringCharsOffset + 2*n), layout.StringHeaderSize
	case layout.VisitBytecodeArray:
		n := uint32(h.Field(a, layout.BytecodeArrayLengthOffset).SmiValue())
		return layout.AlignObject(layout.BytecodeArrayHeaderSize + n), layout.BytecodeArrayHeaderSize
	case layout.VisitFreeSpace:
		return uint32(h.Field(a, layout.FreeSpaceSizeOffset).SmiValue()), layout.HeaderSize
	case layout.VisitFiller:
		return layout.FillerSize, layout.HeaderSize
	case layout.VisitBigInt:
		n := uint32(h.Field(a, layout.BigIntBitfieldOffset).SmiValue()) >> 1
		return layout.BigIntHeaderSize + 8*n, layout.BigIntTaggedEnd
	}
	panic("heap: bad visitor id in map")
}

// ObjectBody returns the size of the object at a and the end of its tagged
// fields: the fields in [0, taggedEnd) are the object's references (the map
// word first), the rest is raw data. Heap walkers (snapshots) use it.
func (h *Heap) ObjectBody(a layout.Addr) (size, taggedEnd uint32) { return h.body(a) }

// SizeOf returns the size in bytes of the object at a: its real size in the heap.
func (h *Heap) SizeOf(a layout.Addr) uint32 {
	size, _ := h.body(a)
	return size
}

// mapWord returns the map of the object at a, following a forwarding word:
// during a GC an evacuated object's map word holds its new address, and the
// copy's map word holds the map.
func (h *Heap) mapWord(a layout.Addr) layout.Addr {
	w := h.Field(a, layout.MapOffset)
	if w.IsSmi() {
		w = h.Field(layout.Addr(w), layout.MapOffset)
	}
	return w.Addr()
}

// forwarded returns where the object at a was moved, if it was.
func (h *Heap) forwarded(a layout.Addr) (layout.Addr, bool) {
	w := h.Field(a, layout.MapOffset)
	return layout.Addr(w), w.IsSmi()
}

// setForward overwrites the map word of the object at a with its new address.
func (h *Heap) setForward(a, to layout.Addr) {
	*(*layout.Value)(h.at(a)) = layout.Value(to)
}

// writeFiller turns [a, a+size) into a filler object.
func (h *Heap) writeFiller(a layout.Addr, size uint32) {
	if size == 0 {
		return
	}
	if size == layout.FillerSize {
		*(*layout.Value)(h.at(a)) = h.fillerMap.Value()
		return
	}
	*(*layout.Value)(h.at(a)) = h.freeSpaceMap.Value()
	*(*layout.Value)(h.at(a + layout.FreeSpaceSizeOffset)) = layout.Smi(int(size))
}

// isFiller reports whether the object at a is free space.
func (h *Heap) isFiller(a layout.Addr) bool {
	m := h.Field(a, layout.MapOffset).Addr()
	return m == h.freeSpaceMap || m == h.fillerMap
}
