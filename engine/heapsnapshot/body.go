package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Object bodies (size and tagged range) come from heap.ObjectBody.

// arrayHeader returns the header size of a FixedArray-shaped object of map m:
// where its slots start.
func arrayHeader(h *heap.Heap, m layout.Addr) uint32 {
	return uint32(h.U16(m, layout.MapTaggedEndOffset))
}
