package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestFeedbackCell(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		cell := f.NewFeedbackCell(heap.Handle{})
		v := cell.Value()
		if got := f.InstanceType(v); got != layout.FeedbackCellType {
			t.Fatalf("feedback cell is %v", got)
		}
		checkSize(t, f, "FeedbackCell", v, layout.FeedbackCellSize)
		if h.InYoungGeneration(v.Addr()) {
			t.Errorf("feedback cell is in the new space")
		}
		if f.FeedbackCellValue(v) != f.Roots.Undefined {
			t.Errorf("empty cell holds %#x", f.FeedbackCellValue(v))
		}
		if got := f.FeedbackCellInterruptBudget(v); got != InitialInterruptBudget {
			t.Errorf("budget %d", got)
		}
		f.SetFeedbackCellInterruptBudget(v, -5)
		sfi := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
		fv := f.NewFeedbackVector(sfi, 0, heap.Handle{})
		f.SetFeedbackCellValue(cell.Value(), fv.Value())
		h.CollectGarbage(true)
		if f.FeedbackCellValue(cell.Value()) != fv.Value() || f.FeedbackCellInterruptBudget(cell.Value()) != -5 {
			t.Errorf("cell fields did not stick")
		}
		full := f.NewFeedbackCell(fv)
		if f.FeedbackCellValue(full.Value()) != fv.Value() {
			t.Errorf("NewFeedbackCell(vector) does not hold the vector")
		}
	})
}

func TestFeedbackVector(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		sfi := f.NewSharedFunctionInfo(f.InternalizeGo("g"), heap.Handle{}, 0, 0, 0, 0)
		cells := f.NewClosureFeedbackCellArray(3)
		fv := f.NewFeedbackVector(sfi, 5, cells)

		v := fv.Value()
		if got := f.InstanceType(v); got != layout.FeedbackVectorType {
			t.Fatalf("feedback vector is %v", got)
		}
		checkSize(t, f, "FeedbackVector", v, layout.FeedbackVectorHeaderSize+5*layout.TaggedSize)
		if h.InYoungGeneration(v.Addr()) {
			t.Errorf("feedback vector is in the new space")
		}
		if f.FeedbackVectorLength(v) != 5 {
			t.Errorf("length %d", f.FeedbackVectorLength(v))
		}
		if f.FeedbackVectorShared(v) != sfi.Value() {
			t.Errorf("shared not set")
		}
		if f.InvocationCount(v) != 0 || f.ProfilerTicks(v) != 0 || f.FeedbackVectorFlags(v) != 0 {
			t.Errorf("counters do not start at zero")
		}
		for i := 0; i < 5; i++ {
			if f.FeedbackSlot(v, i) != f.UninitializedFeedback() {
				t.Errorf("slot %d starts as %#x", i, f.FeedbackSlot(v, i))
			}
		}
		cv := f.ClosureFeedbackCells(v)
		if cv != cells.Value() || f.Length(cv) != 3 {
			t.Fatalf("closure feedback cells not set")
		}
		for i := 0; i < 3; i++ {
			c := f.Get(cv, i)
			if !f.Is(c, layout.FeedbackCellType) || f.FeedbackCellValue(c) != f.Roots.Undefined {
				t.Errorf("closure feedback cell %d is wrong", i)
			}
			if i > 0 && c == f.Get(cv, i-1) {
				t.Errorf("closure feedback cells %d and %d are the same cell", i-1, i)
			}
		}

		// A young object stored in an old vector is remembered: it
		// survives a scavenge and the verifier finds the slot recorded.
		// The vector is then the number's only holder.
		scope2 := h.OpenScope()
		num := f.NewHeapNumber(2.25)
		f.SetFeedbackSlot(fv.Value(), 4, num.Value())
		f.SetFeedbackSlot(fv.Value(), 0, layout.Smi(17))
		f.SetProfilerTicks(fv.Value(), 3)
		f.SetFeedbackVectorFlags(fv.Value(), 0x5)
		for i := 0; i < 100; i++ {
			f.NewFixedArray(16, heap.NewSpace)
		}
		scope2.Close()
		h.CollectGarbage(false)
		h.CollectGarbage(false)
		v = fv.Value()
		if got := f.NumberValue(f.FeedbackSlot(v, 4)); got != 2.25 {
			t.Errorf("slot 4 holds %v", got)
		}
		if f.FeedbackSlot(v, 0) != layout.Smi(17) || f.ProfilerTicks(v) != 3 || f.FeedbackVectorFlags(v) != 5 {
			t.Errorf("fields did not stick")
		}

		empty := f.NewFeedbackVector(sfi, 0, heap.Handle{})
		checkSize(t, f, "empty FeedbackVector", empty.Value(), layout.FeedbackVectorHeaderSize)
		if f.ClosureFeedbackCells(empty.Value()) != f.Roots.EmptyFixedArray {
			t.Errorf("closure feedback cells do not default to the empty array")
		}
		if f.NewClosureFeedbackCellArray(0).Value() != f.Roots.EmptyFixedArray {
			t.Errorf("no closure feedback cells is not the empty array")
		}
	})
}

func TestInvocationCount(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	sfi := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
	fv := f.NewFeedbackVector(sfi, 1, heap.Handle{})
	for i := 0; i < 100000; i++ {
		f.IncrementInvocationCount(fv.Value())
	}
	if got := f.InvocationCount(fv.Value()); got != 100000 {
		t.Fatalf("invocation count %d", got)
	}
	f.H.CollectGarbage(true)
	f.IncrementInvocationCount(fv.Value())
	if got := f.InvocationCount(fv.Value()); got != 100001 {
		t.Fatalf("invocation count after GC %d", got)
	}
	f.SetInvocationCount(fv.Value(), 0)
	if got := f.InvocationCount(fv.Value()); got != 0 {
		t.Fatalf("reset invocation count %d", got)
	}
	f.SetInvocationCount(fv.Value(), layout.SmiMax-1)
	for i := 0; i < 3; i++ {
		f.IncrementInvocationCount(fv.Value())
	}
	if got := f.InvocationCount(fv.Value()); got != layout.SmiMax {
		t.Fatalf("invocation count does not saturate: %d", got)
	}
}

// BenchmarkIncrementInvocationCount measures the interpreter's per-call
// count. Budget: 0 allocs/op, a few instructions.
func BenchmarkIncrementInvocationCount(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	sfi := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
	fv := f.NewFeedbackVector(sfi, 1, heap.Handle{}).Value()
	b.ReportAllocs()
	for b.Loop() {
		f.IncrementInvocationCount(fv)
	}
}
