package objects

import (
	"fmt"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// build makes `{}` and adds the named properties in order, values 0, 1, ….
func build(t *testing.T, f *Factory, names ...string) heap.Handle {
	t.Helper()
	o := f.NewPlainObject()
	for i, n := range names {
		oset(t, f, o, n, osmi(f, i))
	}
	return o
}

func TestShapesShared(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range []struct {
			a, b  []string
			share bool
		}{
			{[]string{"x", "y"}, []string{"x", "y"}, true},
			{[]string{"x", "y", "z", "w", "v", "u"}, []string{"x", "y", "z", "w", "v", "u"}, true},
			{[]string{"x", "y"}, []string{"y", "x"}, false},
			{[]string{"x", "y"}, []string{"x", "z"}, false},
			{[]string{"x"}, []string{"x", "y"}, false},
			{nil, nil, true},
		} {
			a, b := build(t, f, tc.a...), build(t, f, tc.b...)
			f.H.CollectGarbage(true)
			if got := f.MapOf(a.Value()) == f.MapOf(b.Value()); got != tc.share {
				t.Errorf("%v and %v share a map: %v, want %v", tc.a, tc.b, got, tc.share)
			}
		}
	})
}

func TestTransitionsAndBackPointers(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		o := build(t, f, "a", "b", "c")
		m := f.MapOf(o.Value())
		if n := f.NumberOfOwnDescriptors(m); n != 3 {
			t.Fatalf("map has %d own descriptors", n)
		}
		// Walk back to the initial map, checking each step's last descriptor.
		names := []string{"c", "b", "a"}
		for i, want := range names {
			k, det := f.lastDescriptor(m)
			if f.StringToGo(k) != want || det.FieldIndex() != 2-i || det.Kind() != KindData || det.Attributes() != AttrNone {
				t.Fatalf("step %d: last descriptor %q details %+v", i, f.StringToGo(k), det)
			}
			parent, ok := f.MapBackPointer(m)
			if !ok {
				t.Fatalf("map for %q has no back pointer", want)
			}
			if f.SearchTransition(parent, k, KindData, AttrNone) != m {
				t.Fatalf("parent has no transition on %q to the child", want)
			}
			if f.SearchTransition(parent, k, KindData, AttrReadOnly) != 0 {
				t.Fatalf("transition found with the wrong attributes")
			}
			m = parent
		}
		if m != f.ObjectMap() {
			t.Fatal("chain does not end at the initial map")
		}
		if _, ok := f.MapBackPointer(m); ok {
			t.Fatal("initial map has a back pointer")
		}
		if f.MapConstructor(f.MapOf(o.Value())) != f.Roots.Null {
			t.Fatal("constructor is not found at the root")
		}
		// Branching: a second property from {a} makes a transition array.
		build(t, f, "a", "z")
		ma, _ := f.MapBackPointer(f.MapBackPointer2(t, o))
		if n := f.NumberOfTransitions(ma); n != 2 {
			t.Fatalf("{a} has %d transitions", n)
		}
		if !f.isTransitionArray(f.H.Field(ma.Addr(), layout.MapTransitionsOffset)) {
			t.Fatal("two transitions are not held in a TransitionArray")
		}
	})
}

// MapBackPointer2 returns the back pointer of obj's map, failing if none.
func (f *Factory) MapBackPointer2(t *testing.T, obj heap.Handle) layout.Value {
	t.Helper()
	p, ok := f.MapBackPointer(f.MapOf(obj.Value()))
	if !ok {
		t.Fatal("no back pointer")
	}
	return p
}

func TestManyTransitionsFromOneMap(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		const n = 60
		objs := f.NewFixedArray(n, heap.OldSpace)
		for i := 0; i < n; i++ {
			s := f.H.OpenScope()
			o := build(t, f, fmt.Sprintf("k%d", i))
			f.Set(objs.Value(), i, o.Value())
			s.Close()
		}
		root := f.H.NewHandle(f.ObjectMap())
		if got := f.NumberOfTransitions(root.Value()); got != n {
			t.Fatalf("root has %d transitions, want %d", got, n)
		}
		// Sorted by hash.
		tr := f.H.Field(root.Value().Addr(), layout.MapTransitionsOffset)
		for i := 1; i < n; i++ {
			if f.nameHash(f.H.Field(tr.Addr(), transKeyOffset(i-1))) > f.nameHash(f.H.Field(tr.Addr(), transKeyOffset(i))) {
				t.Fatal("transitions are not sorted by hash")
			}
		}
		for i := 0; i < n; i++ {
			k := okey(f, fmt.Sprintf("k%d", i))
			target := f.H.NewHandle(f.SearchTransition(root.Value(), k.Value(), KindData, AttrNone))
			if target.Value() == 0 || target.Value() != f.MapOf(f.Get(objs.Value(), i)) {
				t.Fatalf("transition on k%d not found", i)
			}
			// Same map for a new object built alike.
			if f.MapOf(build(t, f, fmt.Sprintf("k%d", i)).Value()) != target.Value() {
				t.Fatalf("k%d: new object does not reuse the transition", i)
			}
		}
		if absent := okey(f, "absent"); f.SearchTransition(root.Value(), absent.Value(), KindData, AttrNone) != 0 {
			t.Fatal("found a transition for an absent key")
		}
	})
}

func TestDescriptorArraysShared(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		names := make([]string, 20)
		keys := make([]heap.Handle, 20)
		for i := range names {
			names[i] = fmt.Sprintf("f%d", i)
			keys[i] = okey(f, names[i])
		}
		o := build(t, f, names...)
		m5 := f.H.NewHandle(f.MapOf(build(t, f, names[:5]...).Value()))
		m12 := f.H.NewHandle(f.MapOf(build(t, f, names[:12]...).Value()))
		other := okey(f, "other")
		b := build(t, f, append(append([]string{}, names[:5]...), "other")...)
		// No allocation from here on.
		m := f.MapOf(o.Value())
		d := f.MapDescriptors(m)
		// Every map of the chain below the root shares one array.
		for cur, n := m, 20; n > 0; n-- {
			if f.MapDescriptors(cur) != d {
				t.Fatalf("map with %d descriptors has its own array", n)
			}
			if f.NumberOfOwnDescriptors(cur) != n {
				t.Fatalf("map has %d own descriptors, want %d", f.NumberOfOwnDescriptors(cur), n)
			}
			cur, _ = f.MapBackPointer(cur)
		}
		if f.descCount(d) != 20 {
			t.Fatalf("shared array holds %d descriptors", f.descCount(d))
		}
		// A map of the chain does not see descriptors past its own count,
		// with linear (<= 8) and binary searches.
		for i, n := range names {
			for _, c := range []struct {
				m   layout.Value
				own int
			}{{m5.Value(), 5}, {m12.Value(), 12}, {m, 20}} {
				want := i
				if i >= c.own {
					want = -1
				}
				if got := f.LookupOwnDescriptor(c.m, keys[i].Value()); got != want {
					t.Fatalf("lookup %s in map of %d: %d, want %d", n, c.own, got, want)
				}
			}
		}
		// A branch from the middle copies instead of sharing.
		mb := f.MapOf(b.Value())
		if f.MapDescriptors(mb) == d {
			t.Fatal("branch shares the chain's array")
		}
		if f.LookupOwnDescriptor(mb, other.Value()) != 5 || f.LookupOwnDescriptor(mb, keys[5].Value()) != -1 {
			t.Fatal("branch lookups are wrong")
		}
		if f.MapDescriptors(m5.Value()) != d {
			t.Fatal("branching changed the chain's array")
		}
	})
}

func TestLookupManyDescriptors(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		const n = 100
		m := f.NewJSObjectMap(n)
		o := f.NewJSObject(m)
		for i := 0; i < n; i++ {
			oset(t, f, o, fmt.Sprintf("prop_%d", i), osmi(f, i*3))
		}
		if !f.HasFastProperties(o.Value()) {
			t.Fatal("object went to dictionary mode")
		}
		for i := 0; i < n; i++ {
			k := okey(f, fmt.Sprintf("prop_%d", i))
			fi, det, ok := f.LookupField(f.MapOf(o.Value()), k.Value())
			if !ok || det.FieldIndex() != i || !fi.IsInObject() {
				t.Fatalf("prop_%d: field %+v details %v found %v", i, fi, det, ok)
			}
			if got := f.FastPropertyAt(o.Value(), fi); got != layout.Smi(i*3) {
				t.Fatalf("prop_%d = %#x", i, uint32(got))
			}
		}
		if f.LookupOwnDescriptor(f.MapOf(o.Value()), okey(f, "prop_x").Value()) != -1 {
			t.Fatal("found an absent key")
		}
	})
}

func TestSetPrototype(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		p1, p2 := f.NewPlainObject(), f.NewPlainObject()
		a, b := build(t, f, "x", "y"), build(t, f, "x", "y")
		mh := f.H.NewHandle(f.MapOf(a.Value()))
		f.SetPrototype(a, p1)
		f.H.CollectGarbage(true)
		f.SetPrototype(b, p1)
		if f.GetPrototype(a.Value()) != p1.Value() || f.GetPrototype(b.Value()) != p1.Value() {
			t.Fatal("prototype not set")
		}
		if f.MapOf(a.Value()) != f.MapOf(b.Value()) {
			t.Fatal("objects given the same prototype do not share a map")
		}
		if f.MapOf(a.Value()) == mh.Value() || f.MapPrototype(mh.Value()) != f.Roots.Null {
			t.Fatal("SetPrototype changed the shared map in place")
		}
		if v := oget(t, f, a, "y"); v != layout.Smi(1) {
			t.Fatal("property lost")
		}
		f.SetPrototype(b, p2)
		if f.MapOf(a.Value()) == f.MapOf(b.Value()) || f.GetPrototype(b.Value()) != p2.Value() {
			t.Fatal("different prototypes share a map")
		}
		null := f.H.NewHandle(f.Roots.Null)
		f.SetPrototype(b, null)
		if f.GetPrototype(b.Value()) != f.Roots.Null || oget(t, f, b, "x") != layout.Smi(0) {
			t.Fatalf("back to null")
		}
		// Adding properties after a prototype change builds a new chain.
		oset(t, f, a, "z", osmi(f, 2))
		c := build(t, f, "x", "y")
		f.SetPrototype(c, p1)
		oset(t, f, c, "z", osmi(f, 5))
		if f.MapOf(a.Value()) != f.MapOf(c.Value()) {
			t.Fatal("objects built alike after SetPrototype do not share")
		}
		// Dictionary-mode objects too.
		d := build(t, f, "x", "y", "z")
		f.DeleteProperty(d, okey(f, "x"))
		f.SetPrototype(d, p2)
		if f.HasFastProperties(d.Value()) || f.GetPrototype(d.Value()) != p2.Value() || oget(t, f, d, "z") != layout.Smi(2) {
			t.Fatal("SetPrototype of a dictionary-mode object")
		}
	})
}

func TestPreventExtensions(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		o := build(t, f, "a")
		f.PreventExtensions(o)
		if f.IsExtensible(o.Value()) {
			t.Fatal("still extensible")
		}
		if f.SetProperty(o, okey(f, "b"), osmi(f, 1)) {
			t.Fatal("added a property to a non-extensible object")
		}
		if !f.SetProperty(o, okey(f, "a"), osmi(f, 9)) || oget(t, f, o, "a") != layout.Smi(9) {
			t.Fatal("could not update an existing property")
		}
		if f.SetElement(o, 0, osmi(f, 1)) {
			t.Fatal("added an element to a non-extensible object")
		}
		if !f.IsExtensible(build(t, f, "a").Value()) {
			t.Fatal("PreventExtensions changed a shared map")
		}
	})
}

func TestNormalizedMapsShared(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		a, b := build(t, f, "x", "y"), build(t, f, "p", "q", "r")
		f.DeleteProperty(a, okey(f, "x"))
		f.DeleteProperty(b, okey(f, "p"))
		ma, mb := f.MapOf(a.Value()), f.MapOf(b.Value())
		if !f.IsDictionaryMap(ma) || ma != mb {
			t.Fatal("dictionary-mode objects from {} do not share a dictionary map")
		}
		if f.NumberOfOwnDescriptors(ma) != 0 || f.MapInstanceSize(ma) != 28 || f.InObjectProperties(ma) != 4 {
			t.Fatal("dictionary map has the wrong shape")
		}
		if _, ok := f.MapBackPointer(ma); ok {
			t.Fatal("dictionary map has a back pointer")
		}
		if f.H.SizeOf(a.Addr()) != 28 {
			t.Fatal("object size changed")
		}
	})
}

func TestNormalizedMapCacheIsWeak(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		s := f.H.OpenScope()
		o := build(t, f, "a", "b")
		f.NormalizeProperties(o, 0)
		cached := 0
		for _, v := range f.objects.normalized {
			if v.IsHeapObject() {
				cached++
			}
		}
		if cached != 1 {
			t.Fatalf("%d cached dictionary maps", cached)
		}
		s.Close()
		f.H.CollectGarbage(true)
		for _, v := range f.objects.normalized {
			if v.IsHeapObject() {
				t.Fatal("a dead dictionary map stayed in the cache")
			}
		}
		// Live ones stay, and are updated when they move.
		o = build(t, f, "a", "b")
		f.NormalizeProperties(o, 0)
		for i := 0; i < 3; i++ {
			f.H.CollectGarbage(true)
		}
		p := build(t, f, "x")
		f.NormalizeProperties(p, 0)
		if f.MapOf(o.Value()) != f.MapOf(p.Value()) {
			t.Fatal("the cache lost a live dictionary map")
		}
	})
}
