package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// Allocation tracking (startTrackingHeapObjects with trackAllocations), as
// V8's AllocationTracker: an allocation observer that sees every
// allocation records the JavaScript stack it happened under as a path in a
// tree of functions (the trace tree, root first), counts the allocation on
// the path's last node, and remembers which node allocated the object, so
// snapshot nodes carry their trace_node_id. The object → node map is a weak
// root set: the GC keeps it current as objects move and die.

// maxTraceDepth is V8's kMaxAllocationTraceLength.
const maxTraceDepth = 64

// TraceFrame is one JavaScript frame of the stack at an allocation.
type TraceFrame struct {
	// Shared is the frame's SharedFunctionInfo (valid during the step).
	Shared layout.Value
	// ScriptID is its script's id.
	ScriptID int
}

// StackSource gives the allocation tracker the JavaScript stack; the engine
// implements it over the interpreter's frames. Neither method may allocate
// on the heap: they run inside allocations.
type StackSource interface {
	// AllocationStack appends the JavaScript frames (builtins left out,
	// as V8's JavaScriptStackFrameIterator does), innermost first, at most
	// max of them.
	AllocationStack(dst []TraceFrame, max int) []TraceFrame
	// FunctionName returns a function's debug name ("" for anonymous
	// functions and top-level code).
	FunctionName(shared layout.Value) string
	// FunctionStart returns the UTF-16 offset V8 locates the function at
	// (its SharedFunctionInfo::StartPosition: the parameters' `(`), or -1
	// to use the SharedFunctionInfo's own start.
	FunctionStart(shared layout.Value) int
}

// functionInfo is one entry of trace_function_infos. line and column are
// 0-based, -1 when unknown.
type functionInfo struct {
	id               ObjectID
	name, scriptName string
	scriptID         int32
	line, column     int32
}

type functionKey struct{ scriptID, literal int32 }

// traceNode is one node of the trace tree; its id is its index plus one.
type traceNode struct {
	fn          uint32
	count, size uint32
	children    []uint32
}

type allocationTracker struct {
	s         *Snapshotter
	src       StackSource
	frames    []TraceFrame
	fnIndex   map[functionKey]uint32
	functions []functionInfo
	nodes     []traceNode
	objects   map[layout.Addr]uint32 // object → trace node id
	lines     map[int32][]int32      // script id → line ends
	stopped   bool

	// The previous step's path, outermost frame first: its functions'
	// SharedFunctionInfos and the trace node at each depth. Stacks change
	// little between allocations, so a step walks the tree only below the
	// common prefix. Valid until a GC moves the SharedFunctionInfos.
	prevShared []layout.Value
	prevNodes  []uint32
}

func newAllocationTracker(s *Snapshotter, src StackSource) *allocationTracker {
	t := &allocationTracker{
		s: s, src: src,
		fnIndex:   map[functionKey]uint32{},
		functions: []functionInfo{{name: "(root)", line: -1, column: -1}},
		nodes:     []traceNode{{}},
		objects:   map[layout.Addr]uint32{},
		lines:     map[int32][]int32{},
	}
	s.f.H.AddWeakRoots(t.update)
	return t
}

// NextStepSize asks to see every allocation.
func (t *allocationTracker) NextStepSize() uint64 { return 0 }

// Step records one allocation (heap.AllocationObserver).
func (t *allocationTracker) Step(_ uint64, soon layout.Addr, size uint32) {
	t.frames = t.src.AllocationStack(t.frames[:0], maxTraceDepth)
	depth := len(t.frames)
	// Reuse the previous path as far as the stacks agree.
	common := 0
	for common < depth && common < len(t.prevShared) && t.prevShared[common] == t.frames[depth-1-common].Shared {
		common++
	}
	node := uint32(0)
	if common > 0 {
		node = t.prevNodes[common-1]
	}
	t.prevShared, t.prevNodes = t.prevShared[:common], t.prevNodes[:common]
	for i := depth - 1 - common; i >= 0; i-- {
		node = t.child(node, t.function(t.frames[i]))
		t.prevShared = append(t.prevShared, t.frames[i].Shared)
		t.prevNodes = append(t.prevNodes, node)
	}
	n := &t.nodes[node]
	n.count++
	n.size += size
	t.objects[soon] = node + 1
}

// child returns the child of node for function fn, adding it.
func (t *allocationTracker) child(node, fn uint32) uint32 {
	for _, c := range t.nodes[node].children {
		if t.nodes[c].fn == fn {
			return c
		}
	}
	c := uint32(len(t.nodes))
	t.nodes = append(t.nodes, traceNode{fn: fn})
	t.nodes[node].children = append(t.nodes[node].children, c)
	return c
}

// function returns the index of a frame's function info, adding it.
func (t *allocationTracker) function(fr TraceFrame) uint32 {
	f := t.s.f
	sfi := fr.Shared
	key := functionKey{int32(fr.ScriptID), int32(f.SharedFunctionLiteralID(sfi))}
	if i, ok := t.fnIndex[key]; ok {
		return i
	}
	info := functionInfo{
		id:       t.s.GetHeapObjectID(sfi),
		name:     t.src.FunctionName(sfi),
		scriptID: int32(fr.ScriptID),
		line:     -1, column: -1,
	}
	if script := f.SharedScript(sfi); script.IsHeapObject() && f.H.InstanceType(script.Addr()) == layout.ScriptType {
		if name := f.ScriptName(script); name.IsHeapObject() && f.IsString(name) {
			info.scriptName = f.StringToGo(name)
		}
		ends, ok := t.lines[info.scriptID]
		if !ok {
			ends = scriptLineEnds(t.s, script)
			t.lines[info.scriptID] = ends
		}
		start := t.src.FunctionStart(sfi)
		if start < 0 {
			start = f.SharedStartPosition(sfi)
		}
		l, c := lineColumn(ends, start)
		info.line, info.column = int32(l), int32(c)
	}
	i := uint32(len(t.functions))
	t.functions = append(t.functions, info)
	t.fnIndex[key] = i
	return i
}

// update is the GC's weak-root callback for the object map.
func (t *allocationTracker) update(retain func(layout.Value) (layout.Value, bool)) {
	// The GC may have moved the SharedFunctionInfos the path cache holds.
	t.prevShared, t.prevNodes = t.prevShared[:0], t.prevNodes[:0]
	if t.stopped || len(t.objects) == 0 {
		return
	}
	type moved struct {
		a  layout.Addr
		id uint32
	}
	var ms []moved
	for a, id := range t.objects {
		v, ok := retain(a.Value())
		if !ok || v.Addr() != a {
			delete(t.objects, a)
		}
		if ok && v.Addr() != a {
			ms = append(ms, moved{v.Addr(), id})
		}
	}
	for _, m := range ms {
		t.objects[m.a] = m.id
	}
}

// stop drops the tracker's data; its weak-root callback stays registered
// (the heap has no removal) but does nothing.
func (t *allocationTracker) stop() {
	t.stopped = true
	t.objects = nil
}

// traceNodeOf returns the trace node id of the object at a, or 0.
func (t *allocationTracker) traceNodeOf(a layout.Addr) uint32 { return t.objects[a] }

// scriptLineEnds computes a script's line ends from its source.
func scriptLineEnds(s *Snapshotter, script layout.Value) []int32 {
	g := &generator{s: s, f: s.f, h: s.f.H, scriptLines: map[layout.Addr][]int32{}}
	return g.lineEnds(script)
}

// internTraceNames interns the function and script names of the trace
// function infos (before the counting pass fixes the interned block).
func (g *generator) internTraceNames() {
	t := g.s.tracker
	if t == nil {
		return
	}
	g.traceNames = make([][2]nameRef, len(t.functions))
	for i, fi := range t.functions {
		g.traceNames[i] = [2]nameRef{g.names.intern(fi.name), g.names.intern(fi.scriptName)}
	}
}

// writeTraces writes trace_function_infos, trace_tree and samples as V8's
// serializer does (positions 1-based, 0 when unknown).
func (g *generator) writeTraces() {
	w, res := g.w, &g.res
	w.startArray(`"trace_function_infos":[`)
	if t := g.s.tracker; t != nil {
		for i, fi := range t.functions {
			b, j := w.row()
			j = putUint32(b, j, uint32(fi.id))
			b[j] = ','
			j = putUint32(b, j+1, res.resolve(g.traceNames[i][0]))
			b[j] = ','
			j = putUint32(b, j+1, res.resolve(g.traceNames[i][1]))
			b[j] = ','
			j = putUint32(b, j+1, uint32(fi.scriptID))
			b[j] = ','
			j = putUint32(b, j+1, uint32(fi.line+1))
			b[j] = ','
			j = putUint32(b, j+1, uint32(fi.column+1))
			b[j] = '\n'
			w.endRow(b, j+1)
		}
	}
	w.raw("],\n" + `"trace_tree":[`)
	if t := g.s.tracker; t != nil {
		g.writeTraceNode(t, 0)
	}
	w.raw("],\n")
	w.startArray(`"samples":[`)
	for _, s := range g.s.samples() {
		b, j := w.row()
		j = putUint32(b, j, uint32(min(s[0], 1<<32-1)))
		b[j] = ','
		j = putUint32(b, j+1, uint32(s[1]))
		b[j] = '\n'
		w.endRow(b, j+1)
	}
	w.raw("],\n")
}

// writeTraceNode writes a trace node and its subtree: id, function info
// index, count, size, [children].
func (g *generator) writeTraceNode(t *allocationTracker, i uint32) {
	w := g.w
	n := &t.nodes[i]
	w.number(uint64(i + 1))
	w.raw(",")
	w.number(uint64(n.fn))
	w.raw(",")
	w.number(uint64(n.count))
	w.raw(",")
	w.number(uint64(n.size))
	w.raw(",[")
	for k, c := range n.children {
		if k > 0 {
			w.raw(",")
		}
		g.writeTraceNode(t, c)
	}
	w.raw("]")
}
