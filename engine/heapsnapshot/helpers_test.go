package heapsnapshot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func newFactory(t testing.TB, opts heap.Options) *objects.Factory {
	t.Helper()
	h, err := heap.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	f, err := objects.New(h)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// world is a small JavaScript realm built from Go: a script, a native
// context, and "classes" (a map whose constructor is a function named after
// the class, as `class X {}` makes).
type world struct {
	f       *objects.Factory
	script  heap.Handle
	native  heap.Handle
	objProt heap.Handle // Object.prototype
	source  string
}

// worldSource is the script the world's functions claim to come from.
const worldSource = "class LeakyThing { constructor(i) { this.i = i; this.s = 'x' + i; } }\n" +
	"class Foo { constructor() { this.a = 1.5; } }\n" +
	"function outer() { let captured = {z: 1}; return function inner() { return captured; }; }\n"

func newWorld(f *objects.Factory) *world {
	h := f.H
	w := &world{f: f, source: worldSource}
	w.script = f.NewScript(f.NewStringFromGo(worldSource, heap.OldSpace), f.NewStringFromGo("file:///app.js", heap.OldSpace), 81)
	w.native = f.NewNativeContext(2)
	w.objProt = f.NewPlainObject()
	objectFn := w.function("Object", -1, w.native)
	f.SetInitialMapPrototype(f.ObjectMap(), w.objProt.Value())
	f.SetMapConstructor(f.ObjectMap(), objectFn.Value())
	key := f.InternalizeGo("constructor")
	f.SetProperty(w.objProt, key, objectFn)
	_ = h
	return w
}

// function makes a closure named name whose source starts at the first
// occurrence of marker in the script (no position when marker is "").
func (w *world) function(name string, start int, context heap.Handle) heap.Handle {
	f := w.f
	h := f.H
	res := h.NewHandle(layout.Smi(0))
	scope := h.OpenScope()
	defer scope.Close()
	script := heap.Handle{}
	if start >= 0 {
		script = w.script
	} else {
		start = 0
	}
	sfi := f.NewSharedFunctionInfo(f.InternalizeGo(name), script, start, start+10, 1, 0)
	fv := f.NewFeedbackVector(sfi, 2, heap.Handle{})
	cell := f.NewFeedbackCell(fv)
	res.Set(f.NewJSFunction(sfi, context, cell).Value())
	return res
}

// class is a constructor and the initial map of its instances.
type class struct {
	ctor, m heap.Handle
}

// newClass makes class name, declared at the start of "class name" in the
// source, whose instances have inObject in-object slots and whose prototype
// object inherits from Object.prototype.
func (w *world) newClass(name string, inObject int) class {
	f := w.f
	start := bytes.Index([]byte(w.source), []byte("class "+name))
	ctor := w.function(name, start, w.native)
	m := f.NewJSObjectMap(inObject)
	proto := f.NewPlainObject()
	f.SetProperty(proto, f.InternalizeGo("constructor"), ctor)
	f.SetInitialMapPrototype(m.Value(), proto.Value())
	f.SetMapConstructor(m.Value(), ctor.Value())
	f.SetFunctionPrototypeOrInitialMap(ctor.Value(), m.Value())
	return class{ctor, m}
}

// newLeakyThing makes `new LeakyThing(i)`: {i: i, s: 'x' + i}.
func (w *world) newLeakyThing(c class, i int, iKey, sKey heap.Handle) heap.Handle {
	f := w.f
	obj := f.NewJSObject(c.m)
	f.SetProperty(obj, iKey, f.H.NewHandle(layout.Smi(i)))
	f.SetProperty(obj, sKey, f.NewStringFromGo("x"+strconv.Itoa(i), heap.NewSpace))
	return obj
}

// --- Parsed snapshots ----------------------------------------------------

type parsedSnapshot struct {
	Snapshot struct {
		Meta               json.RawMessage `json:"meta"`
		NodeCount          int             `json:"node_count"`
		EdgeCount          int             `json:"edge_count"`
		TraceFunctionCount int             `json:"trace_function_count"`
	} `json:"snapshot"`
	Nodes              []int64  `json:"nodes"`
	Edges              []int64  `json:"edges"`
	TraceFunctionInfos []int64  `json:"trace_function_infos"`
	TraceTree          []any    `json:"trace_tree"`
	Samples            []int64  `json:"samples"`
	Locations          []int64  `json:"locations"`
	Strings            []string `json:"strings"`
	firstEdge          []int
}

var nodeTypeNames = []string{"hidden", "array", "string", "object", "code", "closure", "regexp", "number",
	"native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint", "object shape", "wasm object"}

var edgeTypeNames = []string{"context", "element", "property", "internal", "hidden", "shortcut", "weak"}

type pnode struct {
	Index int
	Type  string
	Name  string
	ID    int64
	Size  int64
	Edges int
}

type pedge struct {
	Type string
	Name string // the index, in decimal, for element and hidden edges
	To   int    // node index
}

func parseSnapshot(t testing.TB, data []byte) *parsedSnapshot {
	t.Helper()
	var p parsedSnapshot
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("snapshot is not JSON: %v", err)
	}
	e := 0
	for i := 0; i+nodeFieldCount <= len(p.Nodes); i += nodeFieldCount {
		p.firstEdge = append(p.firstEdge, e)
		e += int(p.Nodes[i+4]) * edgeFieldCount
	}
	return &p
}

func (p *parsedSnapshot) nodeCount() int { return len(p.Nodes) / nodeFieldCount }

func (p *parsedSnapshot) node(i int) pnode {
	o := i * nodeFieldCount
	return pnode{i, nodeTypeNames[p.Nodes[o]], p.Strings[p.Nodes[o+1]], p.Nodes[o+2], p.Nodes[o+3], int(p.Nodes[o+4])}
}

func (p *parsedSnapshot) edges(i int) []pedge {
	var out []pedge
	for k := 0; k < int(p.Nodes[i*nodeFieldCount+4]); k++ {
		e := p.firstEdge[i] + k*edgeFieldCount
		ty := edgeTypeNames[p.Edges[e]]
		var name string
		if ty == "element" || ty == "hidden" {
			name = strconv.FormatInt(p.Edges[e+1], 10)
		} else {
			name = p.Strings[p.Edges[e+1]]
		}
		out = append(out, pedge{ty, name, int(p.Edges[e+2]) / nodeFieldCount})
	}
	return out
}

// edge returns the target of i's edge named name.
func (p *parsedSnapshot) edge(i int, name string) (pnode, bool) {
	for _, e := range p.edges(i) {
		if e.Name == name {
			return p.node(e.To), true
		}
	}
	return pnode{}, false
}

func (p *parsedSnapshot) byID(id int64) (pnode, bool) {
	for i := 0; i < p.nodeCount(); i++ {
		if p.Nodes[i*nodeFieldCount+2] == id {
			return p.node(i), true
		}
	}
	return pnode{}, false
}

// classCounts counts the object nodes by name, as DevTools' Summary groups
// them.
func (p *parsedSnapshot) classCounts() map[string]int {
	c := map[string]int{}
	for i := 0; i < p.nodeCount(); i++ {
		if n := p.node(i); n.Type == "object" {
			c[n.Name]++
		}
	}
	return c
}

// check verifies the snapshot's invariants and returns the first failure.
func (p *parsedSnapshot) check() error {
	nodes, edges := p.nodeCount(), len(p.Edges)/edgeFieldCount
	if len(p.Nodes)%nodeFieldCount != 0 || nodes != p.Snapshot.NodeCount {
		return fmt.Errorf("%d node fields for node_count %d", len(p.Nodes), p.Snapshot.NodeCount)
	}
	if len(p.Edges)%edgeFieldCount != 0 || edges != p.Snapshot.EdgeCount {
		return fmt.Errorf("%d edge fields for edge_count %d", len(p.Edges), p.Snapshot.EdgeCount)
	}
	if nodes == 0 || p.node(0).Type != "synthetic" || p.node(0).ID != 1 || p.node(0).Name != "" {
		return fmt.Errorf("the first node is not the root: %+v", p.node(0))
	}
	if len(p.Strings) == 0 || p.Strings[0] != "<dummy>" {
		return fmt.Errorf("strings do not start with <dummy>")
	}
	sum := 0
	ids := map[int64]bool{}
	for i := 0; i < nodes; i++ {
		o := i * nodeFieldCount
		if p.Nodes[o] < 0 || int(p.Nodes[o]) >= len(nodeTypeNames) {
			return fmt.Errorf("node %d has type %d", i, p.Nodes[o])
		}
		if p.Nodes[o+1] < 0 || int(p.Nodes[o+1]) >= len(p.Strings) {
			return fmt.Errorf("node %d has name index %d of %d", i, p.Nodes[o+1], len(p.Strings))
		}
		id := p.Nodes[o+2]
		if id%2 != 1 || ids[id] {
			return fmt.Errorf("node %d has id %d (odd, unique expected)", i, id)
		}
		ids[id] = true
		if p.Nodes[o+5] != 0 || p.Nodes[o+6] != 0 {
			return fmt.Errorf("node %d has trace node id or detachedness set", i)
		}
		sum += int(p.Nodes[o+4])
	}
	if sum != edges {
		return fmt.Errorf("node edge counts sum to %d, edge_count is %d", sum, edges)
	}
	for e := 0; e < len(p.Edges); e += edgeFieldCount {
		ty, name, to := p.Edges[e], p.Edges[e+1], p.Edges[e+2]
		if ty < 0 || int(ty) >= len(edgeTypeNames) {
			return fmt.Errorf("edge %d has type %d", e/3, ty)
		}
		if (edgeTypeNames[ty] != "element" && edgeTypeNames[ty] != "hidden") && (name < 0 || int(name) >= len(p.Strings)) {
			return fmt.Errorf("edge %d has name index %d of %d", e/3, name, len(p.Strings))
		}
		if to < 0 || to%nodeFieldCount != 0 || int(to/nodeFieldCount) >= nodes {
			return fmt.Errorf("edge %d leads to %d", e/3, to)
		}
	}
	for l := 0; l < len(p.Locations); l += 4 {
		if o := p.Locations[l]; o%nodeFieldCount != 0 || int(o/nodeFieldCount) >= nodes {
			return fmt.Errorf("location %d names node %d", l/4, o)
		}
	}
	// Every node must be reachable from the root (DevTools computes
	// distances and dominators from it).
	seen := make([]bool, nodes)
	stack := []int{0}
	seen[0] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for k := 0; k < int(p.Nodes[i*nodeFieldCount+4]); k++ {
			to := int(p.Edges[p.firstEdge[i]+k*edgeFieldCount+2]) / nodeFieldCount
			if !seen[to] {
				seen[to] = true
				stack = append(stack, to)
			}
		}
	}
	for i, s := range seen {
		if !s {
			return fmt.Errorf("node %d %+v is not reachable from the root", i, p.node(i))
		}
	}
	return nil
}

// takeSnapshot writes a snapshot to memory, checks its invariants and parses it.
func takeSnapshot(t testing.TB, s *Snapshotter, opts Options) *parsedSnapshot {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteSnapshot(&buf, opts); err != nil {
		t.Fatal(err)
	}
	p := parseSnapshot(t, buf.Bytes())
	if err := p.check(); err != nil {
		t.Fatal(err)
	}
	return p
}
