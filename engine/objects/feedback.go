package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// InitialInterruptBudget is a new feedback cell's interrupt budget: what the
// interpreter may spend (in bytecode size units of calls and back-edges)
// before it checks whether the function is hot. V8's --interrupt-budget.
const InitialInterruptBudget = 132 << 10

// NewFeedbackCell allocates, in the old space, a closure's link to its
// feedback vector. value is the FeedbackVector, or a nil handle for none yet
// (undefined: vectors may be allocated lazily). Every closure created from
// the same literal in the same outer closure shares the cell, so they share
// the vector and its invocation count.
func (f *Factory) NewFeedbackCell(value heap.Handle) heap.Handle {
	h := f.H
	a := h.Allocate(heap.OldSpace, layout.FeedbackCellSize)
	h.SetField(a, layout.MapOffset, f.Roots.FeedbackCellMap)
	h.SetField(a, layout.FeedbackCellValueOffset, valueOr(value, f.Roots.Undefined))
	h.SetField(a, layout.FeedbackCellInterruptBudgetOffset, layout.Smi(InitialInterruptBudget))
	return h.HandleAddr(a)
}

// FeedbackCellValue returns the cell's FeedbackVector, or undefined.
func (f *Factory) FeedbackCellValue(cell layout.Value) layout.Value {
	return f.H.Field(cell.Addr(), layout.FeedbackCellValueOffset)
}

// SetFeedbackCellValue installs the cell's FeedbackVector (or undefined).
func (f *Factory) SetFeedbackCellValue(cell, v layout.Value) {
	f.H.SetField(cell.Addr(), layout.FeedbackCellValueOffset, v)
}

// FeedbackCellInterruptBudget returns what is left of the cell's budget.
func (f *Factory) FeedbackCellInterruptBudget(cell layout.Value) int {
	return f.H.Field(cell.Addr(), layout.FeedbackCellInterruptBudgetOffset).SmiValue()
}

// SetFeedbackCellInterruptBudget sets the cell's budget.
func (f *Factory) SetFeedbackCellInterruptBudget(cell layout.Value, budget int) {
	f.H.SetField(cell.Addr(), layout.FeedbackCellInterruptBudgetOffset, layout.Smi(budget))
}

// NewClosureFeedbackCellArray allocates, in the old space, a FixedArray of n
// fresh feedback cells: one per function literal nested in a function, handed
// to the closures its CreateClosure bytecodes make.
func (f *Factory) NewClosureFeedbackCellArray(n int) heap.Handle {
	if n == 0 {
		return f.H.NewHandle(f.Roots.EmptyFixedArray)
	}
	arr := f.NewFixedArray(n, heap.OldSpace)
	for i := 0; i < n; i++ {
		scope := f.H.OpenScope()
		cell := f.NewFeedbackCell(heap.Handle{})
		f.Set(arr.Value(), i, cell.Value())
		scope.Close()
	}
	return arr
}

// UninitializedFeedback returns the value every feedback slot starts with:
// undefined, standing for V8's uninitialized sentinel. Undefined never occurs
// as real feedback (slots hold maps, cells, Smi counts or weak references),
// so inline caches read it as "no feedback yet".
func (f *Factory) UninitializedFeedback() layout.Value { return f.Roots.Undefined }

// NewFeedbackVector allocates, in the old space, the feedback of one closure
// family: slotCount inline-cache slots, all uninitialized; shared, its
// SharedFunctionInfo; closureFeedbackCells, the FixedArray of feedback cells
// for the function literals nested in it (nil handle: the empty array). The
// invocation count, profiler ticks and flags start at zero.
func (f *Factory) NewFeedbackVector(shared heap.Handle, slotCount int, closureFeedbackCells heap.Handle) heap.Handle {
	// NewFixedArrayWithMap zeroes the header's Smi fields (invocation count,
	// profiler ticks, flags) and fills the slots.
	fv := f.NewFixedArrayWithMap(f.Roots.FeedbackVectorMap, slotCount, heap.OldSpace, f.UninitializedFeedback())
	a := fv.Addr()
	f.H.SetField(a, layout.FeedbackVectorSharedOffset, shared.Value())
	f.H.SetField(a, layout.FeedbackVectorClosureFeedbackCellsOffset, valueOr(closureFeedbackCells, f.Roots.EmptyFixedArray))
	f.H.SetField(a, layout.FeedbackVectorOptimizedCodeOffset, f.Roots.Undefined)
	return fv
}

// FeedbackVectorLength returns the number of inline-cache slots.
func (f *Factory) FeedbackVectorLength(fv layout.Value) int {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorLengthOffset).SmiValue()
}

// FeedbackVectorShared returns the vector's SharedFunctionInfo.
func (f *Factory) FeedbackVectorShared(fv layout.Value) layout.Value {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorSharedOffset)
}

// maxSmiValue is the largest Smi, tagged.
const maxSmiValue = layout.Value(uint32(layout.SmiMax) << 1)

// IncrementInvocationCount counts one call of a function of the vector's
// family, saturating at the largest Smi. The interpreter calls it on every
// function entry and best-effort and precise coverage report it.
// Hot path: one load, one compare, one store, and no remembered-set work
// since the value is a Smi; keep allocation-free, see
// BenchmarkIncrementInvocationCount.
func (f *Factory) IncrementInvocationCount(fv layout.Value) {
	a := fv.Addr()
	c := f.H.Field(a, layout.FeedbackVectorInvocationCountOffset)
	if c != maxSmiValue {
		f.H.SetField(a, layout.FeedbackVectorInvocationCountOffset, c+layout.Smi(1))
	}
}

// InvocationCount returns how many times functions of the vector's family
// were called (since the last reset).
func (f *Factory) InvocationCount(fv layout.Value) int {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorInvocationCountOffset).SmiValue()
}

// SetInvocationCount sets the invocation count; precise coverage resets it to
// zero after each report.
func (f *Factory) SetInvocationCount(fv layout.Value, n int) {
	f.H.SetField(fv.Addr(), layout.FeedbackVectorInvocationCountOffset, layout.Smi(n))
}

// ProfilerTicks returns the vector's profiler ticks: how often the tier-up
// check found the function hot.
func (f *Factory) ProfilerTicks(fv layout.Value) int {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorProfilerTicksOffset).SmiValue()
}

// SetProfilerTicks sets the vector's profiler ticks.
func (f *Factory) SetProfilerTicks(fv layout.Value, n int) {
	f.H.SetField(fv.Addr(), layout.FeedbackVectorProfilerTicksOffset, layout.Smi(n))
}

// FeedbackVectorFlags returns the vector's flag bits (tiering state; their
// meaning belongs to the tier-up machinery).
func (f *Factory) FeedbackVectorFlags(fv layout.Value) int {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorFlagsOffset).SmiValue()
}

// SetFeedbackVectorFlags replaces the vector's flag bits.
func (f *Factory) SetFeedbackVectorFlags(fv layout.Value, flags int) {
	f.H.SetField(fv.Addr(), layout.FeedbackVectorFlagsOffset, layout.Smi(flags))
}

// ClosureFeedbackCells returns the FixedArray of feedback cells for the
// function literals nested in the vector's function.
func (f *Factory) ClosureFeedbackCells(fv layout.Value) layout.Value {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorClosureFeedbackCellsOffset)
}

// FeedbackSlot returns inline-cache slot i, unchecked. Hot path.
func (f *Factory) FeedbackSlot(fv layout.Value, i int) layout.Value {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorHeaderSize+uint32(i)*layout.TaggedSize)
}

// SetFeedbackSlot stores v into inline-cache slot i, unchecked.
func (f *Factory) SetFeedbackSlot(fv layout.Value, i int, v layout.Value) {
	f.H.SetField(fv.Addr(), layout.FeedbackVectorHeaderSize+uint32(i)*layout.TaggedSize, v)
}

// OptimizedCode returns the vector's optimized BytecodeArray (V8's
// maybe_optimized_code), or undefined: calls run it instead of the
// baseline bytecode and do not count invocations.
func (f *Factory) OptimizedCode(fv layout.Value) layout.Value {
	return f.H.Field(fv.Addr(), layout.FeedbackVectorOptimizedCodeOffset)
}

// SetOptimizedCode installs (or, with undefined, drops) the vector's
// optimized code.
func (f *Factory) SetOptimizedCode(fv, code layout.Value) {
	f.H.SetField(fv.Addr(), layout.FeedbackVectorOptimizedCodeOffset, code)
}
