package heap

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// The full GC marks everything reachable from the strong roots, clears weak
// references to what it did not mark, evacuates the new space into the old
// space (as V8 does, promoting every young survivor) together with the old and
// code pages that marking found mostly empty, updates every reference to a
// moved object, and sweeps the remaining pages into free lists.

// evacuationThreshold: a page whose live bytes are below this share of it is
// compacted.
const evacuationThreshold = PageSize / 2

func (h *Heap) markCompact() []func() {
	h.mark()

	// Weak references to unmarked objects die now; the survivors' slots are
	// updated with the rest once objects have moved.
	isLive := func(v layout.Value) (layout.Value, bool) {
		if !v.IsHeapObject() {
			return v, true
		}
		p := h.pageOf(v.Addr())
		return v, p.space == ReadOnlySpace || p.marked(v.Addr())
	}
	pending := h.globals.processWeak(isLive, nil)
	for _, w := range h.weaks {
		w.visit(isLive)
	}

	candidates := h.selectEvacuationCandidates()
	h.evacuate(candidates)
	h.updatePointers()
	h.sweep(candidates)
	return pending
}

// mark sets the mark bit of every object reachable from the strong roots and
// counts each page's live bytes.
func (h *Heap) mark() {
	var stack []layout.Addr
	push := func(v layout.Value) {
		if !v.IsHeapObject() {
			return
		}
		a := v.Addr()
		p := h.pageOf(a)
		if p.space == ReadOnlySpace || p.marked(a) {
			return
		}
		p.mark(a)
		stack = append(stack, a)
	}
	for _, p := range h.allPages() {
		p.liveBytes = 0
	}
	h.visitRoots(func(slot *layout.Value) { push(*slot) })
	for len(stack) > 0 {
		a := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		size, tagged := h.body(a)
		h.pageOf(a).liveBytes += size
		for off := uint32(0); off < tagged; off += layout.TaggedSize {
			push(h.Field(a, off))
		}
	}
}

// allPages lists the pages of every space but the read-only one.
func (h *Heap) allPages() []*page {
	var ps []*page
	ps = append(ps, h.newSpacePages()...)
	ps = append(ps, h.old.pages...)
	ps = append(ps, h.code.pages...)
	ps = append(ps, h.lo.pages...)
	return ps
}

// newSpacePages lists the pages of to-space's current capacity.
func (h *Heap) newSpacePages() []*page {
	ns := &h.newSpace
	var ps []*page
	for a := ns.to; a < ns.to+layout.Addr(ns.capacity); a += PageSize {
		ps = append(ps, h.pageOf(a))
	}
	return ps
}

func (h *Heap) selectEvacuationCandidates() []*page {
	var cs []*page
	for _, sp := range []*pagedSpace{&h.old, &h.code} {
		for _, p := range sp.pages {
			if p.liveBytes < evacuationThreshold || h.opts.StressCompaction {
				p.evacuate = true
				cs = append(cs, p)
			}
		}
	}
	return cs
}

// evacuate moves the marked objects of the new space and of the candidate
// pages to fresh old-generation pages, marking each copy there.
func (h *Heap) evacuate(candidates []*page) {
	// Free lists are rebuilt by the sweep; copies go to fresh pages only.
	h.old.free.reset()
	h.code.free.reset()
	move := func(p *page, al *allocator) {
		p.marks.forEach(func(i uint32) {
			a := p.start + layout.Addr(i*layout.TaggedSize)
			size := h.SizeOf(a)
			to := h.allocateGC(al, size)
			h.move(a, to, size)
			dst := h.pageOf(to)
			dst.mark(to)
			dst.liveBytes += size
			h.stats.compacted += uint64(size)
		})
	}
	for _, p := range h.newSpacePages() {
		move(p, &h.gcOldAlloc)
	}
	for _, p := range candidates {
		if p.space == CodeSpace {
			move(p, &h.gcCodeAlloc)
		} else {
			move(p, &h.gcOldAlloc)
		}
	}
	h.retire(&h.gcOldAlloc)
	h.retire(&h.gcCodeAlloc)
}

// updatePointers rewrites every slot that refers to a moved object: roots,
// weak roots and the fields of every live object that did not move.
func (h *Heap) updatePointers() {
	update := func(slot *layout.Value) {
		if v := *slot; v.IsHeapObject() {
			if to, ok := h.forwarded(v.Addr()); ok {
				*slot = to.Value()
			}
		}
	}
	h.visitRoots(update)
	retain := func(v layout.Value) (layout.Value, bool) {
		update(&v)
		return v, true
	}
	h.globals.processWeak(retain, nil)
	for _, w := range h.weaks {
		w.visit(retain)
	}
	for _, sps := range [][]*page{h.old.pages, h.code.pages, h.lo.pages} {
		for _, p := range sps {
			if p.evacuate {
				continue
			}
			p.marks.forEach(func(i uint32) {
				a := p.start + layout.Addr(i*layout.TaggedSize)
				_, tagged := h.body(a)
				for off := uint32(0); off < tagged; off += layout.TaggedSize {
					update((*layout.Value)(h.at(a + layout.Addr(off))))
				}
			})
		}
	}
}

// sweep releases evacuated and empty pages and dead large objects, turns the
// gaps between live objects into free-list blocks, empties the new space and
// forgets every remembered slot (no young object is left).
func (h *Heap) sweep(candidates []*page) {
	for _, sp := range []*pagedSpace{&h.old, &h.code} {
		// Every kept page is swept below: the free list is rebuilt whole.
		sp.free.reset()
		sp.waste = 0
		kept := sp.pages[:0]
		for _, p := range sp.pages {
			if p.evacuate || p.liveBytes == 0 {
				h.freePages(p)
				h.stats.releasedPages++
				continue
			}
			h.sweepPage(sp, p)
			kept = append(kept, p)
		}
		clear(sp.pages[len(kept):])
		sp.pages = kept
	}
	h.stats.evacuatedPages += len(candidates)

	kept := h.lo.pages[:0]
	for _, p := range h.lo.pages {
		if !p.marked(p.start) {
			h.lo.objects -= uint64(p.objectSize)
			h.freePages(p)
			continue
		}
		p.marks.reset()
		p.slots.reset()
		kept = append(kept, p)
	}
	clear(h.lo.pages[len(kept):])
	h.lo.pages = kept

	ns := &h.newSpace
	for _, p := range h.newSpacePages() {
		p.marks.reset()
	}
	if h.opts.VerifyHeap {
		h.zap(ns.to, uint32(ns.top-ns.to))
	}
	ns.top, ns.ageMark, ns.holes = ns.to, ns.to, 0
}

// sweepPage rebuilds p's free blocks from its mark bits.
func (h *Heap) sweepPage(sp *pagedSpace, p *page) {
	free := p.start
	p.marks.forEach(func(i uint32) {
		a := p.start + layout.Addr(i*layout.TaggedSize)
		if a > free {
			h.addFree(sp, free, uint32(a-free))
		}
		free = a + layout.Addr(h.SizeOf(a))
	})
	if free < p.end {
		h.addFree(sp, free, uint32(p.end-free))
	}
	p.marks.reset()
	p.slots.reset()
}
