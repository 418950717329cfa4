package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

func TestPrototypeTransitions(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		const n = 10
		protos := f.NewFixedArray(n, heap.OldSpace)
		maps := f.NewFixedArray(n, heap.OldSpace)
		for i := 0; i < n; i++ {
			p := f.NewPlainObject()
			f.Set(protos.Value(), i, p.Value())
		}
		base := build(t, f, "x") // {x}: its map has no transitions yet
		baseMap := f.H.NewHandle(f.MapOf(base.Value()))
		for i := 0; i < n; i++ {
			o := build(t, f, "x")
			f.SetPrototype(o, f.H.NewHandle(f.Get(protos.Value(), i)))
			f.Set(maps.Value(), i, f.MapOf(o.Value()))
			if i == 3 {
				// A property transition next to the prototype ones.
				build(t, f, "x", "y")
			}
		}
		f.H.CollectGarbage(true)
		if f.NumberOfTransitions(baseMap.Value()) != 1 {
			t.Fatalf("{x} has %d property transitions", f.NumberOfTransitions(baseMap.Value()))
		}
		for i := 0; i < n; i++ {
			o := build(t, f, "x")
			f.SetPrototype(o, f.H.NewHandle(f.Get(protos.Value(), i)))
			if f.MapOf(o.Value()) != f.Get(maps.Value(), i) {
				t.Fatalf("prototype %d: transition not reused", i)
			}
			if f.GetPrototype(o.Value()) != f.Get(protos.Value(), i) {
				t.Fatalf("prototype %d not set", i)
			}
		}
		if f.MapOf(build(t, f, "x", "y").Value()) == f.MapOf(base.Value()) {
			t.Fatal("property transition lost")
		}
	})
}
