package objects

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// everyAllocation is the oracle: an allocation observer with step 0 is told
// about every single allocation the mutator makes, in every space.
type everyAllocation struct{ bytes, count uint64 }

func (o *everyAllocation) Step(_ uint64, _ layout.Addr, size uint32) {
	o.bytes += uint64(size)
	o.count++
}
func (o *everyAllocation) NextStepSize() uint64 { return 0 }

// objectWorkload builds and drops objects of every kind the model has, keeping
// a random subset alive in an array.
func objectWorkload(f *Factory, seed uint64, steps int) {
	r := rand.New(rand.NewPCG(seed, 11))
	scope := f.H.OpenScope()
	defer scope.Close()
	keep := f.NewJSArray(0)
	for i := 0; i < steps; i++ {
		s := f.H.OpenScope()
		var v heap.Handle
		switch k := r.IntN(100); {
		case k < 30:
			v = f.NewPlainObject()
			for j := 0; j < r.IntN(12); j++ {
				f.SetProperty(v, f.InternalizeGo(fmt.Sprint("p", r.IntN(40))), f.NewNumber(float64(j)+0.5))
			}
			if r.IntN(5) == 0 {
				f.DeleteProperty(v, f.InternalizeGo(fmt.Sprint("p", r.IntN(40))))
			}
		case k < 55:
			a := f.NewStringFromGo(strings.Repeat("ab", r.IntN(50)), heap.NewSpace)
			b := f.NewStringFromGo(strings.Repeat("é€", r.IntN(50)), heap.NewSpace)
			c, err := f.NewConsString(a, b)
			if err != nil {
				panic(err)
			}
			v = f.Flatten(c)
			if r.IntN(4) == 0 {
				v = f.Internalize(v)
			}
		case k < 75:
			v = f.NewJSArray(r.IntN(8))
			for j := 0; j < r.IntN(40); j++ {
				f.ArrayPush(v, f.NewHeapNumber(float64(j)))
			}
		case k < 90:
			sfi := f.NewSharedFunctionInfo(f.InternalizeGo("fn"), heap.Handle{}, 0, 10, i, 1)
			code := make([]byte, r.IntN(300))
			ba := f.NewBytecodeArray(code, 8, 2, f.NewFixedArray(r.IntN(5), heap.OldSpace))
			f.SetSharedBytecode(sfi.Value(), ba.Value())
			v = f.NewFeedbackVector(sfi, r.IntN(10), heap.Handle{})
		case k < 99:
			v = f.NewFixedArray(r.IntN(2000), heap.NewSpace)
		default:
			v = f.NewStringFromGo(strings.Repeat("x", 130<<10+r.IntN(100000)), heap.NewSpace)
		}
		if r.IntN(3) == 0 {
			f.SetElement(keep, uint32(r.IntN(256)), v)
		}
		s.Close()
		if r.IntN(2000) == 0 {
			f.H.CollectGarbage(r.IntN(2) == 0)
		}
	}
}

// TestTotalAllocatedBytesMatchesOracle runs the object model's whole range of
// allocations through many GCs and compares the heap's LAB-based counter with
// the observer that counts every allocation.
func TestTotalAllocatedBytesMatchesOracle(t *testing.T) {
	for _, c := range []struct {
		name  string
		opts  heap.Options
		steps int
	}{{"verify", heap.Options{}, 20000}, {"stress", heap.Options{GCStressEvery: 97}, 4000}} {
		t.Run(c.name, func(t *testing.T) {
			f := newTestFactory(t, c.opts)
			o := &everyAllocation{}
			f.H.AddAllocationObserver(o)
			start := f.H.TotalAllocatedBytes()
			objectWorkload(f, 5, c.steps)
			got := f.H.TotalAllocatedBytes() - start
			sc, full := f.H.GCCount()
			if got != o.bytes {
				t.Fatalf("counter %d bytes, oracle %d (diff %d) over %d allocations", got, o.bytes, int64(got)-int64(o.bytes), o.count)
			}
			if sc+full < 10 {
				t.Fatalf("only %d GCs", sc+full)
			}
			t.Logf("%d allocations, %d bytes, exact over %d scavenges and %d full GCs", o.count, got, sc, full)
		})
	}
}
