package heap

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// The scavenger is Cheney's copying collector for the new space. Survivors of
// their first scavenge are copied to the other semi-space; those below the
// age mark (survivors of a previous one) are promoted to the old space. Its
// roots are the strong roots and the remembered set of old-to-new slots.

type scavenger struct {
	h *Heap
	// fromAgeMark is the age mark of the semi-space being evacuated.
	fromAgeMark layout.Addr
	toLimit     layout.Addr
	promoted    []layout.Addr
}

func (h *Heap) scavenge() []func() {
	ns := &h.newSpace
	ns.from, ns.to = ns.to, ns.from
	s := scavenger{h: h, fromAgeMark: ns.ageMark, toLimit: ns.to + layout.Addr(ns.capacity)}
	ns.top, ns.ageMark, ns.holes = ns.to, ns.to, 0

	h.visitRoots(s.slot)
	h.forEachRememberedSlot(func(slot layout.Addr) bool {
		p := (*layout.Value)(h.at(slot))
		s.slot(p)
		return p.IsHeapObject() && h.inNew(p.Addr())
	})
	s.drain()

	retain := func(v layout.Value) (layout.Value, bool) {
		if !v.IsHeapObject() || !ns.inFrom(v.Addr()) {
			return v, true
		}
		if to, ok := h.forwarded(v.Addr()); ok {
			return to.Value(), true
		}
		return v, false
	}
	pending := h.globals.processWeak(retain, nil)
	for _, w := range h.weaks {
		if w.young {
			w.visit(retain)
		}
	}

	survived := uint32(ns.top - ns.to)
	ns.ageMark = ns.top
	if survived > ns.capacity/4 && ns.capacity < ns.maxSemi {
		ns.capacity = min(2*ns.capacity, ns.maxSemi)
	}
	h.stats.copied += uint64(survived)
	if h.opts.VerifyHeap {
		h.zap(ns.from, ns.maxSemi)
	}
	return pending
}

// slot updates one slot: a reference into from-space becomes a reference to
// the object's copy, which is made on first sight.
func (s *scavenger) slot(p *layout.Value) {
	v := *p
	if !v.IsHeapObject() {
		return
	}
	h := s.h
	a := v.Addr()
	if !h.newSpace.inFrom(a) {
		return
	}
	if to, ok := h.forwarded(a); ok {
		*p = to.Value()
		return
	}
	size := h.SizeOf(a)
	ns := &h.newSpace
	var to layout.Addr
	if a < s.fromAgeMark || uint32(s.toLimit-ns.top) < size {
		to = h.allocateGC(&h.gcOldAlloc, size)
		s.promoted = append(s.promoted, to)
		h.stats.promoted += uint64(size)
	} else {
		to = ns.top
		ns.top += layout.Addr(size)
	}
	h.move(a, to, size)
	*p = to.Value()
}

// drain scans the copies, Cheney-style: to-space in order, then the promoted
// objects, until neither has unscanned objects.
func (s *scavenger) drain() {
	h := s.h
	scan := h.newSpace.to
	for done := 0; scan < h.newSpace.top || done < len(s.promoted); {
		for scan < h.newSpace.top {
			size, tagged := h.body(scan)
			for off := uint32(layout.HeaderSize); off < tagged; off += layout.TaggedSize {
				s.slot((*layout.Value)(h.at(scan + layout.Addr(off))))
			}
			scan += layout.Addr(size)
		}
		for ; done < len(s.promoted); done++ {
			a := s.promoted[done]
			_, tagged := h.body(a)
			for off := uint32(layout.HeaderSize); off < tagged; off += layout.TaggedSize {
				slot := a + layout.Addr(off)
				p := (*layout.Value)(h.at(slot))
				s.slot(p)
				if p.IsHeapObject() && h.inNew(p.Addr()) {
					h.recordSlot(slot)
				}
			}
		}
	}
}

// move copies an object and leaves its forwarding address behind.
func (h *Heap) move(from, to layout.Addr, size uint32) {
	copy(h.cage.bytes(to, size), h.cage.bytes(from, size))
	h.setForward(from, to)
}

// allocateGC allocates for a copy the GC makes: not counted, not observed.
func (h *Heap) allocateGC(al *allocator, size uint32) layout.Addr {
	l := &al.lab
	if uint32(l.end-l.top) < size {
		h.retire(al)
		start, n, _ := h.takePaged(h.pagedSpace(al.space), true, size, 0)
		*l = lab{top: start, limit: start + layout.Addr(n), end: start + layout.Addr(n), mark: start}
	}
	a := l.top
	l.top += layout.Addr(size)
	return a
}

// forEachRememberedSlot calls f with each remembered old-to-new slot; a slot
// for which f returns false is forgotten.
func (h *Heap) forEachRememberedSlot(f func(slot layout.Addr) bool) {
	visit := func(p *page) {
		p.slots.forEach(func(i uint32) {
			if !f(p.start + layout.Addr(i*layout.TaggedSize)) {
				p.slots.clear(i)
			}
		})
	}
	for _, p := range h.old.pages {
		visit(p)
	}
	for _, p := range h.code.pages {
		visit(p)
	}
	for _, p := range h.lo.pages {
		visit(p)
	}
}

// zap fills dead memory with a pattern no valid object has, so that a stale
// reference is caught by verification rather than read silently.
func (h *Heap) zap(a layout.Addr, size uint32) {
	b := h.cage.bytes(a, size)
	for i := 0; i+4 <= len(b); i += 4 {
		b[i], b[i+1], b[i+2], b[i+3] = 0xef, 0xbe, 0xad, 0xde
	}
}
