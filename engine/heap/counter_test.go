package heap

import (
	"math/rand/v2"
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

// oracle is an allocation observer with step 0: every allocation in every
// space takes the slow path and is reported to it, so it counts each single
// allocation the mutator makes.
type oracle struct {
	bytes, count uint64
}

func (o *oracle) Step(_ uint64, _ layout.Addr, size uint32) { o.bytes += uint64(size); o.count++ }
func (o *oracle) NextStepSize() uint64                      { return 0 }

// workload allocates a varied mix (young and old, small and large, live and
// dead, code-space byte arrays) and returns the bytes it asked for.
func workload(th *testHeap, seed uint64, steps int) uint64 {
	r := rand.New(rand.NewPCG(seed, 7))
	scope := th.OpenScope()
	defer scope.Close()
	root := th.array(OldSpace, 128)
	asked := uint64(arraySize(128))
	for i := 0; i < steps; i++ {
		s := th.OpenScope()
		var obj Handle
		switch k := r.IntN(100); {
		case k < 50:
			n := r.IntN(12)
			obj = th.array(NewSpace, n)
			asked += uint64(arraySize(n))
		case k < 70:
			obj = th.number(NewSpace, float64(i))
			asked += layout.HeapNumberSize
		case k < 85:
			n := r.IntN(2000)
			obj = th.bytes(OldSpace, n, 1)
			asked += uint64(bytesSize(n))
		case k < 95:
			n := r.IntN(600)
			obj = th.bytes(CodeSpace, n, 2)
			asked += uint64(bytesSize(n))
		case k < 99:
			n := r.IntN(8000)
			obj = th.array(NewSpace, n)
			asked += uint64(arraySize(n))
		default:
			n := MaxRegularObjectSize + r.IntN(400000)
			obj = th.bytes(NewSpace, n, 3)
			asked += uint64(bytesSize(n))
		}
		if r.IntN(3) == 0 {
			th.set(root.Value(), r.IntN(128), obj.Value())
		}
		s.Close()
		if r.IntN(5000) == 0 {
			th.CollectGarbage(r.IntN(2) == 0)
		}
	}
	return asked
}

// TestTotalAllocatedBytesIsExact compares the LAB-based counter with two
// oracles: the bytes the workload asked for (fast path untouched), and the
// step-0 observer that sees every allocation.
func TestTotalAllocatedBytesIsExact(t *testing.T) {
	for _, m := range testModes {
		t.Run(m.name, func(t *testing.T) {
			th := newTestHeap(t, m.opts)
			steps := 60000
			if m.opts.GCStressEvery > 0 {
				steps = 15000
			}
			start := th.TotalAllocatedBytes()
			asked := workload(th, 1, steps)
			got := th.TotalAllocatedBytes() - start
			sc, full := th.GCCount()
			if got != asked {
				t.Fatalf("counter says %d bytes, the workload asked for %d (diff %d) over %d scavenges, %d full GCs",
					got, asked, int64(got)-int64(asked), sc, full)
			}
			if sc+full < 10 {
				t.Fatalf("only %d GCs: the workload must span many", sc+full)
			}

			o := &oracle{}
			th.AddAllocationObserver(o)
			start = th.TotalAllocatedBytes()
			asked = workload(th, 2, steps)
			got = th.TotalAllocatedBytes() - start
			th.RemoveAllocationObserver(o)
			if got != asked || o.bytes != asked {
				t.Fatalf("counter %d, observer oracle %d (%d allocations), workload %d", got, o.bytes, o.count, asked)
			}
			sc, full = th.GCCount()
			t.Logf("exact over %d scavenges and %d full GCs in all", sc, full)
		})
	}
}

// stepRecorder records every notification.
type stepRecorder struct {
	step  uint64
	steps []recordedStep
}

type recordedStep struct {
	since uint64
	size  uint32
}

func (s *stepRecorder) Step(since uint64, _ layout.Addr, size uint32) {
	s.steps = append(s.steps, recordedStep{since, size})
}
func (s *stepRecorder) NextStepSize() uint64 { return s.step }

// TestObserverStepsLandOnTheRightBytes checks the notifications against a
// model of the rule: a space's observer with step S is notified by the
// allocation whose end passes its next step; the next step is S bytes after
// that allocation's end.
func TestObserverStepsLandOnTheRightBytes(t *testing.T) {
	for _, step := range []uint64{1, 100, 4096, 100000} {
		th := newTestHeap(t, Options{VerifyHeap: true})
		rec := &stepRecorder{step: step}
		th.AddAllocationObserver(rec)
		r := rand.New(rand.NewPCG(step, 3))
		var want []recordedStep
		var counted, prev uint64
		next := step
		scope := th.OpenScope()
		for i := 0; i < 20000; i++ {
			s := th.OpenScope()
			n := r.IntN(40)
			size := uint64(arraySize(n))
			if counted+size > next {
				want = append(want, recordedStep{counted - prev, uint32(size)})
				prev = counted
				next = counted + size + step
			}
			counted += size
			th.array(NewSpace, n)
			s.Close()
			if i%4000 == 0 {
				th.CollectGarbage(i%8000 == 0)
			}
		}
		scope.Close()
		if len(rec.steps) != len(want) {
			t.Fatalf("step %d: %d notifications, want %d", step, len(rec.steps), len(want))
		}
		for i := range want {
			if rec.steps[i] != want[i] {
				t.Fatalf("step %d: notification %d = %+v, want %+v", step, i, rec.steps[i], want[i])
			}
		}
		th.RemoveAllocationObserver(rec)
		if th.newAlloc.lab.limit != th.newAlloc.lab.end {
			t.Fatal("LAB limit still lowered after the observer left")
		}
	}
}

// TestObserverPerSpace checks that each space counts its own bytes.
func TestObserverPerSpace(t *testing.T) {
	th := newTestHeap(t, Options{})
	rec := &stepRecorder{step: 1000}
	th.AddAllocationObserver(rec)
	scope := th.OpenScope()
	defer scope.Close()
	for i := 0; i < 99; i++ {
		th.array(OldSpace, 8) // 40 bytes: 3960 in old space, 3 steps
	}
	if len(rec.steps) != 3 {
		t.Fatalf("%d steps in old space, want 3", len(rec.steps))
	}
	th.bytes(OldSpace, 200000, 0)
	if len(rec.steps) != 4 || rec.steps[3].size != bytesSize(200000) {
		t.Fatalf("large object not observed: %+v", rec.steps)
	}
}
