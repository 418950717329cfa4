package objects

import (
	"fmt"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestComputeDictCapacity(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{0, 4}, {1, 4}, {2, 4}, {3, 4}, {4, 8}, {5, 8}, {6, 16}, {10, 16}, {11, 16}, {12, 32}, {100, 256}, {1000, 2048},
	} {
		if got := computeDictCapacity(tc.n); got != tc.want {
			t.Errorf("computeDictCapacity(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	for _, tc := range []struct {
		capacity, elements, deleted, add int
		want                             bool
	}{
		{4, 0, 0, 1, true}, {4, 2, 0, 1, true}, {4, 3, 0, 1, false}, {8, 4, 0, 1, true}, {8, 5, 0, 1, false},
		{16, 4, 5, 1, true}, {16, 4, 6, 1, false},
	} {
		if got := hasSufficientCapacityToAdd(tc.capacity, tc.elements, tc.deleted, tc.add); got != tc.want {
			t.Errorf("hasSufficientCapacityToAdd%v = %v", tc, got)
		}
	}
}

func TestNameDictionary(t *testing.T) {
	objectModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		d := f.newNameDictionary(0)
		if f.dictCapacity(d.Value()) != 4 || f.InstanceType(d.Value()) != layout.NameDictionaryType {
			t.Fatal("new dictionary")
		}
		if got := h.SizeOf(d.Addr()); got != uint32(8+4*(5+3*4)) {
			t.Fatalf("size %d", got)
		}
		const n = 500
		keys := f.NewFixedArray(n, heap.OldSpace)
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			k := okey(f, fmt.Sprintf("d%d", i))
			f.Set(keys.Value(), i, k.Value())
			d.Set(f.dictAdd(d, k, f.NewHeapNumber(float64(i)), newDictionaryDetails(KindData, AttrDontEnum, 0)).Value())
			s.Close()
		}
		h.CollectGarbage(true)
		dv := d.Value()
		if f.DictionaryCount(dv) != n {
			t.Fatalf("%d entries", f.DictionaryCount(dv))
		}
		for i := 0; i < n; i++ {
			e := f.DictionaryFind(dv, f.Get(keys.Value(), i))
			if e < 0 || f.NumberValue(f.DictionaryValue(dv, e)) != float64(i) {
				t.Fatalf("d%d not found", i)
			}
			det := f.DictionaryDetails(dv, e)
			if det.EnumerationIndex() != i+1 || det.Attributes() != AttrDontEnum {
				t.Fatalf("d%d details: index %d attrs %d", i, det.EnumerationIndex(), det.Attributes())
			}
		}
		// Deleted entries are skipped by lookups and reused by inserts.
		for i := 0; i < n; i += 2 {
			dv = d.Value()
			d.Set(f.dictDelete(d, f.DictionaryFind(dv, f.Get(keys.Value(), i))).Value())
		}
		dv = d.Value()
		for i := 0; i < n; i++ {
			if found := f.DictionaryFind(dv, f.Get(keys.Value(), i)) >= 0; found != (i%2 == 1) {
				t.Fatalf("d%d found %v", i, found)
			}
		}
		// Renumbering keeps the order.
		f.dictRenumber(dv)
		order := f.dictEnumerationOrder(dv)
		for j, e := range order {
			if f.DictionaryKey(dv, e) != f.Get(keys.Value(), 2*j+1) || f.DictionaryDetails(dv, e).EnumerationIndex() != j+1 {
				t.Fatalf("order after renumbering broken at %d", j)
			}
		}
		if f.dictGet(dv, dictNextEnumIndex) != n/2+1 {
			t.Fatal("next enumeration index after renumbering")
		}
	})
}
