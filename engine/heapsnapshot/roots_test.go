package heapsnapshot

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// TestRootsByKind checks that objects held by a handle, a global handle, a
// weak global handle and a named root set hang under V8's subroots.
func TestRootsByKind(t *testing.T) {
	f := newFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	byHandle := f.NewStringFromGo("held by a handle", heap.OldSpace)
	g := f.H.NewGlobal(f.NewStringFromGo("held by a global", heap.OldSpace).Value())
	defer g.Release()
	weak := f.H.NewWeak(byHandle.Value(), nil)
	defer weak.Release()
	var stack []layout.Value
	f.H.AddNamedRoots("(Stack roots)", func(slot func(*layout.Value)) {
		for i := range stack {
			slot(&stack[i])
		}
	})
	stack = append(stack, f.NewStringFromGo("held by the stack", heap.OldSpace).Value())
	p := takeSnapshot(t, New(f), Options{})
	var gcRoots pnode
	for i := 0; i < p.nodeCount(); i++ {
		if n := p.node(i); n.Type == "synthetic" && n.Name == "(GC roots)" {
			gcRoots = n
		}
	}
	holds := func(subroot, text, edgeType string) bool {
		for _, e := range p.edges(gcRoots.Index) {
			if n := p.node(e.To); n.Name == subroot {
				for _, r := range p.edges(n.Index) {
					if p.node(r.To).Name == text && r.Type == edgeType {
						return true
					}
				}
			}
		}
		return false
	}
	for _, c := range []struct{ subroot, text, edge string }{
		{"(Handle scope)", "held by a handle", "internal"},
		{"(Global handles)", "held by a global", "internal"},
		{"(Global handles)", "held by a handle", "weak"},
		{"(Stack roots)", "held by the stack", "internal"},
	} {
		if !holds(c.subroot, c.text, c.edge) {
			t.Errorf("%s does not hold %q with a %s edge", c.subroot, c.text, c.edge)
		}
	}
}
