package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestNewSymbol(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range []struct {
			name    string
			desc    func() heap.Handle
			private bool
		}{
			{"no description", func() heap.Handle { return heap.Handle{} }, false},
			{"undefined", func() heap.Handle { return f.H.NewHandle(f.Roots.Undefined) }, false},
			{"young description", func() heap.Handle { return f.NewStringFromGo("Symbol.iterator", heap.NewSpace) }, false},
			{"internalized description", func() heap.Handle { return f.InternalizeGo("описание") }, false},
			{"cons description", func() heap.Handle { return consOf(t, f, "a long description ", "in two parts") }, false},
			{"private", func() heap.Handle { return heap.Handle{} }, true},
			{"private named", func() heap.Handle { return f.NewStringFromGo("#field", heap.NewSpace) }, true},
		} {
			d := tc.desc()
			wantDesc := "undefined"
			if !d.IsNil() && f.IsString(d.Value()) {
				wantDesc = f.StringToGo(d.Value())
			}
			var s heap.Handle
			if tc.private {
				s = f.NewPrivateSymbol(d)
			} else {
				s = f.NewSymbol(d)
			}
			f.NewFixedArray(4, heap.NewSpace) // another allocation, maybe a GC
			v := s.Value()
			if !f.IsSymbol(v) || !f.IsName(v) || f.IsString(v) {
				t.Fatalf("%s: %v", tc.name, f.InstanceType(v))
			}
			if f.H.InYoungGeneration(v.Addr()) {
				t.Errorf("%s: symbol in the new space", tc.name)
			}
			if f.IsPrivateSymbol(v) != tc.private {
				t.Errorf("%s: private %v", tc.name, !tc.private)
			}
			desc := f.SymbolDescription(v)
			switch {
			case wantDesc == "undefined":
				if desc != f.Roots.Undefined {
					t.Errorf("%s: description %#x, want undefined", tc.name, uint32(desc))
				}
			case !d.IsNil() && desc != d.Value():
				t.Errorf("%s: description is not the given string", tc.name)
			case f.StringToGo(desc) != wantDesc:
				t.Errorf("%s: description %q, want %q", tc.name, f.StringToGo(desc), wantDesc)
			}
			hash := f.NameHash(v)
			if hash == 0 || hash > hashMask {
				t.Errorf("%s: hash %#x", tc.name, hash)
			}
			if raw := f.H.Field(v.Addr(), layout.NameRawHashOffset); raw.SmiValue() != int(hash) {
				t.Errorf("%s: hash field %#x, NameHash %#x", tc.name, uint32(raw), hash)
			}
		}
	})
}

func TestSymbolHashes(t *testing.T) {
	f, g := newTestFactory(t, heap.Options{}), newTestFactory(t, heap.Options{})
	sf, sg := f.H.OpenScope(), g.H.OpenScope()
	defer sf.Close()
	defer sg.Close()
	seen := map[uint32]bool{}
	const n = 10000
	for i := 0; i < n; i++ {
		a, b := f.NewSymbol(heap.Handle{}), g.NewSymbol(heap.Handle{})
		ha, hb := f.NameHash(a.Value()), g.NameHash(b.Value())
		if ha == 0 {
			t.Fatalf("symbol %d: hash 0", i)
		}
		if ha != hb {
			t.Fatalf("symbol %d: factories disagree (%#x, %#x)", i, ha, hb)
		}
		seen[ha] = true
	}
	if len(seen) < n-5 {
		t.Fatalf("only %d distinct hashes among %d symbols", len(seen), n)
	}
	// The sequence stays within the hash mask and never yields 0, even from
	// a state whose next value masks to zero.
	f.strings.symbolRandom = 1
	for i := 0; i < 100000; i++ {
		if v := f.nextSymbolHash(); v == 0 || v.SmiValue() > hashMask || v.SmiValue() <= 0 {
			t.Fatalf("step %d: hash field %#x", i, uint32(v))
		}
	}
}

func TestNameHash(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		s := f.NewStringFromGo("key", heap.NewSpace)
		if got, want := f.NameHash(s.Value()), f.StringHash(s.Value()); got != want {
			t.Errorf("string: NameHash %#x, StringHash %#x", got, want)
		}
		fresh := f.NewStringFromGo("other key", heap.OldSpace)
		if got, want := f.NameHash(fresh.Value()), f.StringHash(f.InternalizeGo("other key").Value()); got != want {
			t.Errorf("uncached string: NameHash %#x, want %#x", got, want)
		}
		sym := f.NewSymbol(s)
		if f.NameHash(sym.Value()) == f.NameHash(s.Value()) {
			t.Logf("a symbol's hash equals its description's (possible, unlikely)")
		}
	})
}
