package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// ScopeKind is the kind of scope a ScopeInfo describes; V8's ScopeType.
type ScopeKind int

// Scope kinds, in V8's order.
const (
	ClassScope ScopeKind = iota
	EvalScope
	FunctionScope
	ModuleScope
	ScriptScope
	CatchScope
	BlockScope
	WithScope
)

var scopeKindNames = [...]string{
	ClassScope:    "class",
	EvalScope:     "eval",
	FunctionScope: "function",
	ModuleScope:   "module",
	ScriptScope:   "script",
	CatchScope:    "catch",
	BlockScope:    "block",
	WithScope:     "with",
}

// String returns the kind's name.
func (k ScopeKind) String() string {
	if k >= 0 && int(k) < len(scopeKindNames) {
		return scopeKindNames[k]
	}
	return "unknown"
}

// A ScopeInfo is a FixedArray-shaped description of one scope, kept minimal:
//
//	slot 0: flags, a Smi with the ScopeKind in its low bits
//	slot 1: n, the number of context-allocated variables, a Smi
//	slots 2…2+n: their names (internalized strings), in context slot order
//
// That is enough to name a context's variables in heap snapshots and the
// debugger's scope view. V8's ScopeInfo holds much more, left out here until
// a user needs it: variable modes (let/const/var) and initialization flags,
// stack-allocated locals, the receiver and function-name variables, the
// outer ScopeInfo link, the scope's source positions, module and class
// metadata, and sloppy-eval and strictness flags.
const (
	scopeInfoFlagsIndex      = 0
	scopeInfoLocalCountIndex = 1
	scopeInfoNamesIndex      = 2
	scopeInfoKindMask        = 0xf
)

// NewScopeInfo allocates, in the old space, the ScopeInfo of a scope of the
// given kind whose context-allocated variables are named by names (strings;
// internalized, so that lookups compare identities), in slot order.
func (f *Factory) NewScopeInfo(kind ScopeKind, names []heap.Handle) heap.Handle {
	si := f.NewFixedArrayWithMap(f.Roots.ScopeInfoMap, scopeInfoNamesIndex+len(names), heap.OldSpace, f.Roots.Undefined)
	v := si.Value()
	f.Set(v, scopeInfoFlagsIndex, layout.Smi(int(kind)&scopeInfoKindMask))
	f.Set(v, scopeInfoLocalCountIndex, layout.Smi(len(names)))
	for i, n := range names {
		f.Set(v, scopeInfoNamesIndex+i, n.Value())
	}
	return si
}

// ScopeInfoKind returns the kind of scope described.
func (f *Factory) ScopeInfoKind(si layout.Value) ScopeKind {
	return ScopeKind(f.Get(si, scopeInfoFlagsIndex).SmiValue() & scopeInfoKindMask)
}

// ScopeInfoContextLocalCount returns the number of context-allocated
// variables.
func (f *Factory) ScopeInfoContextLocalCount(si layout.Value) int {
	return f.Get(si, scopeInfoLocalCountIndex).SmiValue()
}

// ScopeInfoContextLocalName returns the name of context-allocated variable i,
// the one in context slot layout.ContextMinSlots+i.
func (f *Factory) ScopeInfoContextLocalName(si layout.Value, i int) layout.Value {
	return f.Get(si, scopeInfoNamesIndex+i)
}

// ScopeInfoContextSlotIndex returns the context slot (counting the fixed
// slots) of the variable named name, an internalized string, or -1 when the
// scope has no such context-allocated variable.
func (f *Factory) ScopeInfoContextSlotIndex(si, name layout.Value) int {
	n := f.ScopeInfoContextLocalCount(si)
	for i := 0; i < n; i++ {
		if f.Get(si, scopeInfoNamesIndex+i) == name {
			return layout.ContextMinSlots + i
		}
	}
	return -1
}

// NewScopeInfoWithModes is NewScopeInfo with each name's assignment mode
// (a small integer the interpreter defines) stored after the names, for
// scopes whose variables code may look up by name at run time (`with`,
// sloppy direct eval).
func (f *Factory) NewScopeInfoWithModes(kind ScopeKind, names []heap.Handle, modes []byte) heap.Handle {
	si := f.NewFixedArrayWithMap(f.Roots.ScopeInfoMap, scopeInfoNamesIndex+2*len(names), heap.OldSpace, f.Roots.Undefined)
	v := si.Value()
	f.Set(v, scopeInfoFlagsIndex, layout.Smi(int(kind)&scopeInfoKindMask))
	f.Set(v, scopeInfoLocalCountIndex, layout.Smi(len(names)))
	for i, n := range names {
		f.Set(v, scopeInfoNamesIndex+i, n.Value())
		f.Set(v, scopeInfoNamesIndex+len(names)+i, layout.Smi(int(modes[i])))
	}
	return si
}

// ScopeInfoContextLocalMode returns the mode of context-allocated variable
// i as NewScopeInfoWithModes stored it, or 0 when the ScopeInfo has none.
func (f *Factory) ScopeInfoContextLocalMode(si layout.Value, i int) int {
	n := f.ScopeInfoContextLocalCount(si)
	if f.Length(si) < scopeInfoNamesIndex+2*n {
		return 0
	}
	return f.Get(si, scopeInfoNamesIndex+n+i).SmiValue()
}
