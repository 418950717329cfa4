package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestJSArrayPushPop(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		a := f.NewJSArray(0)
		if f.MapOf(a.Value()) != f.ArrayMap() || !f.IsJSArray(a.Value()) {
			t.Fatal("array map")
		}
		capacities := map[uint32]int{1: 17, 17: 17, 18: 43, 44: 82}
		for i := 0; i < 100; i++ {
			n, ok := f.ArrayPush(a, f.NewHeapNumber(float64(i)))
			if !ok || n != uint32(i+1) || f.ArrayLength(a.Value()) != n {
				t.Fatalf("push %d: length %d ok %v", i, n, ok)
			}
			if c, ok := capacities[n]; ok && f.ElementsCapacity(a.Value()) != c {
				t.Fatalf("length %d: capacity %d, want %d", n, f.ElementsCapacity(a.Value()), c)
			}
			if i%30 == 0 {
				h.CollectGarbage(i%60 == 0)
			}
		}
		if got := h.SizeOf(a.Addr()); got != 16 {
			t.Fatalf("array size %d", got)
		}
		for i := 0; i < 100; i++ {
			v, ok := f.GetElement(a.Value(), uint32(i))
			if !ok || f.NumberValue(v) != float64(i) {
				t.Fatalf("a[%d]", i)
			}
		}
		// Pops shrink the store gradually, keeping room for pushes.
		capacity := f.ElementsCapacity(a.Value())
		for i := 99; i >= 0; i-- {
			v := f.ArrayPop(a)
			if f.NumberValue(v.Value()) != float64(i) || f.ArrayLength(a.Value()) != uint32(i) {
				t.Fatalf("pop %d", i)
			}
			if c := f.ElementsCapacity(a.Value()); c > capacity || c < i {
				t.Fatalf("after pop to %d: capacity %d (was %d)", i, c, capacity)
			}
			if i > 0 && 2*i+16 <= f.ElementsCapacity(a.Value()) {
				t.Fatalf("length %d kept capacity %d", i, f.ElementsCapacity(a.Value()))
			}
			capacity = f.ElementsCapacity(a.Value())
		}
		if v := f.ArrayPop(a); v.Value() != f.Roots.Undefined || f.JSObjectElements(a.Value()) != f.Roots.EmptyFixedArray {
			t.Fatal("pop of an empty array")
		}
	})
}

func TestJSArrayLength(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		a := f.NewJSArray(4)
		for i := 0; i < 10; i++ {
			f.ArrayPush(a, osmi(f, i))
		}
		elementsOf := func() []int {
			var out []int
			for i := uint32(0); i < uint32(f.ElementsCapacity(a.Value())); i++ {
				if v, ok := f.GetElement(a.Value(), i); ok {
					out = append(out, v.SmiValue())
				} else if i < f.ArrayLength(a.Value()) {
					out = append(out, -1)
				}
			}
			return out
		}
		for _, tc := range []struct {
			length   uint32
			want     []int
			capacity int // -1: any
		}{
			{10, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, -1},
			{4, []int{0, 1, 2, 3}, -1},
			{12, []int{0, 1, 2, 3, -1, -1, -1, -1, -1, -1, -1, -1}, -1}, // the truncated ones stay gone
			{2, []int{0, 1}, -1},
			{0, nil, 0},
			{5, []int{-1, -1, -1, -1, -1}, 16},
		} {
			if !f.SetArrayLength(a, tc.length) {
				t.Fatalf("length = %d refused", tc.length)
			}
			if f.ArrayLength(a.Value()) != tc.length {
				t.Fatalf("length %d after setting %d", f.ArrayLength(a.Value()), tc.length)
			}
			if got := elementsOf(); !equalInts(got, tc.want) {
				t.Fatalf("length %d: elements %v, want %v", tc.length, got, tc.want)
			}
			if tc.capacity >= 0 && f.ElementsCapacity(a.Value()) != tc.capacity {
				t.Fatalf("length %d: capacity %d, want %d", tc.length, f.ElementsCapacity(a.Value()), tc.capacity)
			}
		}
		// Storing past the length extends it; holes in between.
		f.SetElement(a, 7, osmi(f, 70))
		if f.ArrayLength(a.Value()) != 8 {
			t.Fatalf("length %d after a[7] = …", f.ArrayLength(a.Value()))
		}
		// A store inside the length leaves it.
		f.SetElement(a, 2, osmi(f, 20))
		if f.ArrayLength(a.Value()) != 8 {
			t.Fatal("store inside changed the length")
		}
		if got := keyNames(f, f.OwnKeys(a, AllProperties).Value()); !equalStrings(got, []string{"#2", "#7"}) {
			t.Fatalf("array keys %v", got)
		}
		// Named properties on arrays live out of object.
		oset(t, f, a, "extra", osmi(f, 1))
		if fi, _, _ := f.LookupField(f.MapOf(a.Value()), okey(f, "extra").Value()); fi.IsInObject() {
			t.Fatal("array named property in object")
		}
		// A length past MaxFastArrayLength (and past the Smi range) is kept
		// without growing the backing store; shrinking back works.
		capBefore := f.ElementsCapacity(a.Value())
		if !f.SetArrayLength(a, 1<<32-1) || f.ArrayLength(a.Value()) != 1<<32-1 || f.ElementsCapacity(a.Value()) != capBefore {
			t.Fatalf("huge length: %d, capacity %d", f.ArrayLength(a.Value()), f.ElementsCapacity(a.Value()))
		}
		if v, ok := f.GetElement(a.Value(), 7); !ok || v != layout.Smi(70) {
			t.Fatal("element lost to a huge length")
		}
		if !f.SetArrayLength(a, 8) || f.ArrayLength(a.Value()) != 8 {
			t.Fatal("length not shrunk back")
		}
		// Big arrays go to the large-object space and survive GCs.
		b := f.NewJSArray(0)
		f.SetArrayLength(b, 100000)
		f.SetElement(b, 99999, f.NewHeapNumber(2.5))
		f.H.CollectGarbage(true)
		f.H.CollectGarbage(false)
		if v, ok := f.GetElement(b.Value(), 99999); !ok || f.NumberValue(v) != 2.5 {
			t.Fatal("element of a large array lost")
		}
	})
}

func TestArraysOfObjectsSurviveGC(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		a := f.NewJSArray(0)
		for i := 0; i < 300; i++ {
			s := h.OpenScope()
			o := f.NewPlainObject()
			oset(t, f, o, "i", f.NewHeapNumber(float64(i)))
			oset(t, f, o, "self", o)
			f.ArrayPush(a, o)
			s.Close()
		}
		h.CollectGarbage(true)
		h.CollectGarbage(false)
		var first heap.Handle
		for i := 0; i < 300; i++ {
			v, ok := f.GetElement(a.Value(), uint32(i))
			if !ok {
				t.Fatalf("a[%d] missing", i)
			}
			o := h.NewHandle(v)
			if first.IsNil() {
				first = h.NewHandle(f.MapOf(v))
			}
			if f.MapOf(o.Value()) != first.Value() {
				t.Fatal("objects built alike do not share a map")
			}
			if f.NumberValue(oget(t, f, o, "i")) != float64(i) || oget(t, f, o, "self") != o.Value() {
				t.Fatalf("object %d corrupted", i)
			}
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
