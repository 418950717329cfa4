package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// objectBody returns the size of the object at a and the end of its tagged
// fields ([0, taggedEnd) holds tagged values, the map word first), read from
// its map's visitor id as the heap's own visitor does (layout.VisitorID
// documents the shapes). Fillers report size 0: they are not objects.
func objectBody(h *heap.Heap, a layout.Addr) (size, taggedEnd uint32) {
	m := h.MapOf(a)
	switch layout.VisitorID(h.U8(m, layout.MapVisitorIDOffset)) {
	case layout.VisitTagged:
		size = h.U32(m, layout.MapInstanceSizeOffset)
		return size, size
	case layout.VisitTaggedRawTail:
		return h.U32(m, layout.MapInstanceSizeOffset), uint32(h.U16(m, layout.MapTaggedEndOffset))
	case layout.VisitTaggedArray:
		size = uint32(h.U16(m, layout.MapTaggedEndOffset)) +
			layout.TaggedSize*uint32(h.Field(a, layout.FixedArrayLengthOffset).SmiValue())
		return size, size
	case layout.VisitByteArray:
		n := uint32(h.Field(a, layout.ByteArrayLengthOffset).SmiValue())
		return layout.AlignObject(layout.ByteArrayHeaderSize + n), layout.ByteArrayHeaderSize
	case layout.VisitSeqOneByteString:
		n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
		return layout.AlignObject(layout.SeqStringCharsOffset + n), layout.StringHeaderSize
	case layout.VisitSeqTwoByteString:
		n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
		return layout.AlignObject(layout.SeqStringCharsOffset + 2*n), layout.StringHeaderSize
	case layout.VisitBytecodeArray:
		n := uint32(h.Field(a, layout.BytecodeArrayLengthOffset).SmiValue())
		return layout.AlignObject(layout.BytecodeArrayHeaderSize + n), layout.BytecodeArrayHeaderSize
	}
	return 0, 0
}

// arrayHeader returns the header size of a FixedArray-shaped object of map m:
// where its slots start.
func arrayHeader(h *heap.Heap, m layout.Addr) uint32 {
	return uint32(h.U16(m, layout.MapTaggedEndOffset))
}
