package heap

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// pagedSpace is a space of regular pages with a free list: old, code and
// read-only.
type pagedSpace struct {
	id    Space
	pages []*page
	free  freeList
	// waste is free memory too small for the free list, until the next sweep.
	waste uint64
}

func (h *Heap) pagedSpace(s Space) *pagedSpace {
	switch s {
	case OldSpace:
		return &h.old
	case CodeSpace:
		return &h.code
	case ReadOnlySpace:
		return &h.ro
	}
	panic("heap: not a paged space: " + s.String())
}

// addFree makes [a, a+size) a filler and gives it to sp's free list, or
// counts it as waste when it is too small to be worth listing.
func (h *Heap) addFree(sp *pagedSpace, a layout.Addr, size uint32) {
	h.writeFiller(a, size)
	if size >= minFreeBlock {
		sp.free.add(freeBlock{a, size})
	} else {
		sp.waste += uint64(size)
	}
}

func (sp *pagedSpace) committed() uint64 { return uint64(len(sp.pages)) * PageSize }

// newSpace is the young generation: two semi-spaces in one reserved range.
// The mutator allocates in to-space; a scavenge copies the survivors out of
// from-space (the former to-space).
type newSpace struct {
	start  layout.Addr
	extent uint32 // both semi-spaces at their maximum capacity
	// maxSemi and capacity are the maximum and current semi-space sizes.
	maxSemi, capacity uint32
	to, from          layout.Addr
	// top is the end of the to-space part handed out as LABs.
	top layout.Addr
	// ageMark divides to-space: objects below it survived a scavenge already
	// and are promoted by the next one.
	ageMark layout.Addr
	// holes are the bytes of LAB tails given back since the last GC.
	holes uint64
}

// take hands out a LAB of at least size bytes from to-space.
func (ns *newSpace) take(size uint32) (layout.Addr, uint32, bool) {
	limit := ns.to + layout.Addr(ns.capacity)
	room := uint32(limit - ns.top)
	if room < size {
		return 0, 0, false
	}
	n := min(room, max(size, labSize))
	start := ns.top
	ns.top += layout.Addr(n)
	return start, n, true
}

// inFrom reports whether a lies in from-space (meaningful during a scavenge).
func (ns *newSpace) inFrom(a layout.Addr) bool { return uint32(a-ns.from) < ns.maxSemi }

// largeSpace holds objects larger than MaxRegularObjectSize, one per run of
// pages. Its objects never move.
type largeSpace struct {
	pages   []*page
	objects uint64 // bytes of the objects themselves
	counter allocCounter
}

func (ls *largeSpace) committed() uint64 {
	var n uint64
	for _, p := range ls.pages {
		n += uint64(p.size())
	}
	return n
}

// allocateLarge places a large object on pages of its own. Its bytes count as
// allocated directly.
func (h *Heap) allocateLarge(size uint32) layout.Addr {
	n := int((size + PageSize - 1) / PageSize)
	need := uint64(n) * PageSize
	if !h.inGC && h.oldGenerationSize()+need > h.oldGenLimit {
		h.collect(fullGC, "allocation failure")
	}
	if h.oldGenerationSize()+need > h.maxOld {
		h.fatalOOM(reasonHeapLimit)
	}
	p, ok := h.newPages(LargeObjectSpace, n)
	if !ok {
		h.fatalOOM(reasonCage)
	}
	p.objectSize = size
	h.lo.pages = append(h.lo.pages, p)
	h.lo.objects += uint64(size)
	h.lo.counter.invoke(p.start, size)
	h.allocated += uint64(size)
	return p.start
}

// oldGenerationSize is the committed size of the old generation, which the
// heap limit bounds.
func (h *Heap) oldGenerationSize() uint64 {
	return h.old.committed() + h.code.committed() + h.lo.committed()
}
