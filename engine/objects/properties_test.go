package objects

import (
	"fmt"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestInObjectThenOutOfObject(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		o := f.NewPlainObject()
		// PropertyArray length after adding property i (0-based): none while
		// in-object, then grown 3 fields at a time.
		for i, wantLen := range []int{0, 0, 0, 0, 3, 3, 3, 6, 6, 6, 9} {
			name := fmt.Sprintf("p%d", i)
			oset(t, f, o, name, f.NewHeapNumber(float64(i)+0.25))
			fi, det, ok := f.LookupField(f.MapOf(o.Value()), okey(f, name).Value())
			if !ok || det.FieldIndex() != i {
				t.Fatalf("%s: field %d found %v", name, det.FieldIndex(), ok)
			}
			if fi.IsInObject() != (i < 4) {
				t.Fatalf("%s: in-object %v", name, fi.IsInObject())
			}
			if i < 4 && fi.Offset() != uint32(12+4*i) {
				t.Fatalf("%s: in-object offset %d", name, fi.Offset())
			}
			if i >= 4 && fi.Offset() != uint32(8+4*(i-4)) {
				t.Fatalf("%s: property array offset %d", name, fi.Offset())
			}
			props := f.JSObjectProperties(o.Value())
			if got := f.Length(props); got != wantLen {
				t.Fatalf("after %s: property array length %d, want %d", name, got, wantLen)
			}
			if wantLen > 0 {
				if f.InstanceType(props) != layout.PropertyArrayType {
					t.Fatalf("properties are a %v", f.InstanceType(props))
				}
				if got := h.SizeOf(props.Addr()); got != uint32(8+4*wantLen) {
					t.Fatalf("property array size %d", got)
				}
			}
			if got := h.SizeOf(o.Addr()); got != 28 {
				t.Fatalf("object size %d", got)
			}
		}
		h.CollectGarbage(true)
		for i := 0; i < 11; i++ {
			if got := f.NumberValue(oget(t, f, o, fmt.Sprintf("p%d", i))); got != float64(i)+0.25 {
				t.Fatalf("p%d = %v", i, got)
			}
		}
		// Updating keeps the map.
		m := h.NewHandle(f.MapOf(o.Value()))
		oset(t, f, o, "p2", osmi(f, -1))
		oset(t, f, o, "p9", osmi(f, -2))
		if f.MapOf(o.Value()) != m.Value() || oget(t, f, o, "p2") != layout.Smi(-1) || oget(t, f, o, "p9") != layout.Smi(-2) {
			t.Fatal("update changed the map or missed")
		}
	})
}

func TestInsertionOrder(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		sym := f.NewSymbol(okey(f, "s1"))
		sym2 := f.NewSymbol(okey(f, "s2"))
		priv := f.NewPrivateSymbol(okey(f, "hidden"))
		o := f.NewPlainObject()
		oset(t, f, o, "zeta", osmi(f, 1))
		f.SetProperty(o, sym2, osmi(f, 2))
		oset(t, f, o, "alpha", osmi(f, 3))
		f.SetProperty(o, priv, osmi(f, 4))
		f.DefineProperty(o, okey(f, "hidden"), osmi(f, 5), AttrDontEnum)
		f.SetProperty(o, sym, osmi(f, 6))
		oset(t, f, o, "mid", osmi(f, 7))
		f.SetElement(o, 5, osmi(f, 8))
		f.SetElement(o, 1, osmi(f, 9))
		check := func(phase string, names ...string) {
			t.Helper()
			n := func(extra ...string) []string {
				return append(append([]string{}, extra[:2]...), append(append([]string{}, names...), extra[2:]...)...)
			}
			enumerable := []string{}
			for _, s := range names {
				if s != "hidden" {
					enumerable = append(enumerable, s)
				}
			}
			e := func(extra ...string) []string {
				return append(append([]string{}, extra[:2]...), append(append([]string{}, enumerable...), extra[2:]...)...)
			}
			for _, tc := range []struct {
				filter PropertyFilter
				want   []string
			}{
				{AllProperties, n("#1", "#5", "@s2", "@s1")},
				{OnlyEnumerable | SkipSymbols, e("#1", "#5")},
				{SkipStrings, []string{"@s2", "@s1"}},
				{OnlyEnumerable, e("#1", "#5", "@s2", "@s1")},
			} {
				keys := f.OwnKeys(o, tc.filter)
				if got := keyNames(f, keys.Value()); !equalStrings(got, tc.want) {
					t.Errorf("%s: OwnKeys(%d) = %v, want %v", phase, tc.filter, got, tc.want)
				}
			}
		}
		check("fast", "zeta", "alpha", "hidden", "mid")
		h.CollectGarbage(true)
		// Deleting a middle property goes to dictionary mode; order stays.
		if !f.DeleteProperty(o, okey(f, "zeta")) {
			t.Fatal("delete refused")
		}
		if f.HasFastProperties(o.Value()) {
			t.Fatal("still fast after deleting a middle property")
		}
		oset(t, f, o, "zeta", osmi(f, 10))
		keys := f.OwnKeys(o, OnlyEnumerable|SkipSymbols)
		if got, want := keyNames(f, keys.Value()), []string{"#1", "#5", "alpha", "mid", "zeta"}; !equalStrings(got, want) {
			t.Fatalf("dictionary order %v, want %v", got, want)
		}
		f.DeleteProperty(o, okey(f, "zeta"))
		f.SetProperty(o, priv, osmi(f, 0))
		oset(t, f, o, "zeta", osmi(f, 1))
		f.DeleteProperty(o, okey(f, "zeta"))
		f.DeleteProperty(o, okey(f, "alpha"))
		oset(t, f, o, "zeta", osmi(f, 1))
		oset(t, f, o, "alpha", osmi(f, 3))
		f.DeleteProperty(o, okey(f, "mid"))
		oset(t, f, o, "mid", osmi(f, 7))
		check("dictionary", "hidden", "zeta", "alpha", "mid")
	})
}

func TestDeleteLastRollsBack(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		for _, n := range []int{1, 4, 5, 6, 8} {
			names := make([]string, n)
			for i := range names {
				names[i] = fmt.Sprintf("d%d", i)
			}
			o := build(t, f, names...)
			full := h.NewHandle(f.MapOf(o.Value()))
			parent, _ := f.MapBackPointer(full.Value())
			parentH := h.NewHandle(parent)
			last := names[n-1]
			if !f.DeleteProperty(o, okey(f, last)) {
				t.Fatal("delete refused")
			}
			if f.MapOf(o.Value()) != parentH.Value() {
				t.Fatalf("%d properties: delete of the last did not roll back", n)
			}
			if f.HasOwnProperty(o.Value(), okey(f, last).Value()) {
				t.Fatalf("%s still there", last)
			}
			// The first out-of-object field gone: the PropertyArray goes too.
			if n == 5 && f.JSObjectProperties(o.Value()) != f.Roots.EmptyFixedArray {
				t.Fatal("property array kept after deleting its only field")
			}
			h.CollectGarbage(false)
			oset(t, f, o, last, f.NewHeapNumber(1.5))
			if f.MapOf(o.Value()) != full.Value() {
				t.Fatalf("%d properties: re-adding did not take the same transition", n)
			}
			if f.NumberValue(oget(t, f, o, last)) != 1.5 || n > 1 && oget(t, f, o, names[0]) != layout.Smi(0) {
				t.Fatal("values wrong after rollback and re-add")
			}
		}
		// Deleting an absent key succeeds and changes nothing.
		o := build(t, f, "a", "b")
		m := h.NewHandle(f.MapOf(o.Value()))
		if !f.DeleteProperty(o, okey(f, "nope")) || f.MapOf(o.Value()) != m.Value() {
			t.Fatal("deleting an absent key")
		}
	})
}

func TestDeleteNonLastGoesToDictionary(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		o := build(t, f, "a", "b", "c", "d", "e", "f")
		oset(t, f, o, "obj", f.NewHeapNumber(3.25))
		if !f.DeleteProperty(o, okey(f, "b")) {
			t.Fatal("delete refused")
		}
		if f.HasFastProperties(o.Value()) {
			t.Fatal("still fast")
		}
		if f.InstanceType(f.JSObjectProperties(o.Value())) != layout.NameDictionaryType {
			t.Fatal("properties are not a NameDictionary")
		}
		f.H.CollectGarbage(true)
		for i, n := range []string{"a", "c", "d", "e", "f"} {
			want := []int{0, 2, 3, 4, 5}[i]
			if oget(t, f, o, n) != layout.Smi(want) {
				t.Fatalf("%s wrong", n)
			}
		}
		if f.NumberValue(oget(t, f, o, "obj")) != 3.25 {
			t.Fatal("heap value lost")
		}
		if f.HasOwnProperty(o.Value(), okey(f, "b").Value()) {
			t.Fatal("b still there")
		}
		// Non-configurable properties cannot be deleted, fast or not.
		f.DefineProperty(o, okey(f, "fixed"), osmi(f, 1), AttrDontDelete)
		if f.DeleteProperty(o, okey(f, "fixed")) || !f.HasOwnProperty(o.Value(), okey(f, "fixed").Value()) {
			t.Fatal("deleted a non-configurable property")
		}
		p := f.NewPlainObject()
		f.DefineProperty(p, okey(f, "fixed"), osmi(f, 1), AttrDontDelete)
		oset(t, f, p, "x", osmi(f, 2))
		if f.DeleteProperty(p, okey(f, "fixed")) || !f.HasFastProperties(p.Value()) {
			t.Fatal("refused delete changed the object")
		}
	})
}

func TestDictionaryModeThousands(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		const n = 2000
		o := f.NewPlainObject()
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			oset(t, f, o, fmt.Sprintf("key%d", i), f.NewHeapNumber(float64(i)))
			s.Close()
			// V8: 4 in-object + 129 out-of-object fields, then dictionary.
			if fast := f.HasFastProperties(o.Value()); fast != (i < 133) {
				t.Fatalf("after %d properties fast = %v", i+1, fast)
			}
		}
		d := f.JSObjectProperties(o.Value())
		if f.DictionaryCount(d) != n {
			t.Fatalf("dictionary holds %d", f.DictionaryCount(d))
		}
		bigCapacity := f.dictCapacity(d)
		if !hasSufficientCapacityToAdd(bigCapacity, n, 0, 0) || bigCapacity > 4*n {
			t.Fatalf("capacity %d for %d entries", bigCapacity, n)
		}
		h.CollectGarbage(true)
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			if got := f.NumberValue(oget(t, f, o, fmt.Sprintf("key%d", i))); got != float64(i) {
				t.Fatalf("key%d = %v", i, got)
			}
			s.Close()
		}
		// Delete all but every tenth: the table shrinks.
		for i := 0; i < n; i++ {
			if i%10 == 0 {
				continue
			}
			s := h.OpenScope()
			if !f.DeleteProperty(o, okey(f, fmt.Sprintf("key%d", i))) {
				t.Fatal("delete refused")
			}
			s.Close()
		}
		h.CollectGarbage(false)
		d = f.JSObjectProperties(o.Value())
		if f.DictionaryCount(d) != n/10 || f.dictCapacity(d) >= bigCapacity {
			t.Fatalf("after deletes: %d entries, capacity %d (was %d)", f.DictionaryCount(d), f.dictCapacity(d), bigCapacity)
		}
		keys := keyNames(f, f.OwnKeys(o, AllProperties).Value())
		if len(keys) != n/10 {
			t.Fatalf("%d keys", len(keys))
		}
		for j, k := range keys {
			if k != fmt.Sprintf("key%d", j*10) {
				t.Fatalf("key %d is %s", j, k)
			}
			if f.NumberValue(oget(t, f, o, k)) != float64(j*10) {
				t.Fatalf("%s wrong", k)
			}
		}
	})
}

func TestDefinePropertyAttributes(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		a, b := build(t, f, "x", "y", "z"), build(t, f, "x", "y", "z")
		orig := h.NewHandle(f.MapOf(a.Value()))
		fiBefore, _, _ := f.LookupField(orig.Value(), okey(f, "y").Value())
		for _, o := range []heap.Handle{a, b} {
			if !f.DefineProperty(o, okey(f, "y"), osmi(f, 42), AttrReadOnly|AttrDontEnum) {
				t.Fatal("define refused")
			}
		}
		if f.MapOf(a.Value()) != f.MapOf(b.Value()) || f.MapOf(a.Value()) == orig.Value() {
			t.Fatal("reconfigured objects do not share a new map")
		}
		fi, det, ok := f.LookupField(f.MapOf(a.Value()), okey(f, "y").Value())
		if !ok || fi != fiBefore || det.Attributes() != AttrReadOnly|AttrDontEnum {
			t.Fatalf("y: field %+v (was %+v) attrs %d", fi, fiBefore, det.Attributes())
		}
		if oget(t, f, a, "y") != layout.Smi(42) || oget(t, f, a, "z") != layout.Smi(2) {
			t.Fatal("values wrong after reconfigure")
		}
		if f.SetProperty(a, okey(f, "y"), osmi(f, 0)) || oget(t, f, a, "y") != layout.Smi(42) {
			t.Fatal("wrote a read-only property")
		}
		if got := keyNames(f, f.OwnKeys(a, OnlyEnumerable).Value()); !equalStrings(got, []string{"x", "z"}) {
			t.Fatalf("enumerable keys %v", got)
		}
		// Back to plain attributes: back on the original branch.
		f.DefineProperty(a, okey(f, "y"), osmi(f, 1), AttrNone)
		if f.MapOf(a.Value()) != orig.Value() {
			t.Fatal("reconfiguring back did not find the original map")
		}
		// A new property with attributes takes its own transition.
		c := f.NewPlainObject()
		f.DefineProperty(c, okey(f, "x"), osmi(f, 1), AttrFrozen)
		if _, det, _ := f.GetOwnProperty(c.Value(), okey(f, "x").Value()); det.Attributes() != AttrFrozen {
			t.Fatal("attributes of a new property")
		}
		if f.MapOf(c.Value()) == f.MapOf(build(t, f, "x").Value()) {
			t.Fatal("different attributes share a transition")
		}
		// Dictionary mode.
		f.NormalizeProperties(b, 0)
		f.DefineProperty(b, okey(f, "x"), osmi(f, 7), AttrDontDelete)
		if v, det, _ := f.GetOwnProperty(b.Value(), okey(f, "x").Value()); v != layout.Smi(7) || det.Attributes() != AttrDontDelete {
			t.Fatal("dictionary define")
		}
		if got := keyNames(f, f.OwnKeys(b, AllProperties).Value()); !equalStrings(got, []string{"x", "y", "z"}) {
			t.Fatalf("dictionary redefine moved the key: %v", got)
		}
		if f.SetProperty(b, okey(f, "y"), osmi(f, 0)) {
			t.Fatal("wrote a read-only dictionary property")
		}
	})
}

func TestAccessorProperties(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		getter, setter := f.NewPlainObject(), f.NewPlainObject() // stand-ins for functions
		for _, dict := range []bool{false, true} {
			o := build(t, f, "a")
			if dict {
				f.NormalizeProperties(o, 0)
			}
			var set heap.Handle // undefined in fast mode, a setter in dictionary mode
			wantSet := f.H.NewHandle(f.Roots.Undefined)
			if dict {
				set, wantSet = setter, setter
			}
			if !f.DefineAccessor(o, okey(f, "acc"), getter, set, AttrDontEnum) {
				t.Fatal("define accessor refused")
			}
			f.H.CollectGarbage(true)
			v, det, ok := f.GetOwnProperty(o.Value(), okey(f, "acc").Value())
			if !ok || det.Kind() != KindAccessor || det.Attributes() != AttrDontEnum {
				t.Fatalf("dict=%v: accessor details %v", dict, det)
			}
			if f.AccessorPairGetter(v) != getter.Value() || f.AccessorPairSetter(v) != wantSet.Value() {
				t.Fatal("accessor pair wrong")
			}
			if !f.Is(v, layout.AccessorPairType) || f.H.SizeOf(v.Addr()) != 12 {
				t.Fatalf("accessor pair is a %v of %d bytes", f.InstanceType(v), f.H.SizeOf(v.Addr()))
			}
			if f.SetProperty(o, okey(f, "acc"), osmi(f, 1)) {
				t.Fatal("SetProperty overwrote an accessor")
			}
			// Redefine as data.
			f.DefineProperty(o, okey(f, "acc"), osmi(f, 5), AttrNone)
			if v, det, _ := f.GetOwnProperty(o.Value(), okey(f, "acc").Value()); v != layout.Smi(5) || det.Kind() != KindData {
				t.Fatal("redefine accessor as data")
			}
		}
	})
}

func TestReconfigureRootDescriptor(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		// After SetPrototype the map is a root that owns its descriptors:
		// reconfiguring one of them copies the map.
		names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}
		o := build(t, f, names...)
		f.SetPrototype(o, f.NewPlainObject())
		before := f.H.NewHandle(f.MapOf(o.Value()))
		if !f.DefineProperty(o, okey(f, "a"), osmi(f, 5), AttrReadOnly) {
			t.Fatal("define refused")
		}
		m := f.MapOf(o.Value())
		if m == before.Value() || f.MapPrototype(m) != f.MapPrototype(before.Value()) {
			t.Fatal("reconfigure of a root descriptor")
		}
		if _, det, _ := f.GetOwnProperty(o.Value(), okey(f, "a").Value()); det.Attributes() != AttrReadOnly {
			t.Fatal("attributes not changed")
		}
		if f.DescriptorDetails(f.MapDescriptors(before.Value()), 0).Attributes() != AttrNone {
			t.Fatal("the old map changed")
		}
		for i, n := range names[1:] {
			if oget(t, f, o, n) != layout.Smi(i+1) {
				t.Fatalf("%s wrong after reconfigure (binary search)", n)
			}
		}
		if oget(t, f, o, "a") != layout.Smi(5) {
			t.Fatal("a")
		}
	})
}

func TestTransitionLimit(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		// One object takes each transition and rolls it back.
		o := f.NewPlainObject()
		for i := 0; i < maxNumberOfTransitions; i++ {
			s := f.H.OpenScope()
			k := okey(f, fmt.Sprintf("t%d", i))
			f.SetProperty(o, k, osmi(f, i))
			f.DeleteProperty(o, k)
			s.Close()
		}
		if f.MapOf(o.Value()) != f.ObjectMap() {
			t.Fatal("rollbacks did not return to the initial map")
		}
		if f.NumberOfTransitions(f.ObjectMap()) != maxNumberOfTransitions {
			t.Fatalf("%d transitions", f.NumberOfTransitions(f.ObjectMap()))
		}
		// One more key: a map outside the tree, whose object still works and
		// goes to dictionary mode when its only property is deleted.
		oset(t, f, o, "extra", osmi(f, 1))
		if f.NumberOfTransitions(f.ObjectMap()) != maxNumberOfTransitions {
			t.Fatal("transition recorded past the limit")
		}
		if _, ok := f.MapBackPointer(f.MapOf(o.Value())); ok {
			t.Fatal("unrecorded map has a back pointer")
		}
		oset(t, f, o, "more", osmi(f, 2))
		if oget(t, f, o, "extra") != layout.Smi(1) || oget(t, f, o, "more") != layout.Smi(2) {
			t.Fatal("values")
		}
		f.DeleteProperty(o, okey(f, "more"))
		if !f.HasFastProperties(o.Value()) {
			t.Fatal("deleting the last property of a chain below a detached map")
		}
		f.DeleteProperty(o, okey(f, "extra"))
		if f.HasFastProperties(o.Value()) || f.HasOwnProperty(o.Value(), okey(f, "extra").Value()) {
			t.Fatal("deleting the property of a detached map")
		}
	})
}

func BenchmarkGetPropertyFast(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	o := f.NewPlainObject()
	names := []string{"a", "b", "c", "d", "e", "f"}
	for i, n := range names {
		f.SetProperty(o, okey(f, n), osmi(f, i))
	}
	k := okey(f, "e").Value()
	ov := o.Value()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := f.GetProperty(ov, k); !ok {
			b.Fatal("missing")
		}
	}
}

func BenchmarkGetPropertyBinarySearch(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	o := f.NewJSObject(f.NewJSObjectMap(64))
	for i := 0; i < 64; i++ {
		f.SetProperty(o, okey(f, fmt.Sprintf("p%d", i)), osmi(f, i))
	}
	k := okey(f, "p40").Value()
	ov := o.Value()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := f.GetProperty(ov, k); !ok {
			b.Fatal("missing")
		}
	}
}

func BenchmarkGetPropertyDictionary(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	o := f.NewPlainObject()
	for i := 0; i < 500; i++ {
		f.SetProperty(o, okey(f, fmt.Sprintf("p%d", i)), osmi(f, i))
	}
	k := okey(f, "p250").Value()
	ov := o.Value()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := f.GetProperty(ov, k); !ok {
			b.Fatal("missing")
		}
	}
}

func BenchmarkFastPropertyAtIC(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	o := f.NewPlainObject()
	for i, n := range []string{"a", "b", "c", "d", "e", "f"} {
		f.SetProperty(o, okey(f, n), osmi(f, i))
	}
	ov := o.Value()
	cachedMap := f.MapOf(ov)
	fi, _, _ := f.LookupField(cachedMap, okey(f, "e").Value())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if f.MapOf(ov) == cachedMap {
			_ = f.FastPropertyAt(ov, fi)
		}
	}
}

func BenchmarkBuildObject(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	keys := make([]heap.Handle, 8)
	for i := range keys {
		keys[i] = okey(f, fmt.Sprintf("k%d", i))
	}
	v := osmi(f, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := f.H.OpenScope()
		o := f.NewPlainObject()
		for _, k := range keys {
			f.SetProperty(o, k, v)
		}
		s.Close()
	}
}

func TestFastPropertyLimits(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range []struct {
			inObject int
			keyed    bool
			maxFast  int // properties an object keeps in fast mode
		}{
			{4, false, 4 + 129}, // `{}` with named stores: V8's kMaxFastProperties
			{4, true, 4 + 15},   // keyed stores: kFastPropertiesSoftLimit
			{0, false, 129},
			{0, true, 15},
			{20, true, 20 + 21}, // the limit is at least the in-object count
		} {
			s := f.H.OpenScope()
			o := f.NewJSObject(f.NewJSObjectMap(tc.inObject))
			for i := 0; i <= tc.maxFast; i++ {
				k := okey(f, fmt.Sprintf("limit%d", i))
				if tc.keyed {
					f.SetKeyedProperty(o, k, osmi(f, i))
				} else {
					f.SetProperty(o, k, osmi(f, i))
				}
				if fast := f.HasFastProperties(o.Value()); fast != (i < tc.maxFast) {
					t.Fatalf("%+v: after %d properties fast = %v", tc, i+1, fast)
				}
			}
			for i := 0; i <= tc.maxFast; i++ {
				if oget(t, f, o, fmt.Sprintf("limit%d", i)) != layout.Smi(i) {
					t.Fatalf("%+v: limit%d wrong", tc, i)
				}
			}
			s.Close()
		}
	})
}
