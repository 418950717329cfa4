package objects

import (
	"math/big"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// TestBigIntsSurviveGC makes BigInts of several sizes and signs (one past
// the regular object size, so in the large-object space), keeps them in
// handles through scavenges and compacting full GCs with garbage in
// between, and checks their values, sizes and equality after each.
func TestBigIntsSurviveGC(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(3), 8*heap.MaxRegularObjectSize)
	values := []*big.Int{new(big.Int), big.NewInt(1), big.NewInt(-1), new(big.Int).Lsh(big.NewInt(1), 64),
		new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(5), 200)), huge}
	for _, opts := range []heap.Options{{}, {GCStressEvery: 3, StressCompaction: true}} {
		f := newTestFactory(t, opts)
		h := f.H
		scope := h.OpenScope()
		var hs []heap.Handle
		for _, x := range values {
			hs = append(hs, f.NewBigInt(x))
			f.NewFixedArray(50, heap.NewSpace) // garbage
		}
		check := func(when string) {
			t.Helper()
			for i, x := range values {
				v := hs[i].Value()
				if !f.IsBigInt(v) || f.InstanceType(v) != layout.BigIntType {
					t.Fatalf("%s: value %d is not a BigInt", when, i)
				}
				if got := f.BigIntValue(v); got.Cmp(x) != 0 {
					t.Errorf("%s: value %d reads %v", when, i, got)
				}
				if got, want := f.BigIntSign(v), x.Sign(); got != want {
					t.Errorf("%s: value %d sign %d, want %d", when, i, got, want)
				}
				digits := (x.BitLen() + 63) / 64
				checkSize(t, f, "BigInt", v, layout.BigIntHeaderSize+8*digits)
				again := f.NewBigInt(x)
				if !f.BigIntEquals(hs[i].Value(), again.Value()) {
					t.Errorf("%s: value %d not equal to a copy", when, i)
				}
				if i > 0 && f.BigIntEquals(hs[i].Value(), hs[i-1].Value()) {
					t.Errorf("%s: values %d and %d equal", when, i-1, i)
				}
			}
		}
		check("new")
		h.CollectGarbage(false)
		check("after a scavenge")
		h.CollectGarbage(true)
		h.CollectGarbage(true)
		check("after full GCs")
		if err := h.Verify(); err != nil {
			t.Fatal(err)
		}
		scope.Close()
	}
}
