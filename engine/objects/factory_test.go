package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func newTestFactory(t testing.TB, opts heap.Options) *Factory {
	t.Helper()
	opts.VerifyHeap = true
	h, err := heap.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	f, err := New(h)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestBootstrapVerifies(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	if err := f.H.Verify(); err != nil {
		t.Fatal(err)
	}
	if got := f.InstanceType(f.Roots.Undefined); got != layout.OddballType {
		t.Fatalf("undefined is %v", got)
	}
}

// TestFixedArraysSurviveGC builds a long list of arrays holding numbers, with
// garbage in between, through scavenges and full GCs, plainly and under GC
// stress.
func TestFixedArraysSurviveGC(t *testing.T) {
	for _, c := range []struct {
		opts heap.Options
		n    int
	}{{heap.Options{}, 100000}, {heap.Options{GCStressEvery: 7}, 3000}} {
		f := newTestFactory(t, c.opts)
		h := f.H
		scope := h.OpenScope()
		list := f.NewFixedArray(2, heap.NewSpace)
		for i := 0; i < c.n; i++ {
			s := h.OpenScope()
			node := f.NewFixedArray(2, heap.NewSpace)
			num := f.NewHeapNumber(float64(i) + 0.5)
			f.Set(node.Value(), 0, num.Value())
			f.Set(node.Value(), 1, list.Value())
			list.Set(node.Value())
			f.NewFixedArray(10, heap.NewSpace) // garbage
			s.Close()
			if i%20000 == 0 {
				h.CollectGarbage(true)
			}
		}
		h.CollectGarbage(false)
		h.CollectGarbage(true)
		n := 0
		for v := list.Value(); f.Is(f.Get(v, 0), layout.HeapNumberType); v = f.Get(v, 1) {
			if got, want := f.NumberValue(f.Get(v, 0)), float64(c.n-1-n)+0.5; got != want {
				t.Fatalf("node %d holds %v, want %v", n, got, want)
			}
			n++
		}
		if n != c.n {
			t.Fatalf("list has %d nodes, want %d", n, c.n)
		}
		scope.Close()
	}
}
