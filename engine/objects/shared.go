package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// SharedFunctionInfo flag bits, kept as a Smi in the shared function info's
// flags field.
const (
	// SharedIsArrow marks an arrow function: `(x) => x`.
	SharedIsArrow = 1 << iota
	// SharedIsGenerator marks `function* g() {}` (async generators have both
	// this bit and SharedIsAsync).
	SharedIsGenerator
	// SharedIsAsync marks `async function f() {}` and async arrows.
	SharedIsAsync
	// SharedIsClassConstructor marks the constructor of `class C {}`, which
	// throws when called without new.
	SharedIsClassConstructor
	// SharedIsStrict marks strict-mode code: `"use strict"`, classes, modules.
	SharedIsStrict
	// SharedHasDuplicateParameters marks sloppy `function f(a, a) {}`.
	SharedHasDuplicateParameters
	// SharedHasReportedBinaryCoverage records, for binary coverage
	// (callCount: false), that this function was already reported as run.
	SharedHasReportedBinaryCoverage
)

// NewSharedFunctionInfo allocates, in the old space, what every closure of
// one function literal shares: its name (a string; the empty string for
// anonymous functions, also given by a nil handle), its script (nil for
// none: undefined), its source range [start, end) as UTF-16
// offsets, the literal's id within the script and its formal parameter count.
// It is not compiled: its function data and scope infos are undefined and its
// flags are zero.
func (f *Factory) NewSharedFunctionInfo(name, script heap.Handle, start, end, functionLiteralID, formalParameterCount int) heap.Handle {
	h := f.H
	a := h.Allocate(heap.OldSpace, layout.SharedFunctionInfoSize)
	u := f.Roots.Undefined
	h.SetField(a, layout.MapOffset, f.Roots.SharedFunctionInfoMap)
	h.SetField(a, layout.SharedFunctionDataOffset, u)
	h.SetField(a, layout.SharedNameOffset, valueOr(name, f.Roots.EmptyString))
	h.SetField(a, layout.SharedScriptOffset, valueOr(script, u))
	h.SetField(a, layout.SharedOuterScopeInfoOffset, u)
	h.SetField(a, layout.SharedScopeInfoOffset, u)
	h.SetField(a, layout.SharedStartPositionOffset, layout.Smi(start))
	h.SetField(a, layout.SharedEndPositionOffset, layout.Smi(end))
	h.SetField(a, layout.SharedFunctionLiteralIDOffset, layout.Smi(functionLiteralID))
	h.SetField(a, layout.SharedFormalParameterCountOffset, layout.Smi(formalParameterCount))
	h.SetField(a, layout.SharedFlagsOffset, layout.Smi(0))
	return h.HandleAddr(a)
}

// valueOr returns the handle's value, or def for a handle never created: the
// way optional handle parameters are passed.
func valueOr(hd heap.Handle, def layout.Value) layout.Value {
	if hd.IsNil() {
		return def
	}
	return hd.Value()
}

// SharedBytecode returns the function's BytecodeArray, or undefined when it is
// not compiled. Hot path: one load.
func (f *Factory) SharedBytecode(sfi layout.Value) layout.Value {
	return f.H.Field(sfi.Addr(), layout.SharedFunctionDataOffset)
}

// SetSharedBytecode installs compiled bytecode (a BytecodeArray), or
// undefined to discard it so the function compiles again on its next call
// (as coverage does to add block counters).
func (f *Factory) SetSharedBytecode(sfi, bytecode layout.Value) {
	f.H.SetField(sfi.Addr(), layout.SharedFunctionDataOffset, bytecode)
}

// SharedIsCompiled reports whether the function has bytecode.
func (f *Factory) SharedIsCompiled(sfi layout.Value) bool {
	return f.H.Field(sfi.Addr(), layout.SharedFunctionDataOffset) != f.Roots.Undefined
}

// SharedName returns the function's name: a string, empty for anonymous
// functions (heap snapshots and profiles show them as "(anonymous)").
func (f *Factory) SharedName(sfi layout.Value) layout.Value {
	return f.H.Field(sfi.Addr(), layout.SharedNameOffset)
}

// SetSharedName replaces the function's name (a string), as name inference
// may decide it after the literal was created: `obj.f = function(){}`.
func (f *Factory) SetSharedName(sfi, name layout.Value) {
	f.H.SetField(sfi.Addr(), layout.SharedNameOffset, name)
}

// SharedScript returns the function's Script, or undefined for functions
// without source (builtins).
func (f *Factory) SharedScript(sfi layout.Value) layout.Value {
	return f.H.Field(sfi.Addr(), layout.SharedScriptOffset)
}

// SetSharedScript sets the function's Script (or undefined).
func (f *Factory) SetSharedScript(sfi, script layout.Value) {
	f.H.SetField(sfi.Addr(), layout.SharedScriptOffset, script)
}

// SharedScopeInfo returns what describes the function's own scope, or
// undefined: today only a generator function's table of named locals
// (the interpreter's installLocals), for the inspector.
func (f *Factory) SharedScopeInfo(sfi layout.Value) layout.Value {
	return f.H.Field(sfi.Addr(), layout.SharedScopeInfoOffset)
}

// SetSharedScopeInfo sets what describes the function's own scope.
func (f *Factory) SetSharedScopeInfo(sfi, scopeInfo layout.Value) {
	f.H.SetField(sfi.Addr(), layout.SharedScopeInfoOffset, scopeInfo)
}

// SharedOuterScopeInfo returns the ScopeInfo of the scope enclosing the
// function (what a lazy compile resolves free variables against), or
// undefined.
func (f *Factory) SharedOuterScopeInfo(sfi layout.Value) layout.Value {
	return f.H.Field(sfi.Addr(), layout.SharedOuterScopeInfoOffset)
}

// SetSharedOuterScopeInfo sets the ScopeInfo of the enclosing scope.
func (f *Factory) SetSharedOuterScopeInfo(sfi, scopeInfo layout.Value) {
	f.H.SetField(sfi.Addr(), layout.SharedOuterScopeInfoOffset, scopeInfo)
}

// SharedStartPosition returns the offset where the function's source starts.
func (f *Factory) SharedStartPosition(sfi layout.Value) int {
	return f.H.Field(sfi.Addr(), layout.SharedStartPositionOffset).SmiValue()
}

// SharedEndPosition returns the offset just past the function's source.
func (f *Factory) SharedEndPosition(sfi layout.Value) int {
	return f.H.Field(sfi.Addr(), layout.SharedEndPositionOffset).SmiValue()
}

// SetSharedPositions sets the function's source range [start, end).
func (f *Factory) SetSharedPositions(sfi layout.Value, start, end int) {
	f.H.SetField(sfi.Addr(), layout.SharedStartPositionOffset, layout.Smi(start))
	f.H.SetField(sfi.Addr(), layout.SharedEndPositionOffset, layout.Smi(end))
}

// SharedFunctionLiteralID returns the literal's id within its script (0 is
// the top-level code), which finds the literal again for a lazy compile.
func (f *Factory) SharedFunctionLiteralID(sfi layout.Value) int {
	return f.H.Field(sfi.Addr(), layout.SharedFunctionLiteralIDOffset).SmiValue()
}

// SetSharedFunctionLiteralID sets the literal's id within its script.
func (f *Factory) SetSharedFunctionLiteralID(sfi layout.Value, id int) {
	f.H.SetField(sfi.Addr(), layout.SharedFunctionLiteralIDOffset, layout.Smi(id))
}

// SharedFormalParameterCount returns the number of formal parameters, not
// counting the receiver.
func (f *Factory) SharedFormalParameterCount(sfi layout.Value) int {
	return f.H.Field(sfi.Addr(), layout.SharedFormalParameterCountOffset).SmiValue()
}

// SetSharedFormalParameterCount sets the number of formal parameters.
func (f *Factory) SetSharedFormalParameterCount(sfi layout.Value, n int) {
	f.H.SetField(sfi.Addr(), layout.SharedFormalParameterCountOffset, layout.Smi(n))
}

// SharedFlags returns the function's flag bits (SharedIsArrow…).
func (f *Factory) SharedFlags(sfi layout.Value) int {
	return f.H.Field(sfi.Addr(), layout.SharedFlagsOffset).SmiValue()
}

// SetSharedFlags replaces all of the function's flag bits.
func (f *Factory) SetSharedFlags(sfi layout.Value, flags int) {
	f.H.SetField(sfi.Addr(), layout.SharedFlagsOffset, layout.Smi(flags))
}

// SharedHasFlag reports whether every bit of flag is set.
func (f *Factory) SharedHasFlag(sfi layout.Value, flag int) bool {
	return f.SharedFlags(sfi)&flag == flag
}

// SetSharedFlag sets (on) or clears the bits of flag.
func (f *Factory) SetSharedFlag(sfi layout.Value, flag int, on bool) {
	flags := f.SharedFlags(sfi)
	if on {
		flags |= flag
	} else {
		flags &^= flag
	}
	f.SetSharedFlags(sfi, flags)
}
