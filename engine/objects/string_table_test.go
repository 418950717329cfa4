package objects

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestInternalizeSameObject(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range textCases {
			u := units(tc.s)
			in := f.InternalizeGo(tc.s)
			v := in.Value()
			if !f.IsInternalized(v) {
				t.Fatalf("%s: InternalizeGo gave %v", tc.name, f.InstanceType(v))
			}
			if f.H.InYoungGeneration(v.Addr()) || f.H.InReadOnlySpace(v.Addr()) {
				t.Errorf("%s: internalized string is not in the old generation", tc.name)
			}
			if f.IsOneByteString(v) != tc.oneByte {
				t.Errorf("%s: internalized one-byte %v, want %v", tc.name, !tc.oneByte, tc.oneByte)
			}
			if f.H.Field(v.Addr(), layout.NameRawHashOffset) == 0 {
				t.Errorf("%s: hash not computed", tc.name)
			}
			checkText(t, f, in.Value(), u)
			others := map[string]heap.Handle{
				"go again":        f.InternalizeGo(tc.s),
				"utf16":           f.InternalizeUTF16(u),
				"young seq":       f.Internalize(f.NewStringFromGo(tc.s, heap.NewSpace)),
				"old seq":         f.Internalize(f.NewStringFromGo(tc.s, heap.OldSpace)),
				"two-byte":        f.Internalize(newTwoByte(f, u, heap.NewSpace)),
				"itself":          f.Internalize(in),
				"one-byte of two": f.Internalize(f.NewStringFromUTF16(u, heap.NewSpace)),
			}
			if len(u) >= 2 {
				c, err := f.NewConsString(f.NewStringFromUTF16(u[:1], heap.NewSpace), newTwoByte(f, u[1:], heap.NewSpace))
				if err != nil {
					t.Fatal(err)
				}
				others["cons"] = f.Internalize(c)
				twice, _ := f.NewConsString(c, c)
				if got, want := f.Internalize(twice), f.InternalizeGo(tc.s+tc.s); got.Value() != want.Value() {
					t.Errorf("%s: cons of cons internalized to %#x, not %#x", tc.name, uint32(got.Value()), uint32(want.Value()))
				}
			}
			for name, o := range others {
				if o.Value() != in.Value() {
					t.Errorf("%s: %s is %#x, not %#x", tc.name, name, uint32(o.Value()), uint32(in.Value()))
				}
			}
		}
	})
}

func TestInternalizeDistinct(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		n := 5000
		if isStress(t) {
			n = 500
		}
		before := f.StringTableCount()
		all := f.NewFixedArray(n, heap.OldSpace)
		for i := 0; i < n; i++ {
			s := f.H.OpenScope()
			text := fmt.Sprintf("key%d", i)
			if i%3 == 0 {
				text = fmt.Sprintf("ключ%d", i)
			}
			v := f.InternalizeGo(text).Value() // before all.Value(): it may move all
			f.Set(all.Value(), i, v)
			s.Close()
		}
		if got := f.StringTableCount() - before; got != n {
			t.Fatalf("table grew by %d, want %d", got, n)
		}
		for i := 0; i < n; i++ {
			s := f.H.OpenScope()
			text := fmt.Sprintf("key%d", i)
			if i%3 == 0 {
				text = fmt.Sprintf("ключ%d", i)
			}
			if got := f.Internalize(f.NewStringFromGo(text, heap.NewSpace)); got.Value() != f.Get(all.Value(), i) {
				t.Fatalf("%q interned twice", text)
			}
			s.Close()
		}
		if got := f.StringTableCount() - before; got != n {
			t.Fatalf("table grew by %d on lookups", got-n)
		}
	})
}

func TestInternalizeReadOnlyStrings(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		r := &f.Roots
		count := f.StringTableCount()
		for _, tc := range []struct {
			text string
			want layout.Value
		}{
			{"", r.EmptyString},
			{"undefined", f.H.Field(r.Undefined.Addr(), layout.OddballToStringOffset)},
			{"null", f.H.Field(r.Null.Addr(), layout.OddballToStringOffset)},
			{"true", f.H.Field(r.True.Addr(), layout.OddballToStringOffset)},
			{"false", f.H.Field(r.False.Addr(), layout.OddballToStringOffset)},
			{"object", f.H.Field(r.Null.Addr(), layout.OddballTypeOfOffset)},
			{"boolean", 0},
			{"hole", 0},
		} {
			got := f.InternalizeGo(tc.text).Value()
			if !f.H.InReadOnlySpace(got.Addr()) {
				t.Errorf("%q: not the read-only string", tc.text)
			}
			if tc.want != 0 && got != tc.want {
				t.Errorf("%q: %#x, want the root %#x", tc.text, uint32(got), uint32(tc.want))
			}
			if f.Internalize(f.NewStringFromGo(tc.text+"", heap.NewSpace)).Value() != got {
				t.Errorf("%q: Internalize and InternalizeGo disagree", tc.text)
			}
		}
		f.H.CollectGarbage(true)
		f.H.CollectGarbage(false)
		if f.StringTableCount() != count {
			t.Errorf("table count changed from %d to %d", count, f.StringTableCount())
		}
		for _, v := range f.strings.readOnly {
			if !f.IsInternalized(f.InternalizeGo(f.StringToGo(v)).Value()) {
				t.Errorf("%q lost", f.StringToGo(v))
			}
		}
	})
}

// TestStringTableWeak interns strings, drops them, collects, and checks that
// the table forgot them, while strings kept in handles stay findable after
// they move.
func TestStringTableWeak(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		n := 2000
		if isStress(t) {
			n = 300
		}
		base := f.StringTableCount()
		const keep = 10
		kept := make([]heap.Handle, 0, keep)
		addrs := make([]layout.Value, 0, keep)
		dropped := h.OpenScope()
		for i := 0; i < n; i++ {
			s := f.InternalizeGo(fmt.Sprintf("weak-%d-%s", i, strings.Repeat("z", i%50)))
			if i%(n/keep) == 0 {
				kept = append(kept, s)
			}
		}
		if got := f.StringTableCount(); got < base+keep || (!isStress(t) && got != base+n) {
			t.Fatalf("table has %d strings after interning %d over %d", got, n, base)
		}
		// Keep a few in handles of the outer scope; drop the rest.
		outer := make([]heap.Handle, 0, keep)
		vals := make([]layout.Value, 0, keep)
		for _, k := range kept {
			vals = append(vals, k.Value())
		}
		dropped.Close()
		for _, v := range vals {
			outer = append(outer, h.NewHandle(v))
			addrs = append(addrs, v)
		}
		h.CollectGarbage(true)
		h.CollectGarbage(false)
		h.CollectGarbage(true)
		if got := f.StringTableCount(); got != base+keep {
			t.Fatalf("table has %d strings after GC, want %d", got, base+keep)
		}
		moved := 0
		for i, k := range outer {
			if k.Value() != addrs[i] {
				moved++
			}
			text := f.StringToGo(k.Value())
			if got := f.InternalizeGo(text); got.Value() != k.Value() {
				t.Fatalf("%q: kept string not found after GC", text)
			}
			if got := f.Internalize(f.NewStringFromGo(text, heap.NewSpace)); got.Value() != k.Value() {
				t.Fatalf("%q: kept string not found from a heap string", text)
			}
		}
		if moved == 0 && !isStress(t) {
			t.Errorf("no kept string moved; the test does not cover moving")
		}
		// A dropped text comes back as a new string.
		s := f.InternalizeGo(fmt.Sprintf("weak-%d-%s", 1, strings.Repeat("z", 1)))
		if got := f.StringTableCount(); got != base+keep+1 {
			t.Fatalf("table has %d strings after re-interning, want %d", got, base+keep+1)
		}
		if !f.IsInternalized(s.Value()) || f.StringToGo(s.Value()) != "weak-1-z" {
			t.Fatalf("re-interned %q", f.StringToGo(s.Value()))
		}
		t.Logf("%d of %d kept strings moved; table capacity %d", moved, keep, len(f.strings.table.entries))
	})
}

func TestStringTableShrinksAndRegrows(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	h := f.H
	base := f.StringTableCount()
	for round := 0; round < 3; round++ {
		s := h.OpenScope()
		for i := 0; i < 20000; i++ {
			f.InternalizeGo(fmt.Sprintf("r%d-%d", round, i))
		}
		if got := f.StringTableCount(); got != base+20000 {
			t.Fatalf("round %d: %d strings", round, got)
		}
		s.Close()
		h.CollectGarbage(true)
		if got := f.StringTableCount(); got != base {
			t.Fatalf("round %d: %d strings after GC, want %d", round, got, base)
		}
		if c := len(f.strings.table.entries); c > 4*tableMinCap {
			t.Fatalf("round %d: table kept capacity %d for %d strings", round, c, base)
		}
	}
}

func TestIsInternalized(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	for _, tc := range []struct {
		name string
		v    heap.Handle
		want bool
	}{
		{"smi", f.Handle(layout.Smi(3)), false},
		{"undefined", f.Handle(f.Roots.Undefined), false},
		{"empty string", f.Handle(f.Roots.EmptyString), true},
		{"seq", f.NewStringFromGo("abc", heap.NewSpace), false},
		{"interned", f.InternalizeGo("abc"), true},
		{"interned two-byte", f.InternalizeGo("абв"), true},
		{"symbol", f.NewSymbol(heap.Handle{}), false},
	} {
		if got := f.IsInternalized(tc.v.Value()); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func BenchmarkInternalizeGoHit(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = fmt.Sprintf("property%d", i)
		f.InternalizeGo(keys[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := f.H.OpenScope()
		f.InternalizeGo(keys[i%len(keys)])
		s.Close()
	}
}

func BenchmarkCharCodeAtFlat(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	v := f.NewStringFromGo(strings.Repeat("abcdefgh", 128), heap.NewSpace).Value()
	b.ResetTimer()
	var sum uint16
	for i := 0; i < b.N; i++ {
		sum += f.CharCodeAt(v, i&1023)
	}
	_ = sum
}

// TestReadOnlyStringsUnique checks that bootstrap made one read-only string
// per text: an internalized string outside the table would break comparing
// property keys by identity.
func TestReadOnlyStringsUnique(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	seen := map[string]layout.Value{}
	var dups []string
	for _, v := range f.strings.readOnly {
		text := f.StringToGo(v)
		if w, ok := seen[text]; ok && w != v {
			dups = append(dups, text)
			continue
		}
		seen[text] = v
	}
	if len(dups) > 0 {
		t.Fatalf("bootstrap made duplicate internalized strings %q", dups)
	}
	scope := f.H.OpenScope()
	defer scope.Close()
	for _, odd := range []layout.Value{f.Roots.Undefined, f.Roots.TheHole} {
		if typeOf := f.H.Field(odd.Addr(), layout.OddballTypeOfOffset); typeOf != f.InternalizeGo("undefined").Value() {
			t.Fatal("an oddball's typeof string is not the table's \"undefined\"")
		}
	}
}
