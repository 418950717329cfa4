package heap

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// labSize is the size of a linear allocation buffer taken at a refill.
const labSize = 32 << 10

// lab is a linear allocation buffer: the mutator bumps top toward limit.
// limit is end unless an allocation observer (or a test mode) lowered it to
// send the allocation that reaches a step boundary to the slow path. mark is
// how far the space's allocation counter has counted.
type lab struct {
	top, limit, end, mark layout.Addr
}

// allocator allocates in one space for either the mutator or the GC. The GC's
// allocators (promotion, compaction) are neither counted nor observed.
type allocator struct {
	space   Space
	gc      bool
	lab     lab
	counter allocCounter
}

func (h *Heap) mutatorAllocators() []*allocator {
	return []*allocator{&h.newAlloc, &h.oldAlloc, &h.codeAlloc}
}

// AllocateYoung returns uninitialized memory for a size-byte object in the new
// space. The caller writes the object's map and every tagged field before the
// next allocation. Any allocation may collect garbage: raw Values held across
// it must be in handles.
func (h *Heap) AllocateYoung(size uint32) layout.Addr {
	l := &h.newAlloc.lab
	if top := l.top; l.limit-top >= layout.Addr(size) {
		l.top = top + layout.Addr(size)
		return top
	}
	return h.allocateYoungSlow(size)
}

func (h *Heap) allocateYoungSlow(size uint32) layout.Addr { return h.allocateSlow(&h.newAlloc, size) }

// IsLastYoung reports whether the size-byte object at a is the new space's
// latest allocation (nothing was allocated there since): the optimized
// tier's guard before it overwrites a HeapNumber it believes fresh.
func (h *Heap) IsLastYoung(a layout.Addr, size uint32) bool {
	return h.newAlloc.lab.top == a+layout.Addr(size)
}

// Allocate returns uninitialized memory for a size-byte object in space s
// (NewSpace, OldSpace or CodeSpace); objects larger than MaxRegularObjectSize
// go to the large-object space whatever s is.
func (h *Heap) Allocate(s Space, size uint32) layout.Addr {
	var al *allocator
	switch s {
	case NewSpace:
		return h.AllocateYoung(size)
	case OldSpace:
		al = &h.oldAlloc
	case CodeSpace:
		al = &h.codeAlloc
	default:
		panic("heap: cannot allocate in " + s.String())
	}
	l := &al.lab
	if top := l.top; uint32(l.limit-top) >= size {
		l.top = top + layout.Addr(size)
		return top
	}
	return h.allocateSlow(al, size)
}

// allocateSlow serves what the LAB's limit refused: a step boundary of an
// observer, a test mode, or an exhausted LAB. It is a safepoint.
func (h *Heap) allocateSlow(al *allocator, size uint32) layout.Addr {
	if size > MaxRegularObjectSize {
		return h.allocateLarge(size)
	}
	if h.stressEvery > 0 && !h.inGC {
		h.stressCount++
		if h.stressCount%h.stressEvery == 0 {
			h.stressCollect()
		}
	}
	for attempt := 0; ; attempt++ {
		l := &al.lab
		h.advance(al)
		if uint32(l.end-l.top) >= size {
			obj := l.top
			al.counter.invoke(obj, size)
			l.top += layout.Addr(size)
			l.mark = l.top
			h.setLimit(al)
			return obj
		}
		h.retire(al)
		if h.refill(al, size, attempt) {
			continue
		}
		if al.space == NewSpace {
			// The new space is full even after a scavenge: pretenure.
			return h.Allocate(OldSpace, size)
		}
		h.fatalOOM(reasonHeapLimit)
	}
}

// advance counts, for the space's observers, what the fast path allocated
// since the last slow path.
func (h *Heap) advance(al *allocator) {
	l := &al.lab
	al.counter.current += uint64(l.top - l.mark)
	l.mark = l.top
}

// setLimit places the LAB limit: at end, or lowered to the next observer step,
// or to top when every allocation must take the slow path.
func (h *Heap) setLimit(al *allocator) {
	l := &al.lab
	l.limit = l.end
	if h.stressEvery > 0 {
		l.limit = l.top
		return
	}
	if al.counter.active() {
		if left := al.counter.left(); left < uint64(l.end-l.mark) {
			l.limit = l.mark + layout.Addr(left)
		}
		if l.limit < l.top {
			l.limit = l.top
		}
	}
}

// retire gives the LAB's unused tail back: to the allocation counter, and to
// the space as free memory, leaving the heap iterable.
func (h *Heap) retire(al *allocator) {
	l := &al.lab
	h.advance(al)
	if tail := uint32(l.end - l.top); tail > 0 {
		if !al.gc {
			h.allocated -= uint64(tail)
		}
		h.giveBack(al.space, l.top, tail)
	}
	*l = lab{}
}

// retireAll retires every LAB, as each GC does first.
func (h *Heap) retireAll() {
	h.retire(&h.newAlloc)
	h.retire(&h.oldAlloc)
	h.retire(&h.codeAlloc)
	h.retire(&h.gcOldAlloc)
	h.retire(&h.gcCodeAlloc)
}

// giveBack returns [a, a+size) of space s, unused, to that space.
func (h *Heap) giveBack(s Space, a layout.Addr, size uint32) {
	switch s {
	case NewSpace:
		// New-space LABs are cut in order: a tail returned is a hole until
		// the next GC empties the semi-space.
		h.writeFiller(a, size)
		h.newSpace.holes += uint64(size)
	case OldSpace:
		h.addFree(&h.old, a, size)
	case CodeSpace:
		h.addFree(&h.code, a, size)
	}
}

// refill gives al a new LAB of at least size bytes. It may collect garbage;
// it reports false when the space cannot grow.
func (h *Heap) refill(al *allocator, size uint32, attempt int) bool {
	var start layout.Addr
	var n uint32
	var ok bool
	if al.space == NewSpace {
		start, n, ok = h.newSpace.take(size)
		if !ok && attempt == 0 && !h.inGC {
			h.collect(scavenge, "allocation failure")
			start, n, ok = h.newSpace.take(size)
		}
	} else {
		sp := h.pagedSpace(al.space)
		start, n, ok = h.takePaged(sp, al.gc, size, attempt)
	}
	if !ok {
		return false
	}
	al.lab = lab{top: start, limit: start, end: start + layout.Addr(n), mark: start}
	if !al.gc {
		h.allocated += uint64(n)
	}
	h.setLimit(al)
	return true
}

// takePaged finds a LAB in a paged space: from its free list, else a fresh
// page within the old-generation limit, else after a full GC; the GC's own
// allocators may always grow until the cage or the hard limit is reached.
func (h *Heap) takePaged(sp *pagedSpace, gc bool, size uint32, attempt int) (layout.Addr, uint32, bool) {
	want := max(size, labSize)
	if b, ok := sp.free.take(size); ok {
		n := min(b.size, want)
		if rest := b.size - n; rest >= minFreeBlock {
			h.addFree(sp, b.addr+layout.Addr(n), rest)
		} else {
			n = b.size
		}
		return b.addr, n, true
	}
	if !gc && !h.inGC {
		if h.oldGenerationSize()+PageSize > h.oldGenLimit && attempt == 0 {
			h.collect(fullGC, "allocation failure")
			return h.takePaged(sp, gc, size, attempt+1)
		}
		if h.oldGenerationSize()+PageSize > h.maxOld {
			return 0, 0, false
		}
	}
	p, ok := h.newPages(sp.id, 1)
	if !ok {
		h.fatalOOM(reasonCage)
	}
	sp.pages = append(sp.pages, p)
	if rest := p.size() - want; rest >= minFreeBlock {
		h.addFree(sp, p.start+layout.Addr(want), rest)
		return p.start, want, true
	}
	return p.start, p.size(), true
}
