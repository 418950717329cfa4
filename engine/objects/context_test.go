package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestContexts(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		native := f.NewNativeContext(5)
		nv := native.Value()
		if got := f.InstanceType(nv); got != layout.NativeContextType {
			t.Fatalf("native context is %v", got)
		}
		if h.InYoungGeneration(nv.Addr()) {
			t.Errorf("native context is in the new space")
		}
		checkSize(t, f, "NativeContext", nv, layout.FixedArrayHeaderSize+(layout.ContextMinSlots+5)*layout.TaggedSize)
		if f.ContextLength(nv) != layout.ContextMinSlots+5 {
			t.Errorf("native context length %d", f.ContextLength(nv))
		}
		for i := 0; i < f.ContextLength(nv); i++ {
			if f.ContextSlot(nv, i) != f.Roots.Undefined {
				t.Errorf("native context slot %d is %#x", i, f.ContextSlot(nv, i))
			}
		}

		si := f.NewScopeInfo(FunctionScope, []heap.Handle{f.InternalizeGo("x"), f.InternalizeGo("y")})
		fctx := f.NewFunctionContext(si, native, 2)
		v := fctx.Value()
		if got := f.InstanceType(v); got != layout.FunctionContextType {
			t.Fatalf("function context is %v", got)
		}
		if !h.InYoungGeneration(v.Addr()) {
			t.Errorf("function context is not in the new space")
		}
		checkSize(t, f, "FunctionContext", v, layout.FixedArrayHeaderSize+(layout.ContextMinSlots+2)*layout.TaggedSize)
		if f.ContextScopeInfo(v) != si.Value() || f.ContextPrevious(v) != native.Value() {
			t.Errorf("fixed slots not set")
		}
		if f.ContextExtension(v) != f.Roots.Undefined {
			t.Errorf("extension is %#x", f.ContextExtension(v))
		}
		if f.ContextSlot(v, layout.ContextMinSlots+1) != f.Roots.Undefined {
			t.Errorf("variables do not start undefined")
		}

		bsi := f.NewScopeInfo(BlockScope, []heap.Handle{f.InternalizeGo("z")})
		bctx := f.NewBlockContext(bsi, fctx, 1)
		if got := f.InstanceType(bctx.Value()); got != layout.BlockContextType {
			t.Fatalf("block context is %v", got)
		}
		if f.ContextOuter(bctx.Value(), 0) != bctx.Value() || f.ContextOuter(bctx.Value(), 1) != fctx.Value() ||
			f.ContextOuter(bctx.Value(), 2) != native.Value() {
			t.Errorf("context chain broken")
		}

		num := f.NewHeapNumber(-3.5)
		str := f.NewStringFromGo("captured", heap.NewSpace)
		ext := f.NewFixedArray(0, heap.NewSpace)
		f.SetContextSlot(fctx.Value(), layout.ContextMinSlots, num.Value())
		f.SetContextSlot(fctx.Value(), layout.ContextMinSlots+1, str.Value())
		f.SetContextSlot(bctx.Value(), layout.ContextMinSlots, f.Roots.TheHole)
		// An old context pointing to a young object must be remembered.
		f.SetContextSlot(native.Value(), layout.ContextMinSlots+4, str.Value())
		f.SetContextExtension(fctx.Value(), ext.Value())
		for i := 0; i < 2; i++ {
			h.CollectGarbage(false)
			h.CollectGarbage(true)
		}
		v = fctx.Value()
		if got := f.NumberValue(f.ContextSlot(v, layout.ContextMinSlots)); got != -3.5 {
			t.Errorf("x = %v", got)
		}
		if got := f.StringToGo(f.ContextSlot(v, layout.ContextMinSlots+1)); got != "captured" {
			t.Errorf("y = %q", got)
		}
		if f.ContextSlot(native.Value(), layout.ContextMinSlots+4) != f.ContextSlot(v, layout.ContextMinSlots+1) {
			t.Errorf("native context slot lost its string")
		}
		if f.ContextSlot(bctx.Value(), layout.ContextMinSlots) != f.Roots.TheHole {
			t.Errorf("z is not the hole")
		}
		if f.ContextExtension(v) != ext.Value() {
			t.Errorf("extension not set")
		}
		if f.ContextPrevious(f.ContextPrevious(bctx.Value())) != native.Value() {
			t.Errorf("context chain broken after GC")
		}
	})
}
