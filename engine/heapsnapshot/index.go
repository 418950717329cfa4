package heapsnapshot

import (
	"math/bits"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// The heap index maps an object's address to its node index without a hash
// table: one bit per tagged word of each page marks where objects start (as
// the heap's mark bitmap does), and a running count per 64-bit bitmap word
// turns "how many objects start before this address" into one load and a
// popcount. Nodes are numbered in address order, so the same bitmaps give the
// iteration order of every pass. A second bitmap does the same for string
// nodes, whose contents head the snapshot's strings table.

const (
	pageWords   = heap.PageSize / layout.TaggedSize
	bitmapWords = pageWords / 64
	cagePages   = 1 << 32 >> heap.PageShift
	pageShift   = heap.PageShift
)

// bitRank is a page's bitmap with its rank directory.
type bitRank struct {
	bits   [bitmapWords]uint64
	prefix [bitmapWords]uint16 // set bits in bits[:i]; a page holds < 65536 objects
}

// rank returns the number of set bits before bit w.
func (b *bitRank) rank(w uint32) uint32 {
	return uint32(b.prefix[w>>6]) + uint32(bits.OnesCount64(b.bits[w>>6]&(1<<(w&63)-1)))
}

// seal fills the rank directory and returns the number of set bits.
func (b *bitRank) seal() uint32 {
	n := 0
	for i, w := range b.bits {
		b.prefix[i] = uint16(n)
		n += bits.OnesCount64(w)
	}
	return uint32(n)
}

// pageIndex indexes the objects of one page (or of one large object's run of
// pages, all indexed at its first page).
type pageIndex struct {
	start   layout.Addr
	ro      bool   // a read-only page
	base    uint32 // rank of the page's first object among all objects
	strBase uint32 // rank of its first string node among string nodes
	starts  bitRank
	strs    *bitRank             // nil when the page holds no string node
	refs    *[bitmapWords]uint64 // objects some other object refers to
}

// heapIndex indexes every live object of the heap.
type heapIndex struct {
	pages []*pageIndex // by page number; nil where no object starts
	order []*pageIndex // the indexed pages in address order
	// objects, strings and heapNumbers count the objects, the string nodes
	// (sequential strings: named by their contents) and the heap numbers.
	objects, strings, heapNumbers uint32
	// globals lists the global objects, which V8 links from the root.
	globals []layout.Addr
}

// isStringNode reports whether objects of type t are string nodes: strings
// whose node name is their own contents (cons strings are not).
func isStringNode(t layout.InstanceType) bool {
	return t <= layout.SeqTwoByteStringType
}

// build indexes the heap's objects. With refs it also records, per object,
// whether another live object refers to it (for inferring roots).
func (ix *heapIndex) build(h *heap.Heap, refs bool) {
	ix.pages = make([]*pageIndex, cagePages)
	h.ForEachObject(func(a layout.Addr) {
		p := ix.page(h, a)
		w := uint32(a-p.start) / layout.TaggedSize
		p.starts.bits[w>>6] |= 1 << (w & 63)
		ix.objects++
		switch t := h.InstanceType(a); {
		case isStringNode(t):
			if p.strs == nil {
				p.strs = new(bitRank)
			}
			p.strs.bits[w>>6] |= 1 << (w & 63)
			ix.strings++
		case t == layout.HeapNumberType:
			ix.heapNumbers++
		case t == layout.JSGlobalObjectType:
			ix.globals = append(ix.globals, a)
		}
		if refs {
			_, end := h.ObjectBody(a)
			for off := uint32(0); off < end; off += layout.TaggedSize {
				if v := h.Field(a, off); v.IsHeapObject() {
					t := v.Addr()
					tp := ix.page(h, t)
					if tp.refs == nil {
						tp.refs = new([bitmapWords]uint64)
					}
					tw := uint32(t-tp.start) / layout.TaggedSize
					tp.refs[tw>>6] |= 1 << (tw & 63)
				}
			}
		}
	})
	var base, strBase uint32
	for _, p := range ix.pages {
		if p == nil {
			continue
		}
		ix.order = append(ix.order, p)
		p.base = base
		base += p.starts.seal()
		if p.strs != nil {
			p.strBase = strBase
			strBase += p.strs.seal()
		}
	}
}

// page returns the index of the page holding a, creating it.
func (ix *heapIndex) page(h *heap.Heap, a layout.Addr) *pageIndex {
	pn := a >> heap.PageShift
	p := ix.pages[pn]
	if p == nil {
		p = &pageIndex{start: pn << heap.PageShift, ro: h.InReadOnlySpace(a)}
		ix.pages[pn] = p
	}
	return p
}

// node returns the node index of the object at a. Hot path.
func (ix *heapIndex) node(a layout.Addr) uint32 {
	p := ix.pages[a>>heap.PageShift]
	return firstObjectNode + p.base + p.starts.rank(uint32(a-p.start)/layout.TaggedSize)
}

// stringRank returns the rank of the string node at a among string nodes.
func (ix *heapIndex) stringRank(a layout.Addr) uint32 {
	p := ix.pages[a>>heap.PageShift]
	return p.strBase + p.strs.rank(uint32(a-p.start)/layout.TaggedSize)
}

// referenced reports whether some live object refers to the object at a.
func (ix *heapIndex) referenced(a layout.Addr) bool {
	p := ix.pages[a>>heap.PageShift]
	w := uint32(a-p.start) / layout.TaggedSize
	return p.refs != nil && p.refs[w>>6]&(1<<(w&63)) != 0
}

// inReadOnly reports whether a lies on a read-only page.
func (ix *heapIndex) inReadOnly(a layout.Addr) bool { return ix.pages[a>>heap.PageShift].ro }

// forEach calls f with each object's address in node order.
func (ix *heapIndex) forEach(f func(a layout.Addr)) {
	for _, p := range ix.order {
		for i, w := range p.starts.bits {
			for w != 0 {
				b := uint32(bits.TrailingZeros64(w))
				w &= w - 1
				f(p.start + layout.Addr((uint32(i)*64+b)*layout.TaggedSize))
			}
		}
	}
}

// forEachString calls f with each string node's address in node order.
func (ix *heapIndex) forEachString(f func(a layout.Addr)) {
	for _, p := range ix.order {
		if p.strs == nil {
			continue
		}
		for i, w := range p.strs.bits {
			for w != 0 {
				b := uint32(bits.TrailingZeros64(w))
				w &= w - 1
				f(p.start + layout.Addr((uint32(i)*64+b)*layout.TaggedSize))
			}
		}
	}
}

// memory returns the bytes the index holds.
func (ix *heapIndex) memory() uint64 {
	n := uint64(len(ix.pages))*8 + uint64(cap(ix.order))*8
	for _, p := range ix.order {
		n += uint64(len(p.starts.bits))*10 + 32
		if p.strs != nil {
			n += uint64(len(p.strs.bits)) * 10
		}
		if p.refs != nil {
			n += uint64(len(p.refs)) * 8
		}
	}
	return n
}
