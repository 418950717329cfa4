// Package heap is the engine's own garbage-collected heap: a pointer cage,
// pages and spaces, linear allocation buffers, a copying scavenger for the new
// space and a mark-compact collector for the old generation, handles, weak
// references, allocation observers and exact allocation counters.
//
// A Heap belongs to one goroutine (its isolate's); nothing here is safe for
// concurrent use. Every allocation is a safepoint: it may move or free any
// object that is not reachable from a root or a handle.
package heap

import (
	"fmt"
	"io"
	"os"
	"unsafe"

	"go.uber.org/zap"

	"github.com/sonde-js/sonde/engine/layout"
)

// Options configure a heap. The zero value gives node's defaults.
type Options struct {
	// MaxOldSpaceMiB bounds the old generation (--max-old-space-size); 0
	// means 2048.
	MaxOldSpaceMiB int
	// MaxSemiSpaceMiB bounds each semi-space (--max-semi-space-size); 0
	// means 16. The semi-spaces start at 1 MiB and grow with survival.
	MaxSemiSpaceMiB int
	// VerifyHeap checks every object, pointer and map after each GC
	// (--verify-heap) and panics with the first fault found.
	VerifyHeap bool
	// GCStressEvery, when positive, collects garbage at every n-th
	// allocation, alternating scavenges and full GCs. Every allocation then
	// takes the slow path.
	GCStressEvery int
	// GCStressSafepoints collects garbage at every Safepoint call.
	GCStressSafepoints bool
	// StressCompaction makes every full GC evacuate every old and code
	// page, not only the fragmented ones (--stress-compaction).
	StressCompaction bool
	// TraceGC writes a line per collection, in V8's --trace-gc format.
	TraceGC io.Writer
	// OnFatal is called with node's fatal out-of-memory report; nil prints
	// it to stderr and exits with status 134, as node does. It must not
	// return to the heap.
	OnFatal func(report string)
	// NearHeapLimit, if set, is called when a full GC leaves the old
	// generation over its maximum, before the fatal out-of-memory report,
	// with the maximum and the configured one (V8's NearHeapLimitCallback).
	// A larger result raises the maximum and the program goes on. It runs
	// inside the GC: it must not touch the heap (post work instead).
	NearHeapLimit func(current, initial uint64) uint64
	// Logger receives debug logs; nil is quiet.
	Logger *zap.Logger
}

const (
	defaultMaxOldMiB  = 2048
	defaultMaxSemiMiB = 16
	initialSemiSpace  = 1 << 20
	// initialOldGenLimit is the old-generation size that triggers the first
	// full GC; later limits grow with what survives.
	initialOldGenLimit = 16 << 20
)

// Heap is one isolate's heap.
type Heap struct {
	base  unsafe.Pointer
	cage  *cage
	pages []*page // by page number in the cage
	opts  Options
	log   *zap.Logger

	ro, old, code pagedSpace
	newSpace      newSpace
	lo            largeSpace

	newAlloc, oldAlloc, codeAlloc allocator
	gcOldAlloc, gcCodeAlloc       allocator

	// The maps the heap itself needs: the map of maps, and the maps of the
	// fillers that keep pages iterable.
	metaMap, freeSpaceMap, fillerMap layout.Addr

	// allocated counts the mutator's bytes: each LAB in full when it is cut,
	// less its unused tail when retired; large objects by their size.
	allocated uint64

	maxOld, oldGenLimit uint64
	external            int64
	sealed              bool
	roTop, roEnd        layout.Addr

	handles handleStack
	globals globalHandles
	roots   []rootSet
	weaks   []weakRoots

	inGC                     bool
	stressEvery, stressCount int
	stats                    gcCounters
	tracer                   tracer
}

// New creates a heap with its cage, its spaces and its own read-only maps.
func New(opts Options) (*Heap, error) {
	c, err := newCage()
	if err != nil {
		return nil, err
	}
	h := &Heap{base: c.base, cage: c, pages: make([]*page, cagePages), opts: opts, log: opts.Logger}
	if h.log == nil {
		h.log = zap.NewNop()
	}
	h.ro.id, h.old.id, h.code.id = ReadOnlySpace, OldSpace, CodeSpace
	h.newAlloc.space = NewSpace
	h.oldAlloc.space, h.gcOldAlloc.space, h.gcOldAlloc.gc = OldSpace, OldSpace, true
	h.codeAlloc.space, h.gcCodeAlloc.space, h.gcCodeAlloc.gc = CodeSpace, CodeSpace, true
	h.stressEvery = max(opts.GCStressEvery, 0)

	maxOld := opts.MaxOldSpaceMiB
	if maxOld <= 0 {
		maxOld = defaultMaxOldMiB
	}
	h.maxOld = uint64(maxOld) << 20
	h.oldGenLimit = min(initialOldGenLimit, h.maxOld)
	maxSemi := opts.MaxSemiSpaceMiB
	if maxSemi <= 0 {
		maxSemi = defaultMaxSemiMiB
	}
	if err := h.setUpNewSpace(uint32(maxSemi) << 20); err != nil {
		c.close()
		return nil, err
	}
	h.bootstrapMaps()
	return h, nil
}

func (h *Heap) setUpNewSpace(maxSemi uint32) error {
	if uint64(maxSemi)*2 > cageSize/4 {
		return fmt.Errorf("max semi-space size %d MiB is too large", maxSemi>>20)
	}
	n := int(maxSemi / PageSize)
	ns := &h.newSpace
	for half := 0; half < 2; half++ {
		start, ok := h.cage.reserve(n)
		if !ok {
			return fmt.Errorf("reserve new space: cage exhausted")
		}
		if half == 0 {
			ns.start, ns.to = start, start
		} else {
			ns.from = start
		}
		for i := 0; i < n; i++ {
			a := start + layout.Addr(i*PageSize)
			h.pages[a>>PageShift] = &page{start: a, end: a + PageSize, space: NewSpace}
		}
	}
	if ns.from != ns.to+layout.Addr(maxSemi) {
		return fmt.Errorf("reserve new space: semi-spaces not contiguous")
	}
	ns.extent = 2 * maxSemi
	ns.maxSemi = maxSemi
	ns.capacity = min(initialSemiSpace, maxSemi)
	ns.top, ns.ageMark = ns.to, ns.to
	return nil
}

// bootstrapMaps creates the meta map (the map of maps, its own map) and the
// filler maps in the read-only space.
func (h *Heap) bootstrapMaps() {
	h.metaMap = h.AllocateReadOnly(layout.MapSize)
	h.SetField(h.metaMap, layout.MapOffset, h.metaMap.Value())
	h.InitMap(h.metaMap, layout.MapType, layout.VisitTaggedRawTail, layout.MapSize, layout.MapTaggedEnd)
	h.freeSpaceMap = h.NewReadOnlyMap(layout.FreeSpaceType, layout.VisitFreeSpace, 0, layout.HeaderSize)
	h.fillerMap = h.NewReadOnlyMap(layout.FillerType, layout.VisitFiller, layout.FillerSize, layout.HeaderSize)
}

// MetaMap returns the map of maps.
func (h *Heap) MetaMap() layout.Addr { return h.metaMap }

// FreeSpaceMap returns the map of free-space fillers.
func (h *Heap) FreeSpaceMap() layout.Addr { return h.freeSpaceMap }

// FillerMap returns the map of one-word fillers.
func (h *Heap) FillerMap() layout.Addr { return h.fillerMap }

// InitMap fills in a freshly allocated map's fields: its instance type, how the
// heap visits its instances, their size (0 if variable) and the end of their
// tagged fields (for arrays, their header size). The tagged fields start out
// as Smi zero; the object model sets prototype, descriptors and the rest.
func (h *Heap) InitMap(m layout.Addr, t layout.InstanceType, v layout.VisitorID, instanceSize, taggedEnd uint32) {
	h.SetField(m, layout.MapOffset, h.metaMap.Value())
	for off := uint32(layout.HeaderSize); off < layout.MapTaggedEnd; off += layout.TaggedSize {
		h.SetField(m, off, layout.Smi(0))
	}
	h.SetU32(m, layout.MapInstanceSizeOffset, instanceSize)
	h.SetU16(m, layout.MapInstanceTypeOffset, uint16(t))
	h.SetU8(m, layout.MapVisitorIDOffset, uint8(v))
	h.SetU8(m, layout.MapInObjectPropertiesOffset, 0)
	h.SetU16(m, layout.MapTaggedEndOffset, uint16(taggedEnd))
	h.SetU8(m, layout.MapBitFieldOffset, 0)
	h.SetU8(m, layout.MapBitField2Offset, 0)
	h.SetU32(m, layout.MapBitField3Offset, 0)
}

// NewReadOnlyMap allocates and initializes a map in the read-only space.
func (h *Heap) NewReadOnlyMap(t layout.InstanceType, v layout.VisitorID, instanceSize, taggedEnd uint32) layout.Addr {
	m := h.AllocateReadOnly(layout.MapSize)
	h.InitMap(m, t, v, instanceSize, taggedEnd)
	return m
}

// AllocateReadOnly returns memory in the read-only space, which holds the
// immortal, immutable objects every isolate starts with. Only before Seal.
func (h *Heap) AllocateReadOnly(size uint32) layout.Addr {
	if h.sealed {
		panic("heap: read-only space is sealed")
	}
	if size > PageSize {
		panic("heap: read-only object too large")
	}
	if uint32(h.roEnd-h.roTop) < size {
		p, ok := h.newPages(ReadOnlySpace, 1)
		if !ok {
			h.fatalOOM(reasonCage)
		}
		h.ro.pages = append(h.ro.pages, p)
		h.roTop, h.roEnd = p.start, p.end
	}
	a := h.roTop
	h.roTop += layout.Addr(size)
	// Keep the page iterable behind the new object.
	h.writeFiller(h.roTop, uint32(h.roEnd-h.roTop))
	return a
}

// Seal ends the set-up of the read-only space. Its pages become read-only for
// the OS too: a write to them is a crash, not a silent corruption.
func (h *Heap) Seal() error {
	h.sealed = true
	for _, p := range h.ro.pages {
		if err := mprotectReadOnly(h.cage, p.start, p.size()); err != nil {
			return fmt.Errorf("seal read-only space: %w", err)
		}
	}
	return nil
}

// Close releases the cage. The heap must not be used afterwards.
func (h *Heap) Close() error {
	if h.cage == nil {
		return nil
	}
	err := h.cage.close()
	h.cage, h.base = nil, nil
	return err
}

// Reasons given in fatal out-of-memory reports.
const (
	reasonHeapLimit = "Reached heap limit"
	reasonCage      = "Pointer cage exhausted"
)

// fatalOOM ends the process as node does when the heap limit is reached:
// the last few GCs, then "FATAL ERROR: <reason> Allocation failed -
// JavaScript heap out of memory", and exit status 134.
func (h *Heap) fatalOOM(reason string) {
	report := "\n" + h.tracer.lastFew() + "\n\n<--- JS stacktrace --->\n\nFATAL ERROR: " + reason +
		" Allocation failed - JavaScript heap out of memory\n"
	if h.opts.OnFatal != nil {
		h.opts.OnFatal(report)
		panic("heap: OnFatal returned")
	}
	fmt.Fprint(os.Stderr, report)
	os.Exit(134)
}
