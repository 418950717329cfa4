package objects

import (
	"strconv"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// inBothHeapModes runs body on a plain heap and on one under GC stress (a GC
// every third allocation, heap verified after each): how handle-discipline
// bugs show up.
func inBothHeapModes(t *testing.T, body func(t *testing.T, f *Factory)) {
	t.Helper()
	t.Run("plain", func(t *testing.T) { body(t, newTestFactory(t, heap.Options{})) })
	t.Run("gcstress", func(t *testing.T) { body(t, newTestFactory(t, heap.Options{GCStressEvery: 3})) })
}

// checkSize fails unless the object v takes want bytes in the heap.
func checkSize(t *testing.T, f *Factory, what string, v layout.Value, want int) {
	t.Helper()
	if got := f.H.SizeOf(v.Addr()); int(got) != want {
		t.Errorf("%s takes %d bytes, want %d", what, got, want)
	}
}

// newTestClosure makes a function with a script, a shared function info, a
// feedback cell and vector, closing over context.
func newTestClosure(f *Factory, name string, context heap.Handle) heap.Handle {
	h := f.H
	res := h.NewHandle(layout.Smi(0))
	scope := h.OpenScope()
	defer scope.Close()
	src := f.NewStringFromGo("function "+name+"() {}", heap.OldSpace)
	script := f.NewScript(src, f.NewStringFromGo("file:///"+name+".js", heap.OldSpace), 7)
	sfi := f.NewSharedFunctionInfo(f.InternalizeGo(name), script, 0, 15+len(name), 1, 0)
	fv := f.NewFeedbackVector(sfi, 2, heap.Handle{})
	cell := f.NewFeedbackCell(fv)
	res.Set(f.NewJSFunction(sfi, context, cell).Value())
	return res
}

func TestJSFunction(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		native := f.NewNativeContext(4)
		fn := newTestClosure(f, "foo", native)

		v := fn.Value()
		if got := f.InstanceType(v); got != layout.JSFunctionType {
			t.Fatalf("function is %v", got)
		}
		checkSize(t, f, "JSFunction", v, layout.JSFunctionSize)
		if !h.InYoungGeneration(v.Addr()) {
			t.Errorf("new function is not in the new space")
		}
		if h.MapOf(v.Addr()).Value() != f.FunctionMap() {
			t.Errorf("function does not have the function map")
		}
		if got := h.Field(v.Addr(), layout.JSObjectPropertiesOrHashOffset); got != f.Roots.EmptyFixedArray {
			t.Errorf("properties = %#x, want the empty fixed array", got)
		}
		if got := h.Field(v.Addr(), layout.JSObjectElementsOffset); got != f.Roots.EmptyFixedArray {
			t.Errorf("elements = %#x, want the empty fixed array", got)
		}
		if got := f.FunctionPrototypeOrInitialMap(v); got != f.Roots.TheHole {
			t.Errorf("prototype or initial map = %#x, want the hole", got)
		}
		if f.FunctionContext(v) != native.Value() {
			t.Errorf("context is not the native context")
		}
		sfi := f.FunctionShared(v)
		if got := f.StringToGo(f.SharedName(sfi)); got != "foo" {
			t.Errorf("name = %q", got)
		}
		cell := f.FunctionFeedbackCell(v)
		if !f.Is(cell, layout.FeedbackCellType) {
			t.Fatalf("feedback cell is %v", f.InstanceType(cell))
		}
		fv := f.FunctionFeedbackVector(v)
		if fv != f.FeedbackCellValue(cell) || !f.Is(fv, layout.FeedbackVectorType) {
			t.Fatalf("feedback vector is %#x", fv)
		}
		if f.FeedbackVectorShared(fv) != sfi {
			t.Errorf("feedback vector's shared is not the function's")
		}

		// Setters.
		obj := f.NewFixedArray(1, heap.NewSpace)
		v = fn.Value()
		f.SetFunctionPrototypeOrInitialMap(v, obj.Value())
		if f.FunctionPrototypeOrInitialMap(v) != obj.Value() {
			t.Errorf("SetFunctionPrototypeOrInitialMap did not stick")
		}
		other := f.NewFeedbackCell(heap.Handle{})
		v = fn.Value()
		f.SetFunctionFeedbackCell(v, other.Value())
		if f.FunctionFeedbackVector(v) != f.Roots.Undefined {
			t.Errorf("a function whose cell is empty has a feedback vector")
		}
		ctx := f.NewFunctionContext(heap.Handle{}, native, 0)
		v = fn.Value()
		f.SetFunctionContext(v, ctx.Value())
		sfi2 := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
		v = fn.Value()
		f.SetFunctionShared(v, sfi2.Value())
		h.CollectGarbage(true)
		v = fn.Value()
		if f.FunctionContext(v) != ctx.Value() || f.FunctionShared(v) != sfi2.Value() ||
			f.FunctionFeedbackCell(v) != other.Value() || f.FunctionPrototypeOrInitialMap(v) != obj.Value() {
			t.Errorf("fields did not survive a full GC")
		}
	})
}

func TestJSFunctionWithMap(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		scope := f.H.OpenScope()
		defer scope.Close()
		m := f.NewMap(layout.JSFunctionType, layout.JSFunctionSize, 0)
		sfi := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
		native := f.NewNativeContext(0)
		cell := f.NewFeedbackCell(heap.Handle{})
		fn := f.NewJSFunctionWithMap(m, sfi, native, cell)
		if f.H.MapOf(fn.Addr()).Value() != m.Value() {
			t.Errorf("function does not have the given map")
		}
		if f.FunctionShared(fn.Value()) != sfi.Value() || f.FunctionFeedbackCell(fn.Value()) != cell.Value() {
			t.Errorf("fields not set")
		}
	})
}

// The function map lives in the old space; it is a root and follows moves.
func TestFunctionMapIsARoot(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	h := f.H
	for i := 0; i < 3; i++ {
		h.CollectGarbage(true)
		h.CollectGarbage(false)
	}
	m := f.FunctionMap()
	if got := f.InstanceType(m); got != layout.MapType {
		t.Fatalf("function map is a %v", got)
	}
	if got := layout.InstanceType(h.U16(m.Addr(), layout.MapInstanceTypeOffset)); got != layout.JSFunctionType {
		t.Fatalf("function map describes %v", got)
	}
	if got := h.U32(m.Addr(), layout.MapInstanceSizeOffset); got != layout.JSFunctionSize {
		t.Fatalf("function map instance size %d", got)
	}
	if h.InYoungGeneration(m.Addr()) || h.InReadOnlySpace(m.Addr()) {
		t.Fatalf("function map is not in the old space")
	}
}

// A closure graph — function → context chain → values, plus its shared
// function info, script, bytecode and feedback — survives GCs when only the
// function is held, with lots of garbage between the collections.
func TestClosureGraphSurvivesGC(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		outer := h.OpenScope()
		defer outer.Close()
		const closures = 24
		fns := f.NewFixedArray(closures, heap.OldSpace)
		for i := 0; i < closures; i++ {
			s := h.OpenScope()
			fn := buildClosure(f, i)
			f.Set(fns.Value(), i, fn.Value())
			for j := 0; j < 10; j++ { // garbage
				f.NewFixedArray(8, heap.NewSpace)
				f.NewBytecodeArray(make([]byte, 40), 8, 1, heap.Handle{})
			}
			s.Close()
		}
		for round := 0; round < 3; round++ {
			h.CollectGarbage(false)
			h.CollectGarbage(true)
			for i := 0; i < closures; i++ {
				checkClosure(t, f, f.Get(fns.Value(), i), i)
			}
		}
		if err := h.Verify(); err != nil {
			t.Fatal(err)
		}
	})
}

// buildClosure builds, for index i:
//
//	native context
//	  ← function context (scope "function", vars a = i+0.5, b = "s<i>")
//	    ← block context (scope "block", var c = [i])
//	function f<i> closing over the block context, with bytecode [i, i+1, i+2]
func buildClosure(f *Factory, i int) heap.Handle {
	h := f.H
	res := h.NewHandle(layout.Smi(0))
	scope := h.OpenScope()
	defer scope.Close()
	native := f.NewNativeContext(2)
	fsi := f.NewScopeInfo(FunctionScope, []heap.Handle{f.InternalizeGo("a"), f.InternalizeGo("b")})
	fctx := f.NewFunctionContext(fsi, native, 2)
	num := f.NewHeapNumber(float64(i) + 0.5)
	f.SetContextSlot(fctx.Value(), layout.ContextMinSlots, num.Value())
	str := f.NewStringFromGo("s"+strconv.Itoa(i), heap.NewSpace)
	f.SetContextSlot(fctx.Value(), layout.ContextMinSlots+1, str.Value())
	bsi := f.NewScopeInfo(BlockScope, []heap.Handle{f.InternalizeGo("c")})
	bctx := f.NewBlockContext(bsi, fctx, 1)
	arr := f.NewFixedArray(1, heap.NewSpace)
	f.Set(arr.Value(), 0, layout.Smi(i))
	f.SetContextSlot(bctx.Value(), layout.ContextMinSlots, arr.Value())

	src := f.NewStringFromGo("function f"+strconv.Itoa(i)+"() {}", heap.OldSpace)
	script := f.NewScript(src, heap.Handle{}, 100+i)
	sfi := f.NewSharedFunctionInfo(f.InternalizeGo("f"+strconv.Itoa(i)), script, 0, 10, i, 0)
	pool := f.NewFixedArray(1, heap.OldSpace)
	poolNum := f.NewHeapNumber(float64(i) * 2)
	f.Set(pool.Value(), 0, poolNum.Value())
	ba := f.NewBytecodeArray([]byte{byte(i), byte(i + 1), byte(i + 2)}, 16, 1, pool)
	f.SetSharedBytecode(sfi.Value(), ba.Value())
	fv := f.NewFeedbackVector(sfi, 1, heap.Handle{})
	for k := 0; k < i; k++ {
		f.IncrementInvocationCount(fv.Value())
	}
	cell := f.NewFeedbackCell(fv)
	res.Set(f.NewJSFunction(sfi, bctx, cell).Value())
	return res
}

func checkClosure(t *testing.T, f *Factory, fn layout.Value, i int) {
	t.Helper()
	if !f.Is(fn, layout.JSFunctionType) {
		t.Fatalf("closure %d is a %v", i, f.InstanceType(fn))
	}
	bctx := f.FunctionContext(fn)
	if !f.Is(bctx, layout.BlockContextType) {
		t.Fatalf("closure %d: context is a %v", i, f.InstanceType(bctx))
	}
	if got := f.Get(f.ContextSlot(bctx, layout.ContextMinSlots), 0); got != layout.Smi(i) {
		t.Fatalf("closure %d: c[0] = %#x", i, got)
	}
	if got := f.StringToGo(f.ScopeInfoContextLocalName(f.ContextScopeInfo(bctx), 0)); got != "c" {
		t.Fatalf("closure %d: block variable named %q", i, got)
	}
	fctx := f.ContextPrevious(bctx)
	if !f.Is(fctx, layout.FunctionContextType) || f.ContextOuter(bctx, 1) != fctx {
		t.Fatalf("closure %d: outer context is a %v", i, f.InstanceType(fctx))
	}
	if got := f.NumberValue(f.ContextSlot(fctx, layout.ContextMinSlots)); got != float64(i)+0.5 {
		t.Fatalf("closure %d: a = %v", i, got)
	}
	if got := f.StringToGo(f.ContextSlot(fctx, layout.ContextMinSlots+1)); got != "s"+strconv.Itoa(i) {
		t.Fatalf("closure %d: b = %q", i, got)
	}
	if native := f.ContextOuter(bctx, 2); !f.Is(native, layout.NativeContextType) {
		t.Fatalf("closure %d: outermost context is a %v", i, f.InstanceType(native))
	}
	sfi := f.FunctionShared(fn)
	if got := f.StringToGo(f.SharedName(sfi)); got != "f"+strconv.Itoa(i) {
		t.Fatalf("closure %d: name %q", i, got)
	}
	if got := f.ScriptID(f.SharedScript(sfi)); got != 100+i {
		t.Fatalf("closure %d: script id %d", i, got)
	}
	ba := f.SharedBytecode(sfi)
	if got := f.Bytecodes(ba); len(got) != 3 || got[0] != byte(i) || got[2] != byte(i+2) {
		t.Fatalf("closure %d: bytecode %v", i, got)
	}
	if got := f.NumberValue(f.Get(f.BytecodeConstantPool(ba), 0)); got != float64(i)*2 {
		t.Fatalf("closure %d: constant %v", i, got)
	}
	if got := f.InvocationCount(f.FunctionFeedbackVector(fn)); got != i {
		t.Fatalf("closure %d: invocation count %d", i, got)
	}
}
