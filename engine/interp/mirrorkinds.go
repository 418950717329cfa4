package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// The inspector's view of object kinds whose state is internal:
// generators, bound functions, WeakRefs (V8's [[Generator…]],
// [[TargetFunction]]/[[BoundThis]]/[[BoundArgs]], [[WeakRefTarget]]).

// GeneratorMirror is what the inspector shows of a generator object (sync
// or async): its function and receiver, V8's state name ("suspended",
// "running", "closed") and where it is suspended (at a yield or await, or
// the function's start before the first resumption and once closed).
type GeneratorMirror struct {
	Function, Receiver layout.Value
	State              string
	Location           Location
	HasLocation        bool
}

// GeneratorInfo describes a generator object; false when v is not one.
// The values are valid until the next allocation.
func (in *Interp) GeneratorInfo(v layout.Value) (GeneratorMirror, bool) {
	f := in.f
	st, ok := in.generatorState(v)
	if !ok {
		return GeneratorMirror{}, false
	}
	g := GeneratorMirror{Function: f.Get(st, genFunction), Receiver: f.Get(st, genReceiver), State: "suspended"}
	state := f.Get(st, genState).SmiValue()
	switch state {
	case genExecuting:
		g.State = "running"
	case genCompleted:
		g.State = "closed"
	}
	if state == genSuspendedYield {
		saved := f.Get(st, genFrame)
		if saved != in.undefined {
			if ba := f.Get(saved, bytecode.FrameBytecode); ba.IsHeapObject() {
				if table := in.h.Field(ba.Addr(), layout.BytecodeArraySourcePositionTableOffset); table != f.Roots.EmptyFixedArray {
					pos := bytecode.SourcePosition(f.ByteArrayBytes(table), f.Get(st, genPC).SmiValue())
					if rec := in.scriptOf(f.FunctionShared(g.Function)); rec != nil && pos >= 0 {
						g.Location, g.HasLocation = in.ScriptLocation(rec.id, pos), true
					}
				}
			}
		}
	}
	if !g.HasLocation && in.isFunction(g.Function) {
		g.Location, g.HasLocation = in.FunctionLocation(g.Function)
	}
	return g, true
}

// BoundFunctionParts returns a bound function's target, bound receiver
// and bound arguments (an array the caller must not change); false when
// fn is not a bound function.
func (in *Interp) BoundFunctionParts(fn layout.Value) (target, this, args layout.Value, ok bool) {
	f := in.f
	if !in.isFunction(fn) {
		return 0, 0, 0, false
	}
	target, ok = f.GetProperty(fn, in.intrinsics[PrivateBoundTarget])
	if !ok {
		return 0, 0, 0, false
	}
	this, _ = f.GetProperty(fn, in.intrinsics[PrivateBoundThis])
	args, _ = f.GetProperty(fn, in.intrinsics[PrivateBoundArgs])
	return target, this, args, true
}

// WeakRefMirror, when set (by the host that implements WeakRef), returns
// a WeakRef's target (undefined once collected); false for other values.
type WeakRefMirror func(v layout.Value) (layout.Value, bool)

// SetWeakRefMirror installs the host's WeakRef test.
func (in *Interp) SetWeakRefMirror(fn WeakRefMirror) { in.weakRefMirror = fn }

// WeakRefTarget returns a WeakRef's target (undefined once collected);
// false when v is not a WeakRef.
func (in *Interp) WeakRefTarget(v layout.Value) (layout.Value, bool) {
	if in.weakRefMirror == nil || !in.IsObject(v) {
		return 0, false
	}
	return in.weakRefMirror(v)
}

// ArrayBufferStoreID returns the id of an ArrayBuffer's backing store
// (V8's [[ArrayBufferData]] is its backing store's id).
func (in *Interp) ArrayBufferStoreID(buf layout.Value) int {
	return in.h.Field(buf.Addr(), layout.JSArrayBufferStoreOffset).SmiValue()
}

// NewTypedArrayView makes a typed array of kind k over the whole of buf,
// with its kind's prototype (the inspector's [[Int8Array]]… views).
func (in *Interp) NewTypedArrayView(k TypedArrayKind, buf layout.Value) layout.Value {
	n := len(in.BufferBytes(buf)) / k.Size()
	return in.NewTypedArrayObject(k, buf, 0, n, in.intrinsics[FirstTypedArrayPrototype+Intrinsic(k)])
}
