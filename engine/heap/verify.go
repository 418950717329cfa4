package heap

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/layout"
)

// ForEachObject calls f with the address of every object in the heap, space
// by space, fillers excluded. It retires the LABs first so every page can be
// walked. f must not allocate.
func (h *Heap) ForEachObject(f func(a layout.Addr)) {
	if err := h.walk(func(a layout.Addr, _ uint32) error {
		if !h.isFiller(a) {
			f(a)
		}
		return nil
	}); err != nil {
		panic(err)
	}
}

// walk visits every object and filler with its size, stopping at the first
// error f returns or at a malformed page.
func (h *Heap) walk(f func(a layout.Addr, size uint32) error) error {
	if !h.inGC {
		h.retireAll()
	}
	linear := func(from, to layout.Addr) error {
		for a := from; a < to; {
			if err := h.checkMap(a); err != nil {
				return err
			}
			size := h.SizeOf(a)
			if size == 0 || a+layout.Addr(size) > to || size%layout.ObjectAlignment != 0 {
				return fmt.Errorf("object at %#x (%v) has bad size %d for its page ending at %#x", a, h.InstanceType(a), size, to)
			}
			if err := f(a, size); err != nil {
				return err
			}
			a += layout.Addr(size)
		}
		return nil
	}
	for _, p := range h.ro.pages {
		if err := linear(p.start, p.end); err != nil {
			return err
		}
	}
	if err := linear(h.newSpace.to, h.newSpace.top); err != nil {
		return err
	}
	for _, sp := range []*pagedSpace{&h.old, &h.code} {
		for _, p := range sp.pages {
			if err := linear(p.start, p.end); err != nil {
				return err
			}
		}
	}
	for _, p := range h.lo.pages {
		if err := linear(p.start, p.start+layout.Addr(p.objectSize)); err != nil {
			return err
		}
	}
	return nil
}

// checkMap checks that the object at a has a map, whose map is the meta map.
func (h *Heap) checkMap(a layout.Addr) error {
	w := h.Field(a, layout.MapOffset)
	if !w.IsHeapObject() {
		return fmt.Errorf("object at %#x: map word %#x is not a reference", a, uint32(w))
	}
	m := w.Addr()
	if mp := h.pageOf(m); mp == nil || h.inNew(m) {
		return fmt.Errorf("object at %#x: map %#x is outside the old generation", a, m)
	}
	if mm := h.Field(m, layout.MapOffset); mm != h.metaMap.Value() {
		return fmt.Errorf("object at %#x: its map %#x has map %#x, not the meta map", a, m, uint32(mm))
	}
	if v := layout.VisitorID(h.U8(m, layout.MapVisitorIDOffset)); v > layout.VisitBigInt {
		return fmt.Errorf("object at %#x: map %#x has bad visitor id %d", a, m, v)
	}
	return nil
}

// Verify checks the whole heap (--verify-heap): every object has a valid map
// and size, every reference points to the start of a live object in a space
// where it may (never into from-space or free memory; read-only objects only
// to read-only ones), and every old-to-new reference is in the remembered set.
func (h *Heap) Verify() error {
	starts := map[*page]bitmap{}
	if err := h.walk(func(a layout.Addr, _ uint32) error {
		if !h.isFiller(a) {
			p := h.pageOf(a)
			b := starts[p]
			b.set(p.bit(a), p.words())
			starts[p] = b
		}
		return nil
	}); err != nil {
		return err
	}
	return h.walk(func(a layout.Addr, size uint32) error {
		if h.isFiller(a) {
			return nil
		}
		host := h.pageOf(a)
		_, tagged := h.body(a)
		for off := uint32(0); off < tagged; off += layout.TaggedSize {
			v := h.Field(a, off)
			if !v.IsHeapObject() {
				continue
			}
			t := v.Addr()
			tp := h.pageOf(t)
			if tp == nil {
				return fmt.Errorf("%v at %#x, field %d: %#x is outside every page", h.InstanceType(a), a, off, t)
			}
			if !starts[tp].get(tp.bit(t)) {
				return fmt.Errorf("%v at %#x, field %d: %#x is not the start of a live object", h.InstanceType(a), a, off, t)
			}
			if host.space == ReadOnlySpace && tp.space != ReadOnlySpace {
				return fmt.Errorf("%v at %#x, field %d: read-only object refers to %v", h.InstanceType(a), a, off, tp.space)
			}
			if h.inNew(t) && !h.inNew(a) && !host.slots.get(host.bit(a+layout.Addr(off))) {
				return fmt.Errorf("%v at %#x, field %d: old-to-new reference to %#x is not remembered", h.InstanceType(a), a, off, t)
			}
		}
		return nil
	})
}
