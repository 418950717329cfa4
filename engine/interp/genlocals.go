package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// A generator function's locals table (the compiler's
// bytecode.Function.Locals) is a FixedArray kept in its
// SharedFunctionInfo's scope info field: pairs of a name (an internalized
// string) and a Smi, the frame slot of a register variable or -1-slot for
// a slot of the function's context. The inspector reads a suspended
// generator's saved frame through it (GeneratorLocalScope).

// installLocals stores the locals table of the function sfi.
func (in *Interp) installLocals(sfi heap.Handle, locals []bytecode.Local) {
	f := in.f
	scope := in.h.OpenScope()
	defer scope.Close()
	t := f.NewFixedArray(2*len(locals), heap.OldSpace)
	for i, l := range locals {
		name := f.InternalizeGo(l.Name)
		where := l.Reg
		if where < 0 {
			where = -1 - l.Slot
		}
		f.Set(t.Value(), 2*i, name.Value())
		f.Set(t.Value(), 2*i+1, layout.Smi(where))
	}
	f.SetSharedScopeInfo(sfi.Value(), t.Value())
}

// GeneratorLocalScope returns the Local scope V8 lists first in a
// suspended generator's [[Scopes]]: the generator function's debug name
// and its parameters and function-scope variables with their current
// values (the hole for one in its temporal dead zone), read from the saved
// frame and the function's context. False when g is not a suspended
// generator (running or closed) or its function has no table.
func (in *Interp) GeneratorLocalScope(g layout.Value) (ScopeMirror, bool) {
	f, h := in.f, in.h
	st, ok := in.generatorState(g)
	if !ok {
		return ScopeMirror{}, false
	}
	state := f.Get(st, genState).SmiValue()
	saved := f.Get(st, genFrame)
	fn := f.Get(st, genFunction)
	if state != genSuspendedStart && state != genSuspendedYield || !saved.IsHeapObject() || !in.isFunction(fn) {
		return ScopeMirror{}, false
	}
	sfi := f.FunctionShared(fn)
	sm := ScopeMirror{Type: "local", Name: in.DebugName(sfi)}
	table := f.SharedScopeInfo(sfi)
	if !table.IsHeapObject() || h.InstanceType(table.Addr()) != layout.FixedArrayType {
		return sm, true
	}
	n := f.Length(table) / 2
	frameLen := f.Length(saved)
	// The function's context: the innermost context of the saved frame
	// whose ScopeInfo is a function scope (block contexts are inside it).
	fctx := layout.Value(0)
	for ctx, depth := f.Get(saved, bytecode.FrameContext), 0; ctx.IsHeapObject() && ctx != in.intrinsics[NativeContext] && depth < 10000; depth++ {
		si := f.ContextScopeInfo(ctx)
		if si == in.undefined {
			break
		}
		if k := f.ScopeInfoKind(si); k == objects.FunctionScope {
			fctx = ctx
			break
		} else if k != objects.BlockScope && k != objects.CatchScope && k != objects.WithScope && k != objects.ClassScope {
			break
		}
		ctx = f.ContextPrevious(ctx)
	}
	for i := 0; i < n; i++ {
		name := f.Get(table, 2*i)
		where := f.Get(table, 2*i+1).SmiValue()
		var v layout.Value
		switch {
		case where >= 0 && where < frameLen:
			v = f.Get(saved, where)
		case where < 0 && fctx != 0:
			v = f.ContextSlot(fctx, -1-where)
		default:
			continue
		}
		sm.Names = append(sm.Names, f.StringToGo(name))
		sm.Values = append(sm.Values, h.NewHandle(v))
	}
	return sm, true
}
