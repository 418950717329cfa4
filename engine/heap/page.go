package heap

import (
	"math/bits"

	"github.com/sonde-js/sonde/engine/layout"
)

// Space names one of the heap's spaces.
type Space uint8

const (
	ReadOnlySpace Space = iota
	NewSpace
	OldSpace
	CodeSpace
	LargeObjectSpace
	numSpaces
)

var spaceNames = [numSpaces]string{"read_only_space", "new_space", "old_space", "code_space", "large_object_space"}

// String returns the space's name as node's v8.getHeapSpaceStatistics reports it.
func (s Space) String() string { return spaceNames[s] }

// page is the metadata of one page (or, in the large-object space, of the run
// of pages holding one object). It lives in Go memory, outside the cage.
type page struct {
	start, end layout.Addr
	space      Space
	// evacuate marks a page the current full GC empties.
	evacuate bool
	// marks holds one bit per tagged word: set at the start of each object
	// marked live by the full GC (and at the start of each evacuated copy).
	marks bitmap
	// slots is the remembered set: one bit per tagged word of an old page that
	// holds a reference into the new space.
	slots bitmap
	// liveBytes is what the last marking found alive on the page.
	liveBytes uint32
	// objectSize is the size of a large-object page's object.
	objectSize uint32
}

func (p *page) size() uint32 { return uint32(p.end - p.start) }

func (p *page) bit(a layout.Addr) uint32 { return uint32(a-p.start) / layout.TaggedSize }

// bitmap is a lazily allocated bit per tagged word of a page.
type bitmap []uint64

func (b *bitmap) set(i uint32, words uint32) {
	if *b == nil {
		*b = make(bitmap, (words+63)/64)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func (b bitmap) get(i uint32) bool { return b != nil && b[i/64]&(1<<(i%64)) != 0 }

func (b bitmap) clear(i uint32) {
	if b != nil {
		b[i/64] &^= 1 << (i % 64)
	}
}

func (b bitmap) reset() { clear(b) }

// forEach calls f with the index of each set bit, in order. f may clear bits.
func (b bitmap) forEach(f func(i uint32)) {
	for w, word := range b {
		for word != 0 {
			t := uint32(bits.TrailingZeros64(word))
			word &= word - 1
			f(uint32(w)*64 + t)
		}
	}
}

func (p *page) words() uint32 { return p.size() / layout.TaggedSize }

func (p *page) mark(a layout.Addr) { p.marks.set(p.bit(a), p.words()) }

func (p *page) marked(a layout.Addr) bool { return p.marks.get(p.bit(a)) }

func (p *page) bitmapBytes() int { return 8 * (len(p.marks) + len(p.slots)) }

// pageOf returns the page holding a, or nil.
func (h *Heap) pageOf(a layout.Addr) *page { return h.pages[a>>PageShift] }

// newPages takes n contiguous pages from the cage for space s and registers
// them; it reports false when the cage is exhausted.
func (h *Heap) newPages(s Space, n int) (*page, bool) {
	start, ok := h.cage.reserve(n)
	if !ok {
		return nil, false
	}
	p := &page{start: start, end: start + layout.Addr(n*PageSize), space: s}
	for i := 0; i < n; i++ {
		h.pages[int(start>>PageShift)+i] = p
	}
	return p, true
}

// freePages returns p's pages to the cage.
func (h *Heap) freePages(p *page) {
	n := int(p.size() / PageSize)
	for i := 0; i < n; i++ {
		h.pages[int(p.start>>PageShift)+i] = nil
	}
	h.cage.release(p.start, n)
}

// recordSlot remembers that slot, in an old object, refers to a young one.
func (h *Heap) recordSlot(slot layout.Addr) {
	p := h.pageOf(slot)
	p.slots.set(p.bit(slot), p.words())
}
