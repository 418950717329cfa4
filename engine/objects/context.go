package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Contexts are FixedArray-shaped scope records: the fixed slots
// layout.ContextScopeInfoIndex, ContextPreviousIndex and ContextExtensionIndex,
// then one slot per context-allocated variable. Slot indexes below count the
// fixed slots, as the bytecode's context operands do: variable i of a scope
// is slot layout.ContextMinSlots+i.
//
//	function counter() {
//	  let n = 0;                // n lives in counter's function context…
//	  return () => ++n;         // …because this closure captures it
//	}

// NewFunctionContext allocates, in the new space, the context of one call of
// a function whose scope has variables captured by closures: scopeInfo
// describes the scope (a ScopeInfo), previous is the enclosing context, and
// vars context-allocated variables follow the fixed slots, all undefined
// (the bytecode stores the hole for let/const before their declaration).
func (f *Factory) NewFunctionContext(scopeInfo, previous heap.Handle, vars int) heap.Handle {
	return f.newContext(f.Roots.FunctionContextMap, heap.NewSpace, scopeInfo, previous, vars)
}

// NewBlockContext allocates, in the new space, the context of a block scope
// (a loop body, a catch clause…) whose variables are captured, like
// NewFunctionContext.
func (f *Factory) NewBlockContext(scopeInfo, previous heap.Handle, vars int) heap.Handle {
	return f.newContext(f.Roots.BlockContextMap, heap.NewSpace, scopeInfo, previous, vars)
}

// NewNativeContext allocates, in the old space, the outermost context of a
// realm, with slots slots after the fixed ones, all undefined (the builtins
// define what they hold: global object, intrinsics…). It has no scope info,
// no previous context and no extension (all undefined).
func (f *Factory) NewNativeContext(slots int) heap.Handle {
	return f.newContext(f.Roots.NativeContextMap, heap.OldSpace, heap.Handle{}, heap.Handle{}, slots)
}

func (f *Factory) newContext(m layout.Value, s heap.Space, scopeInfo, previous heap.Handle, vars int) heap.Handle {
	u := f.Roots.Undefined
	ctx := f.NewFixedArrayWithMap(m, layout.ContextMinSlots+vars, s, u)
	a := ctx.Addr()
	f.H.SetField(a, fixedArraySlotOffset(layout.ContextScopeInfoIndex), valueOr(scopeInfo, u))
	f.H.SetField(a, fixedArraySlotOffset(layout.ContextPreviousIndex), valueOr(previous, u))
	return ctx
}

// fixedArraySlotOffset is the byte offset of slot i of a FixedArray-shaped
// object with the plain FixedArray header, as contexts have.
func fixedArraySlotOffset(i int) uint32 {
	return layout.FixedArrayHeaderSize + uint32(i)*layout.TaggedSize
}

// ContextLength returns the number of slots, the fixed ones included.
func (f *Factory) ContextLength(ctx layout.Value) int {
	return f.H.Field(ctx.Addr(), layout.FixedArrayLengthOffset).SmiValue()
}

// ContextSlot returns slot i (counting the fixed slots), unchecked. Hot path:
// one load.
func (f *Factory) ContextSlot(ctx layout.Value, i int) layout.Value {
	return f.H.Field(ctx.Addr(), fixedArraySlotOffset(i))
}

// SetContextSlot stores v into slot i (counting the fixed slots), unchecked.
func (f *Factory) SetContextSlot(ctx layout.Value, i int, v layout.Value) {
	f.H.SetField(ctx.Addr(), fixedArraySlotOffset(i), v)
}

// ContextScopeInfo returns the ScopeInfo describing the context's variables
// (undefined for a native context).
func (f *Factory) ContextScopeInfo(ctx layout.Value) layout.Value {
	return f.ContextSlot(ctx, layout.ContextScopeInfoIndex)
}

// ContextPrevious returns the enclosing context (undefined for a native
// context).
func (f *Factory) ContextPrevious(ctx layout.Value) layout.Value {
	return f.ContextSlot(ctx, layout.ContextPreviousIndex)
}

// ContextExtension returns the context's extension: the object of a `with`
// scope or the variables a sloppy eval declared; undefined when none.
func (f *Factory) ContextExtension(ctx layout.Value) layout.Value {
	return f.ContextSlot(ctx, layout.ContextExtensionIndex)
}

// SetContextExtension sets the context's extension.
func (f *Factory) SetContextExtension(ctx, v layout.Value) {
	f.SetContextSlot(ctx, layout.ContextExtensionIndex, v)
}

// ContextOuter returns the context depth steps up the chain from ctx (depth 0
// is ctx itself), as the bytecode's context-depth operands address it.
func (f *Factory) ContextOuter(ctx layout.Value, depth int) layout.Value {
	for ; depth > 0; depth-- {
		ctx = f.ContextPrevious(ctx)
	}
	return ctx
}
