package heap

import (
	"fmt"
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

// idleObserver never steps in practice: its step is far beyond any run.
type idleObserver struct{ step uint64 }

func (o idleObserver) Step(uint64, layout.Addr, uint32) {}
func (o idleObserver) NextStepSize() uint64             { return o.step }

// BenchmarkAllocateYoung measures the LAB fast path: a 16-byte array (map
// and length written) per op, all garbage. Sub-benchmarks add an observer
// with a huge step (the idle slot: must cost nothing), and with the sampling
// heap profiler's default 32 KiB and a 512 KiB step.
func BenchmarkAllocateYoung(b *testing.B) {
	for _, c := range []struct {
		name string
		step uint64
	}{{"none", 0}, {"idle-observer", 1 << 50}, {"observer-512KiB", 512 << 10}, {"observer-32KiB", 32 << 10}} {
		b.Run(c.name, func(b *testing.B) {
			th := newTestHeap(b, Options{})
			if c.step > 0 {
				th.AddAllocationObserver(idleObserver{c.step})
			}
			m := th.arrayMap
			h := th.Heap
			b.SetBytes(16)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a := h.AllocateYoung(16)
				h.SetField(a, layout.MapOffset, m)
				h.SetField(a, layout.FixedArrayLengthOffset, layout.Smi(2))
				h.SetField(a, 8, layout.Smi(0))
				h.SetField(a, 12, layout.Smi(0))
			}
		})
	}
}

// liveList builds a list of n 32-byte nodes in space s, reachable from the
// returned handle: 32n bytes of live data full of pointers.
func liveList(th *testHeap, s Space, n int) Handle {
	list := th.NewHandle(layout.Smi(0))
	for i := 0; i < n; i++ {
		a := th.Allocate(s, arraySize(6))
		th.SetField(a, layout.MapOffset, th.arrayMap)
		th.SetField(a, layout.FixedArrayLengthOffset, layout.Smi(6))
		th.SetField(a, layout.FixedArrayHeaderSize, list.Value())
		for off := uint32(layout.FixedArrayHeaderSize + 4); off < arraySize(6); off += 4 {
			th.SetField(a, off, layout.Smi(i))
		}
		list.Set(a.Value())
	}
	return list
}

// BenchmarkScavenge measures copying throughput: each op scavenges a new
// space holding 4 MiB of live, first-time survivors (copied, not promoted).
func BenchmarkScavenge(b *testing.B) {
	const live = 4 << 20
	forObservers(b, func(b *testing.B, th *testHeap) {
		th.newSpace.capacity = 16 << 20
		b.SetBytes(live)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			th.CollectGarbage(true) // empty the new space
			scope := th.OpenScope()
			liveList(th, NewSpace, live/32)
			b.StartTimer()
			th.CollectGarbage(false)
			b.StopTimer()
			scope.Close()
			b.StartTimer()
		}
	})
}

// forObservers runs a GC benchmark on a fresh heap without and with an
// allocation observer (the sampling heap profiler's 32 KiB step) installed.
func forObservers(b *testing.B, run func(b *testing.B, th *testHeap)) {
	for _, step := range []uint64{0, 32 << 10} {
		name := "no-observer"
		if step > 0 {
			name = "observer-32KiB"
		}
		b.Run(name, func(b *testing.B) {
			th := newTestHeap(b, Options{MaxSemiSpaceMiB: 16})
			if step > 0 {
				th.AddAllocationObserver(idleObserver{step})
			}
			run(b, th)
		})
	}
}

// BenchmarkFullGC measures mark-sweep throughput over a dense old generation
// (nothing to compact), and mark-compact throughput over one where 9 objects
// in 10 died (every page evacuated).
func BenchmarkFullGC(b *testing.B) {
	for _, mb := range []int{32} {
		b.Run(fmt.Sprintf("mark-sweep-%dMiB", mb), func(b *testing.B) {
			forObservers(b, func(b *testing.B, th *testHeap) {
				scope := th.OpenScope()
				defer scope.Close()
				liveList(th, OldSpace, mb<<20/32)
				th.CollectGarbage(true)
				b.SetBytes(int64(mb) << 20)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					th.CollectGarbage(true)
				}
			})
		})
		b.Run(fmt.Sprintf("mark-compact-%dMiB", mb), func(b *testing.B) {
			forObservers(b, func(b *testing.B, th *testHeap) { benchCompaction(b, th, mb) })
		})
	}
}

// benchCompaction times full GCs of an old generation of mb MiB where 9
// objects in 10 died, so every page is evacuated.
func benchCompaction(b *testing.B, th *testHeap, mb int) {
	b.SetBytes(int64(mb) << 20 / 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		scope := th.OpenScope()
		keep := th.NewHandle(layout.Smi(0))
		for j := 0; j < mb<<20/32; j++ {
			a := th.Allocate(OldSpace, arraySize(6))
			th.SetField(a, layout.MapOffset, th.arrayMap)
			th.SetField(a, layout.FixedArrayLengthOffset, layout.Smi(6))
			for off := uint32(layout.FixedArrayHeaderSize); off < arraySize(6); off += 4 {
				th.SetField(a, off, layout.Smi(j))
			}
			if j%10 == 0 {
				th.SetField(a, layout.FixedArrayHeaderSize, keep.Value())
				keep.Set(a.Value())
			}
		}
		b.StartTimer()
		th.CollectGarbage(true)
		b.StopTimer()
		scope.Close()
		th.CollectGarbage(true)
		b.StartTimer()
	}
}
