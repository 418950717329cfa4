package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

func TestNewElementsCapacity(t *testing.T) {
	for _, tc := range []struct{ n, want uint32 }{{0, 16}, {1, 17}, {17, 41}, {18, 43}, {100, 166}} {
		if got := NewElementsCapacity(tc.n); got != tc.want {
			t.Errorf("NewElementsCapacity(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
}

func TestElements(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		o := f.NewPlainObject()
		if _, ok := f.GetElement(o.Value(), 0); ok {
			t.Fatal("element of an empty object")
		}
		if f.JSObjectElements(o.Value()) != f.Roots.EmptyFixedArray {
			t.Fatal("new object has a backing store")
		}
		for _, tc := range []struct {
			index    uint32
			capacity int // after the store
		}{
			{0, 17}, {3, 17}, {16, 17}, {17, 43}, {100, 167}, {166, 167}, {200, 317},
		} {
			if !f.SetElement(o, tc.index, f.NewHeapNumber(float64(tc.index)+0.5)) {
				t.Fatalf("SetElement(%d) refused", tc.index)
			}
			if got := f.ElementsCapacity(o.Value()); got != tc.capacity {
				t.Fatalf("after [%d]: capacity %d, want %d", tc.index, got, tc.capacity)
			}
		}
		h.CollectGarbage(true)
		set := map[uint32]bool{0: true, 3: true, 16: true, 17: true, 100: true, 166: true, 200: true}
		for i := uint32(0); i < 320; i++ {
			v, ok := f.GetElement(o.Value(), i)
			if ok != set[i] {
				t.Fatalf("element %d present %v", i, ok)
			}
			if ok && f.NumberValue(v) != float64(i)+0.5 {
				t.Fatalf("element %d = %v", i, f.NumberValue(v))
			}
		}
		if f.InstanceType(f.JSObjectElements(o.Value())) != layout.FixedArrayType {
			t.Fatal("elements are not a FixedArray")
		}
		// Holes: deleting leaves one.
		f.DeleteElement(o.Value(), 3)
		if _, ok := f.GetElement(o.Value(), 3); ok {
			t.Fatal("deleted element still there")
		}
		if v := f.H.Field(f.JSObjectElements(o.Value()).Addr(), arraySlot(3)); v != f.Roots.TheHole {
			t.Fatal("deleted element is not the hole")
		}
		// A store far past the end would need dictionary elements: refused.
		if f.SetElement(o, 5000, osmi(f, 1)) {
			t.Fatal("sparse store accepted")
		}
		if _, ok := f.GetElement(o.Value(), 5000); ok || f.ElementsCapacity(o.Value()) != 317 {
			t.Fatal("refused store changed the object")
		}
		// Elements do not disturb named properties.
		oset(t, f, o, "name", osmi(f, 9))
		if oget(t, f, o, "name") != layout.Smi(9) || !f.HasFastProperties(o.Value()) {
			t.Fatal("named property next to elements")
		}
	})
}

func TestElementsSparseRule(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		o := f.NewPlainObject()
		// A gap below kMaxGap is fine; at kMaxGap it is not.
		if !f.SetElement(o, maxGap-1, osmi(f, 1)) {
			t.Fatal("gap of kMaxGap-1 refused")
		}
		p := f.NewPlainObject()
		if f.SetElement(p, maxGap, osmi(f, 1)) {
			t.Fatal("gap of kMaxGap accepted")
		}
		// A large, nearly empty store in the old generation is refused.
		q := f.NewPlainObject()
		f.SetElement(q, 0, osmi(f, 1))
		f.H.CollectGarbage(true) // q is now old
		ok := true
		for i := uint32(1000); ok && i < 100000; i += 1000 {
			ok = f.SetElement(q, i, osmi(f, 2))
		}
		if ok {
			t.Fatal("a sparse old object kept growing its fast elements")
		}
	})
}
