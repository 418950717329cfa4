package builtins

import (
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// SharedArrayBuffer (fixed-length and growable). Its instances are
// ArrayBuffer objects whose backing store is marked shared (see
// interp.NewSharedArrayBuffer): typed arrays and DataViews view both kinds,
// but each prototype's methods reject the other kind, as V8's do.

func (b *installer) sharedArrayBuffer() {
	in := b.in
	proto := b.intrinsic(interp.SharedArrayBufferPrototype)
	c := b.constructor("SharedArrayBuffer", 1, sharedArrayBufferConstructor, proto)
	in.SetIntrinsic(interp.SharedArrayBufferFunction, c.Value())
	b.speciesGetter(c)
	getter := func(name string, get func(in *interp.Interp, buf layout.Value) layout.Value) {
		in.DefineGetter(proto, name, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsSharedArrayBuffer(a.This()) {
				return in.ThrowError(interp.TypeError, "Method get SharedArrayBuffer.prototype."+name+" called on incompatible receiver "+displayArg(in, a.This()))
			}
			return get(in, a.This()), true
		})
	}
	getter("byteLength", func(in *interp.Interp, buf layout.Value) layout.Value { return layout.Smi(len(in.BufferBytes(buf))) })
	b.methods(proto, []fn{{"slice", 2, sharedArrayBufferSlice}})
	getter("maxByteLength", func(in *interp.Interp, buf layout.Value) layout.Value {
		if r, m := in.BufferResizable(buf); r {
			return layout.Smi(m)
		}
		return layout.Smi(len(in.BufferBytes(buf)))
	})
	getter("growable", func(in *interp.Interp, buf layout.Value) layout.Value {
		r, _ := in.BufferResizable(buf)
		return in.Bool(r)
	})
	b.methods(proto, []fn{{"grow", 1, sharedArrayBufferGrow}})
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("SharedArrayBuffer"), objects.AttrReadOnly|objects.AttrDontEnum)
}

func sharedArrayBufferConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Constructor SharedArrayBuffer requires 'new'")
	}
	nt := in.Heap().NewHandle(a.NewTarget())
	n, max, ok := bufferLengths(in, a, bufferLengthIndex)
	if !ok {
		return 0, false
	}
	proto, ok := in.PrototypeFromNewTarget(nt.Value(), interp.SharedArrayBufferPrototype)
	if !ok {
		return 0, false
	}
	return in.NewSharedArrayBuffer(n, max, proto)
}

// sharedArrayBufferGrow is SharedArrayBuffer.prototype.grow: a growable
// buffer's length may only increase, up to its maximum.
func sharedArrayBufferGrow(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	incompatible := func() (layout.Value, bool) {
		return in.ThrowError(interp.TypeError, "Method SharedArrayBuffer.prototype.grow called on incompatible receiver "+displayArg(in, a.This()))
	}
	if !in.IsSharedArrayBuffer(a.This()) {
		return incompatible()
	}
	if r, _ := in.BufferResizable(a.This()); !r {
		return incompatible()
	}
	buf := in.Handle(a.This())
	n, ok := toIndex(in, a.Arg(0), "length")
	if !ok {
		return 0, false
	}
	_, m := in.BufferResizable(buf.Value())
	if n > m || n < len(in.BufferBytes(buf.Value())) {
		return in.ThrowError(interp.RangeError, "SharedArrayBuffer.prototype.grow: Invalid length parameter")
	}
	in.ResizeBuffer(buf.Value(), n)
	return in.Undefined(), true
}

// sharedArrayBufferSlice is SharedArrayBuffer.prototype.slice: a copy
// made by the species constructor, which must give another, large enough
// SharedArrayBuffer.
func sharedArrayBufferSlice(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !in.IsSharedArrayBuffer(a.This()) {
		return in.ThrowError(interp.TypeError, "Method SharedArrayBuffer.prototype.slice called on incompatible receiver "+displayArg(in, a.This()))
	}
	buf := in.Handle(a.This())
	n := len(in.BufferBytes(buf.Value()))
	start, ok := relativeIndex(in, a.Arg(0), n, 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(1), n, n)
	if !ok {
		return 0, false
	}
	count := max(end-start, 0)
	ctor, ok := bufferSpeciesFrom(in, buf.Value(), interp.SharedArrayBufferFunction)
	if !ok {
		return 0, false
	}
	out, ok := in.Construct(ctor, []layout.Value{layout.Smi(count)}, in.Undefined())
	if !ok {
		return 0, false
	}
	if !in.IsSharedArrayBuffer(out) {
		return in.ThrowError(interp.TypeError, "Method SharedArrayBuffer.prototype.slice called on incompatible receiver "+displayArg(in, out))
	}
	if out == buf.Value() {
		return in.ThrowError(interp.TypeError, "SharedArrayBuffer subclass returned this from species constructor")
	}
	if len(in.BufferBytes(out)) < count {
		return in.ThrowError(interp.TypeError, "Derived SharedArrayBuffer constructor created a buffer which was too small")
	}
	src := in.BufferBytes(buf.Value())
	end = min(end, len(src))
	if start < end {
		copy(in.BufferBytes(out), src[start:end])
	}
	return out, true
}

// bufferLengthIndex is ToIndex for a length to allocate: lengths beyond
// what the engine can allocate fail later, at the allocation (after the
// prototype is read from new.target), as the spec orders it.
func bufferLengthIndex(in *interp.Interp, v layout.Value, what string) (int, bool) {
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, false
	}
	if x < 0 || x > 1<<53-1 {
		in.ThrowError(interp.RangeError, "Invalid "+what)
		return 0, false
	}
	return int(x), true
}
