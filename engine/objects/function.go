package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// functionState is the factory's state for the function-side types: the map
// of JSFunctions. It lives in the old space, so it may move: the factory
// registers the field as a root and the GC updates it.
type functionState struct {
	functionMap layout.Value
}

// setUpFunctions creates the function map. Its prototype starts as null; the
// builtins give it Function.prototype and its descriptors (length, name,
// prototype) when they set up the realm.
func (f *Factory) setUpFunctions() {
	scope := f.H.OpenScope()
	defer scope.Close()
	f.functions.functionMap = f.NewMap(layout.JSFunctionType, layout.JSFunctionSize, 0).Value()
	f.H.AddRoots(func(visit func(*layout.Value)) { visit(&f.functions.functionMap) })
}

// FunctionMap returns the map NewJSFunction gives functions.
func (f *Factory) FunctionMap() layout.Value { return f.functions.functionMap }

// NewJSFunction allocates, in the new space, a closure: shared is its
// SharedFunctionInfo, context the context it closes over, feedbackCell its
// link to the feedback vector (shared by the closures of one literal made in
// one outer closure). It has FunctionMap, no own properties or elements yet
// and no prototype (the hole: made on first use).
func (f *Factory) NewJSFunction(shared, context, feedbackCell heap.Handle) heap.Handle {
	return f.NewJSFunctionWithMap(heap.Handle{}, shared, context, feedbackCell)
}

// NewJSFunctionWithMap is NewJSFunction with a map of the caller's (of type
// JSFunctionType and size layout.JSFunctionSize: one for strict functions,
// or for methods without a prototype property); a nil handle means
// FunctionMap.
func (f *Factory) NewJSFunctionWithMap(m, shared, context, feedbackCell heap.Handle) heap.Handle {
	h := f.H
	a := h.AllocateYoung(layout.JSFunctionSize)
	// The function map is a root: the GC has updated the field if it moved.
	h.SetField(a, layout.MapOffset, valueOr(m, f.functions.functionMap))
	h.SetField(a, layout.JSObjectPropertiesOrHashOffset, f.Roots.EmptyFixedArray)
	h.SetField(a, layout.JSObjectElementsOffset, f.Roots.EmptyFixedArray)
	h.SetField(a, layout.JSFunctionSharedOffset, shared.Value())
	h.SetField(a, layout.JSFunctionContextOffset, context.Value())
	h.SetField(a, layout.JSFunctionFeedbackCellOffset, feedbackCell.Value())
	h.SetField(a, layout.JSFunctionPrototypeOrInitialMapOffset, f.Roots.TheHole)
	return h.HandleAddr(a)
}

// FunctionShared returns the closure's SharedFunctionInfo. Hot path.
func (f *Factory) FunctionShared(fn layout.Value) layout.Value {
	return f.H.Field(fn.Addr(), layout.JSFunctionSharedOffset)
}

// SetFunctionShared replaces the closure's SharedFunctionInfo.
func (f *Factory) SetFunctionShared(fn, shared layout.Value) {
	f.H.SetField(fn.Addr(), layout.JSFunctionSharedOffset, shared)
}

// FunctionContext returns the context the closure closes over. Hot path.
func (f *Factory) FunctionContext(fn layout.Value) layout.Value {
	return f.H.Field(fn.Addr(), layout.JSFunctionContextOffset)
}

// SetFunctionContext replaces the closure's context.
func (f *Factory) SetFunctionContext(fn, context layout.Value) {
	f.H.SetField(fn.Addr(), layout.JSFunctionContextOffset, context)
}

// FunctionFeedbackCell returns the closure's FeedbackCell.
func (f *Factory) FunctionFeedbackCell(fn layout.Value) layout.Value {
	return f.H.Field(fn.Addr(), layout.JSFunctionFeedbackCellOffset)
}

// SetFunctionFeedbackCell replaces the closure's FeedbackCell.
func (f *Factory) SetFunctionFeedbackCell(fn, cell layout.Value) {
	f.H.SetField(fn.Addr(), layout.JSFunctionFeedbackCellOffset, cell)
}

// FunctionFeedbackVector returns the closure's FeedbackVector, or undefined
// while it has none. Hot path: two loads.
func (f *Factory) FunctionFeedbackVector(fn layout.Value) layout.Value {
	return f.H.Field(f.H.Field(fn.Addr(), layout.JSFunctionFeedbackCellOffset).Addr(), layout.FeedbackCellValueOffset)
}

// FunctionPrototypeOrInitialMap returns the closure's prototype slot: the
// hole until `prototype` is first used, then the prototype object, or the
// initial map of the objects `new` makes (whose prototype it holds).
func (f *Factory) FunctionPrototypeOrInitialMap(fn layout.Value) layout.Value {
	return f.H.Field(fn.Addr(), layout.JSFunctionPrototypeOrInitialMapOffset)
}

// SetFunctionPrototypeOrInitialMap sets the closure's prototype slot.
func (f *Factory) SetFunctionPrototypeOrInitialMap(fn, v layout.Value) {
	f.H.SetField(fn.Addr(), layout.JSFunctionPrototypeOrInitialMapOffset, v)
}
