package objects

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestSharedFunctionInfo(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		src := f.NewStringFromGo("let add = (a, b) => a + b;", heap.OldSpace)
		script := f.NewScript(src, f.NewStringFromGo("file:///add.js", heap.OldSpace), 3)
		sfi := f.NewSharedFunctionInfo(f.InternalizeGo("add"), script, 10, 25, 1, 2)

		v := sfi.Value()
		if got := f.InstanceType(v); got != layout.SharedFunctionInfoType {
			t.Fatalf("shared function info is %v", got)
		}
		checkSize(t, f, "SharedFunctionInfo", v, layout.SharedFunctionInfoSize)
		if h.InYoungGeneration(v.Addr()) {
			t.Errorf("shared function info is in the new space")
		}
		if got := f.StringToGo(f.SharedName(v)); got != "add" {
			t.Errorf("name %q", got)
		}
		if f.SharedScript(v) != script.Value() {
			t.Errorf("script not set")
		}
		if a, b := f.SharedStartPosition(v), f.SharedEndPosition(v); a != 10 || b != 25 {
			t.Errorf("positions [%d, %d)", a, b)
		}
		if got := f.SharedFunctionLiteralID(v); got != 1 {
			t.Errorf("literal id %d", got)
		}
		if got := f.SharedFormalParameterCount(v); got != 2 {
			t.Errorf("parameter count %d", got)
		}
		if f.SharedIsCompiled(v) || f.SharedBytecode(v) != f.Roots.Undefined {
			t.Errorf("a new shared function info is compiled")
		}
		if f.SharedScopeInfo(v) != f.Roots.Undefined || f.SharedOuterScopeInfo(v) != f.Roots.Undefined {
			t.Errorf("scope infos are not undefined")
		}
		if got := f.SharedFlags(v); got != 0 {
			t.Errorf("flags %#x", got)
		}

		ba := f.NewBytecodeArray([]byte{1, 2, 3}, 8, 3, heap.Handle{})
		f.SetSharedBytecode(sfi.Value(), ba.Value())
		si := f.NewScopeInfo(FunctionScope, nil)
		outer := f.NewScopeInfo(ScriptScope, nil)
		name := f.InternalizeGo("sum")
		script2 := f.NewScript(heap.Handle{}, heap.Handle{}, 4)
		v = sfi.Value()
		f.SetSharedScopeInfo(v, si.Value())
		f.SetSharedOuterScopeInfo(v, outer.Value())
		f.SetSharedName(v, name.Value())
		f.SetSharedScript(v, script2.Value())
		f.SetSharedPositions(v, 4, 40)
		f.SetSharedFunctionLiteralID(v, 9)
		f.SetSharedFormalParameterCount(v, 5)
		f.SetSharedFlag(v, SharedIsArrow|SharedIsStrict, true)
		f.SetSharedFlag(v, SharedIsAsync, true)
		f.SetSharedFlag(v, SharedIsAsync, false)

		h.CollectGarbage(true)
		h.CollectGarbage(false)
		v = sfi.Value()
		if !f.SharedIsCompiled(v) || f.SharedBytecode(v) != ba.Value() {
			t.Errorf("bytecode not installed")
		}
		if f.SharedScopeInfo(v) != si.Value() || f.SharedOuterScopeInfo(v) != outer.Value() {
			t.Errorf("scope infos not set")
		}
		if f.SharedName(v) != name.Value() || f.SharedScript(v) != script2.Value() {
			t.Errorf("name or script not set")
		}
		if f.SharedStartPosition(v) != 4 || f.SharedEndPosition(v) != 40 || f.SharedFunctionLiteralID(v) != 9 ||
			f.SharedFormalParameterCount(v) != 5 {
			t.Errorf("Smi fields not set")
		}
		if !f.SharedHasFlag(v, SharedIsArrow) || !f.SharedHasFlag(v, SharedIsStrict|SharedIsArrow) ||
			f.SharedHasFlag(v, SharedIsAsync) || f.SharedHasFlag(v, SharedIsGenerator|SharedIsArrow) {
			t.Errorf("flags %#x", f.SharedFlags(v))
		}
		f.SetSharedFlags(v, SharedIsClassConstructor|SharedHasDuplicateParameters|SharedHasReportedBinaryCoverage)
		if f.SharedFlags(v) != SharedIsClassConstructor|SharedHasDuplicateParameters|SharedHasReportedBinaryCoverage {
			t.Errorf("SetSharedFlags: %#x", f.SharedFlags(v))
		}
		f.SetSharedBytecode(v, f.Roots.Undefined)
		if f.SharedIsCompiled(v) {
			t.Errorf("discarding bytecode left the function compiled")
		}
	})
}

// Anonymous functions and functions without a script.
func TestSharedFunctionInfoDefaults(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	sfi := f.NewSharedFunctionInfo(heap.Handle{}, heap.Handle{}, 0, 0, 0, 0)
	if f.SharedName(sfi.Value()) != f.Roots.EmptyString {
		t.Errorf("anonymous function's name is not the empty string")
	}
	if f.SharedScript(sfi.Value()) != f.Roots.Undefined {
		t.Errorf("script of a function without one is not undefined")
	}
}
