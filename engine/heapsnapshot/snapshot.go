package heapsnapshot

import (
	"fmt"
	"io"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Options are HeapProfiler.takeHeapSnapshot's.
type Options struct {
	// CaptureNumericValue adds a node per number a property, element or
	// variable holds: "smi number" nodes (one per distinct small integer)
	// and a "value" string under each heap number. DevTools asks for it.
	CaptureNumericValue bool
	// ExposeInternals leaves out the root's shortcuts to the global objects
	// (DevTools asks for it; node's writeHeapSnapshot does not).
	ExposeInternals bool
	// Progress, if set, is told how generation advances, as V8's
	// reportHeapSnapshotProgress: every 10000 objects, then (total, total),
	// then once with finished set, before the first chunk is written.
	// It must not touch the heap.
	Progress func(done, total int, finished bool)
	// ChunkSize is the size of each Write to the output; 0 means 102400
	// bytes, node's chunk size.
	ChunkSize int
	// TimingLog, if set, gets V8's --profile-heap-snapshot lines: the
	// generation time once the graph is known, the serialization time at
	// the end.
	TimingLog io.Writer
}

// Stats describe the last snapshot: its size, where the time went and the
// Go memory the generator held (beside the persistent id table).
type Stats struct {
	Objects, Nodes, Edges, Strings    int
	OutputBytes                       int64
	Prepare, Index, Roots, Count      time.Duration // GC and set-up; index; roots; edge counting
	Write                             time.Duration // nodes, edges, locations and strings
	IndexBytes, PerNodeBytes, IDBytes uint64
}

// Snapshotter takes heap snapshots of one factory's heap and keeps the object
// ids stable across them. Like the heap, it belongs to the isolate's
// goroutine.
type Snapshotter struct {
	f     *objects.Factory
	ids   *idTable
	stats Stats

	// functionStart, if set, gives V8's start position of a function
	// (SetFunctionStart).
	functionStart func(shared layout.Value) int

	// Heap object tracking (tracking.go, alloctrace.go).
	tracking  bool
	intervals []timeInterval
	tracker   *allocationTracker
}

// New returns a snapshotter for f's heap. Object ids are tracked from the
// first snapshot or id query on.
func New(f *objects.Factory) *Snapshotter {
	return &Snapshotter{f: f, ids: newIDTable(f.H)}
}

// GetHeapObjectID returns the id of the object v, assigning one if it has
// none (HeapProfiler.getHeapObjectId). Small integers have none: 0.
func (s *Snapshotter) GetHeapObjectID(v layout.Value) ObjectID {
	if !v.IsHeapObject() {
		return 0
	}
	return s.ids.idOf(v.Addr())
}

// ObjectByID returns the live object with the given id
// (HeapProfiler.getObjectByHeapObjectId).
func (s *Snapshotter) ObjectByID(id ObjectID) (layout.Value, bool) {
	if !s.ids.started {
		return 0, false
	}
	a, ok := s.ids.addrOf(id)
	return a.Value(), ok
}

// SetFunctionStart sets how closures and constructed objects are located:
// f returns the UTF-16 offset V8 locates a function at (the `(` of its
// parameters), or -1 for the SharedFunctionInfo's own start. The engine
// sets it from the interpreter's syntax trees; f must not allocate.
func (s *Snapshotter) SetFunctionStart(f func(shared layout.Value) int) { s.functionStart = f }

// LastSeenObjectID returns the last id handed out
// (HeapProfiler.lastSeenObjectId).
func (s *Snapshotter) LastSeenObjectID() ObjectID { return s.ids.lastAssigned() }

// LastStats returns the statistics of the last snapshot.
func (s *Snapshotter) LastStats() Stats { return s.stats }

// generator is the state of one snapshot.
type generator struct {
	s    *Snapshotter
	f    *objects.Factory
	h    *heap.Heap
	opts Options
	ix   heapIndex

	names internTable
	fixed fixedNames
	res   resolver
	// decimals is how many "0", "1"… names index-named edges use.
	decimals uint32

	// nonEssential are the read-only objects internal and hidden edges
	// skip (V8's IsEssentialObject).
	nonEssential []layout.Addr
	ctorKey      layout.Value // the "constructor" string

	// Roots.
	roNames       map[layout.Addr]nameRef
	subEdges      [numSubroots][]rootEdge
	rootShortcuts []rootEdge
	marked        []uint64
	stack         []markFrame

	// Per object node, by node index minus firstObjectNode.
	tags      []tag
	counts    []uint8 // edge counts; 255 means "see bigCounts"
	bigCounts map[uint32]uint32

	// Edge extraction.
	writing bool
	count   uint32
	edges   uint64
	visited []uint64

	// Number nodes (CaptureNumericValue), after the object nodes: a "value"
	// string per heap number, then a "smi number" and its "value" per
	// distinct Smi.
	extrasBase, heapNumberChildren, heapNumberOrdinal uint32
	smis                                              map[int32]uint32
	smiList                                           []int32

	// Caches.
	ctors       map[layout.Addr]*ctorInfo
	lastMap     layout.Addr
	lastCtor    *ctorInfo
	lastSFI     layout.Value
	lastLoc     location
	scriptLines map[layout.Addr][]int32

	// traceNames are the interned names of the allocation tracker's
	// function infos: name and script name.
	traceNames [][2]nameRef

	w *jsonWriter
}

// WriteSnapshot takes a heap snapshot and writes it to w in V8's JSON
// format: a full GC (the snapshot shows what is alive), then the graph of
// every live object, streamed in chunks. Each Write of w gets one chunk of
// opts.ChunkSize bytes (the last one shorter); its slice is reused after
// Write returns. The heap must not be used until WriteSnapshot returns.
func (s *Snapshotter) WriteSnapshot(w io.Writer, opts Options) error {
	if opts.ChunkSize <= 0 {
		opts.ChunkSize = defaultChunkSize
	}
	g := &generator{
		s: s, f: s.f, h: s.f.H, opts: opts,
		names:     internTable{index: map[string]uint32{}},
		bigCounts: map[uint32]uint32{},
		smis:      map[int32]uint32{},
		ctors:     map[layout.Addr]*ctorInfo{},

		scriptLines: map[layout.Addr][]int32{},
	}
	s.stats = Stats{}
	t0 := time.Now()
	g.prepare()
	t1 := time.Now()
	g.ix.build(g.h, true)
	t2 := time.Now()
	g.setUp()
	g.buildRoots()
	t3 := time.Now()
	g.countEdges()
	t4 := time.Now()
	if opts.TimingLog != nil {
		fmt.Fprintf(opts.TimingLog, "[Heap snapshot took %0.3f ms]\n", float64(t4.Sub(t0).Microseconds())/1000)
	}
	err := g.write(w)
	if opts.TimingLog != nil {
		fmt.Fprintf(opts.TimingLog, "[Serialization of heap snapshot took %0.3f ms]\n", float64(time.Since(t4).Microseconds())/1000)
	}
	st := &s.stats
	st.Prepare, st.Index, st.Roots, st.Count, st.Write = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), time.Since(t4)
	st.Objects = int(g.ix.objects)
	st.Nodes = int(g.nodeCount())
	st.Edges = int(g.edges)
	st.Strings = int(1 + g.ix.strings + g.decimals + uint32(len(g.names.list)) + g.heapNumberChildren + uint32(len(g.smiList)))
	st.OutputBytes = g.w.written
	st.IndexBytes = g.ix.memory()
	st.PerNodeBytes = uint64(cap(g.tags)) + uint64(cap(g.counts))
	st.IDBytes = s.ids.memory()
	return err
}

// prepare does what allocates, then the full GC; nothing allocates in the
// heap after it. The "constructor" key is looked up (made, if no object has
// such a property yet) for constructor names.
func (g *generator) prepare() {
	h := g.h
	scope := h.OpenScope()
	key := g.f.InternalizeGo("constructor")
	h.CollectGarbage(true)
	g.ctorKey = key.Value()
	scope.Close()
	g.s.ids.start()
	g.s.ids.foldRecent()
}

// setUp readies the names and per-node tables once the index is built.
func (g *generator) setUp() {
	r := &g.f.Roots
	g.nonEssential = []layout.Addr{r.Undefined.Addr(), r.Null.Addr(), r.True.Addr(), r.False.Addr(),
		r.TheHole.Addr(), r.EmptyFixedArray.Addr(), r.FixedArrayMap.Addr(), r.SharedFunctionInfoMap.Addr(),
		r.FreeSpaceMap.Addr(), r.FillerMap.Addr()}
	g.fixed.init(&g.names)
	n := g.ix.objects
	g.tags = make([]tag, n)
	g.counts = make([]uint8, n)
	g.extrasBase = firstObjectNode + n
	if g.opts.CaptureNumericValue {
		g.heapNumberChildren = g.ix.heapNumbers
	}
	g.res.heapStrings = g.ix.strings
	g.internTraceNames()
}

// nodeCount returns the number of nodes.
func (g *generator) nodeCount() uint32 {
	return g.extrasBase + g.heapNumberChildren + 2*uint32(len(g.smiList))
}

// rootEdgeCount returns the number of edges of the synthetic nodes.
func (g *generator) rootEdgeCount() uint64 {
	n := uint64(1+len(g.rootShortcuts)) + numSubroots
	for _, e := range g.subEdges {
		n += uint64(len(e))
	}
	return n
}

// countEdges is the generation pass: it runs every object's edge extraction
// to count edges (the header needs the total), collects tags, registers
// number nodes, gives new objects their ids and reports progress.
func (g *generator) countEdges() {
	total := int(g.ix.objects)
	progress := g.opts.Progress
	g.heapNumberOrdinal = 0
	g.assignIDs(func(i uint32, a layout.Addr) {
		g.count = 0
		g.extract(a)
		if g.count >= 255 {
			g.counts[i] = 255
			g.bigCounts[i] = g.count
		} else {
			g.counts[i] = uint8(g.count)
		}
		g.edges += uint64(g.count)
		if progress != nil && i%progressGranularity == 0 {
			progress(int(i), total, false)
		}
	})
	g.edges += g.rootEdgeCount() + uint64(len(g.smiList))
	if progress != nil {
		if total > 0 {
			progress(total-1, total, false)
		}
		progress(total, total, false)
		progress(total, total, true)
	}
}

// assignIDs walks the indexed objects in node order, calling visit (if set)
// with each one's node ordinal and address, and leaves the id table holding
// exactly those objects, in the same order: objects it did not know get
// fresh ids (in node order), entries of objects no longer in the heap go.
func (g *generator) assignIDs(visit func(i uint32, a layout.Addr)) {
	ids := g.s.ids
	table := ids.table
	cursor, stale := 0, 0
	// New objects get ids in node order; there are at most as many as
	// there are objects not yet in the table.
	added := make([]idEntry, 0, max(0, int(g.ix.objects)-len(table)))
	i := uint32(0)
	g.ix.forEach(func(a layout.Addr) {
		for cursor < len(table) && table[cursor].addr < a {
			cursor++
			stale++
		}
		if cursor < len(table) && table[cursor].addr == a {
			cursor++
		} else {
			added = append(added, idEntry{a, ids.assign()})
		}
		if visit != nil {
			visit(i, a)
		}
		i++
	})
	stale += len(table) - cursor
	if stale > 0 {
		// Entries of objects that are no longer in the heap (the GC's
		// callbacks should have dropped them): keep only live nodes.
		kept := table[:0]
		for _, e := range table {
			if p := g.ix.pages[e.addr>>pageShift]; p != nil {
				w := uint32(e.addr-p.start) / layout.TaggedSize
				if p.starts.bits[w>>6]&(1<<(w&63)) != 0 {
					kept = append(kept, e)
				}
			}
		}
		table = kept
	}
	if len(table) == 0 {
		ids.table = added
	} else {
		ids.table = mergeEntries(table, added)
	}
	if uint32(len(ids.table)) != g.ix.objects {
		panic("heapsnapshot: id table out of step with the heap")
	}
}

// edgeCount returns the edge count of object node i.
func (g *generator) edgeCount(i uint32) uint32 {
	if c := g.counts[i]; c < 255 {
		return uint32(c)
	}
	return g.bigCounts[i]
}

// ChunkFunc adapts a chunk callback (the CDP layer's addHeapSnapshotChunk
// sender) to io.Writer: each call gets one chunk, valid until it returns.
type ChunkFunc func(chunk []byte) error

// Write passes p to the callback.
func (f ChunkFunc) Write(p []byte) (int, error) {
	if err := f(p); err != nil {
		return 0, err
	}
	return len(p), nil
}
