package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestStressListSurvives(t *testing.T) {
	f := newTestFactory(t, heap.Options{GCStressEvery: 7})
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	list := f.NewFixedArray(2, heap.NewSpace)
	const n = 3000
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		node := f.NewFixedArray(2, heap.NewSpace)
		num := f.NewHeapNumber(float64(i) + 0.5)
		f.Set(node.Value(), 0, num.Value())
		f.Set(node.Value(), 1, list.Value())
		list.Set(node.Value())
		s.Close()
	}
	c := 0
	for v := list.Value(); f.Is(f.Get(v, 0), layout.HeapNumberType); v = f.Get(v, 1) {
		if got, want := f.NumberValue(f.Get(v, 0)), float64(n-1-c)+0.5; got != want {
			t.Fatalf("node %d holds %v, want %v", c, got, want)
		}
		c++
	}
	if c != n {
		t.Fatalf("%d nodes", c)
	}
	sc, full := h.GCCount()
	t.Logf("%d scavenges, %d full GCs", sc, full)
}
