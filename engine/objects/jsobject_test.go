package objects

import (
	"fmt"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// objectModes runs test on a factory with normal GCs and on one that
// collects every third allocation (both verify the heap after each GC), so
// a value held across an allocation without a handle shows up.
func objectModes(t *testing.T, test func(t *testing.T, f *Factory)) {
	t.Helper()
	for _, mode := range []struct {
		name string
		opts heap.Options
	}{{"normal", heap.Options{}}, {"gcstress", heap.Options{GCStressEvery: 3}}} {
		t.Run(mode.name, func(t *testing.T) {
			f := newTestFactory(t, mode.opts)
			scope := f.H.OpenScope()
			defer scope.Close()
			test(t, f)
			if err := f.H.Verify(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// okey returns the internalized string s: a property key.
func okey(f *Factory, s string) heap.Handle { return f.InternalizeGo(s) }

// osmi returns a handle to the Smi i.
func osmi(f *Factory, i int) heap.Handle { return f.H.NewHandle(layout.Smi(i)) }

// oset sets obj[name] = value and fails the test if the store is refused.
func oset(t *testing.T, f *Factory, obj heap.Handle, name string, value heap.Handle) {
	t.Helper()
	s := f.H.OpenScope()
	defer s.Close()
	if !f.SetProperty(obj, okey(f, name), value) {
		t.Fatalf("SetProperty(%q) refused", name)
	}
}

// oget returns obj[name], failing the test if it is absent.
func oget(t *testing.T, f *Factory, obj heap.Handle, name string) layout.Value {
	t.Helper()
	s := f.H.OpenScope()
	defer s.Close()
	v, ok := f.GetProperty(obj.Value(), okey(f, name).Value())
	if !ok {
		t.Fatalf("property %q missing", name)
	}
	return v
}

// keyNames returns the keys of OwnKeys as Go strings ("#n" for an index,
// "@desc" for a symbol).
func keyNames(f *Factory, keys layout.Value) []string {
	var out []string
	for i := 0; i < f.Length(keys); i++ {
		k := f.Get(keys, i)
		switch {
		case k.IsSmi():
			out = append(out, fmt.Sprintf("#%d", k.SmiValue()))
		case f.IsSymbol(k):
			out = append(out, "@"+f.StringToGo(f.SymbolDescription(k)))
		default:
			out = append(out, f.StringToGo(k))
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
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

func TestObjectSizes(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		for _, tc := range []struct {
			name string
			obj  func() heap.Handle
			size uint32
			typ  layout.InstanceType
		}{
			{"{}", f.NewPlainObject, 28, layout.JSObjectType},
			{"[]", func() heap.Handle { return f.NewJSArray(0) }, 16, layout.JSArrayType},
			{"[] with capacity", func() heap.Handle { return f.NewJSArray(8) }, 16, layout.JSArrayType},
			{"0 in-object", func() heap.Handle { return f.NewJSObject(f.NewJSObjectMap(0)) }, 12, layout.JSObjectType},
			{"10 in-object", func() heap.Handle { return f.NewJSObject(f.NewJSObjectMap(10)) }, 52, layout.JSObjectType},
		} {
			o := tc.obj()
			if got := h.SizeOf(o.Addr()); got != tc.size {
				t.Errorf("%s: size %d, want %d", tc.name, got, tc.size)
			}
			if got := f.InstanceType(o.Value()); got != tc.typ {
				t.Errorf("%s: type %v, want %v", tc.name, got, tc.typ)
			}
			if got := h.SizeOf(f.MapOf(o.Value()).Addr()); got != layout.MapSize {
				t.Errorf("%s: map size %d", tc.name, got)
			}
			if !f.IsJSObject(o.Value()) || !f.HasFastProperties(o.Value()) {
				t.Errorf("%s: not a fast JS object", tc.name)
			}
		}
		if got := f.InObjectProperties(f.ObjectMap()); got != 4 {
			t.Errorf("{} has %d in-object slots", got)
		}
		a := f.NewJSArray(8)
		if f.ArrayLength(a.Value()) != 0 || f.ElementsCapacity(a.Value()) != 8 {
			t.Errorf("NewJSArray(8): length %d capacity %d", f.ArrayLength(a.Value()), f.ElementsCapacity(a.Value()))
		}
		o := f.NewPlainObject()
		for off := uint32(layout.JSObjectHeaderSize); off < 28; off += 4 {
			if v := h.Field(o.Addr(), off); v != f.Roots.Undefined {
				t.Errorf("in-object slot at %d is %#x", off, uint32(v))
			}
		}
	})
}

func TestInitialMapsAreRoots(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		proto := f.NewPlainObject()
		f.SetInitialMapPrototype(f.ObjectMap(), proto.Value())
		f.SetInitialMapPrototype(f.ArrayMap(), proto.Value())
		oset(t, f, proto, "marker", osmi(f, 7))
		for i := 0; i < 3; i++ {
			f.H.CollectGarbage(true)
			f.H.CollectGarbage(false)
		}
		for _, m := range []layout.Value{f.ObjectMap(), f.ArrayMap()} {
			if !f.isMap(m) || f.MapPrototype(m) != proto.Value() {
				t.Fatalf("initial map lost its prototype after GC")
			}
		}
		o := f.NewPlainObject()
		if f.GetPrototype(o.Value()) != proto.Value() {
			t.Fatal("new object has the wrong prototype")
		}
		if v := oget(t, f, proto, "marker"); v != layout.Smi(7) {
			t.Fatalf("prototype property is %#x", uint32(v))
		}
	})
}

func TestPropertyValuesSurviveGC(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		const objects, props = 50, 12
		list := f.NewFixedArray(objects, heap.OldSpace)
		for i := 0; i < objects; i++ {
			s := h.OpenScope()
			o := f.NewPlainObject()
			for p := 0; p < props; p++ {
				oset(t, f, o, fmt.Sprintf("p%d", p), f.NewHeapNumber(float64(i*100+p)+0.5))
			}
			f.Set(list.Value(), i, o.Value())
			s.Close()
			if i%10 == 0 {
				h.CollectGarbage(i%20 == 0)
			}
		}
		h.CollectGarbage(false)
		h.CollectGarbage(true)
		first := f.MapOf(f.Get(list.Value(), 0))
		for i := 0; i < objects; i++ {
			o := h.NewHandle(f.Get(list.Value(), i))
			if f.MapOf(o.Value()) != first {
				t.Fatalf("object %d does not share the map of object 0", i)
			}
			for p := 0; p < props; p++ {
				v := oget(t, f, o, fmt.Sprintf("p%d", p))
				if got, want := f.NumberValue(v), float64(i*100+p)+0.5; got != want {
					t.Fatalf("object %d p%d = %v, want %v", i, p, got, want)
				}
			}
		}
	})
}
