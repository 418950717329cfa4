package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestScopeInfo(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		names := []string{"count", "step", "label"}
		hs := make([]heap.Handle, len(names))
		for i, n := range names {
			hs[i] = f.InternalizeGo(n)
		}
		si := f.NewScopeInfo(CatchScope, hs)
		v := si.Value()
		if got := f.InstanceType(v); got != layout.ScopeInfoType {
			t.Fatalf("scope info is %v", got)
		}
		if h.InYoungGeneration(v.Addr()) {
			t.Errorf("scope info is in the new space")
		}
		checkSize(t, f, "ScopeInfo", v, layout.FixedArrayHeaderSize+(2+len(names))*layout.TaggedSize)
		h.CollectGarbage(true)
		v = si.Value()
		if got := f.ScopeInfoKind(v); got != CatchScope {
			t.Errorf("kind %v", got)
		}
		if got := f.ScopeInfoContextLocalCount(v); got != len(names) {
			t.Fatalf("%d context locals", got)
		}
		for i, n := range names {
			if got := f.StringToGo(f.ScopeInfoContextLocalName(v, i)); got != n {
				t.Errorf("local %d named %q", i, got)
			}
			if got := f.ScopeInfoContextSlotIndex(v, f.InternalizeGo(n).Value()); got != layout.ContextMinSlots+i {
				t.Errorf("slot of %q is %d", n, got)
			}
		}
		if got := f.ScopeInfoContextSlotIndex(v, f.InternalizeGo("missing").Value()); got != -1 {
			t.Errorf("slot of a missing name is %d", got)
		}
		empty := f.NewScopeInfo(WithScope, nil)
		if f.ScopeInfoKind(empty.Value()) != WithScope || f.ScopeInfoContextLocalCount(empty.Value()) != 0 {
			t.Errorf("empty scope info wrong")
		}
	})
}

func TestScopeKindString(t *testing.T) {
	for k, want := range map[ScopeKind]string{
		ClassScope: "class", EvalScope: "eval", FunctionScope: "function", ModuleScope: "module",
		ScriptScope: "script", CatchScope: "catch", BlockScope: "block", WithScope: "with", ScopeKind(99): "unknown",
	} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(k), got, want)
		}
	}
}
