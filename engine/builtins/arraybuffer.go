package builtins

import (
	"encoding/binary"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// ArrayBuffer (fixed-length and resizable) and DataView.

func (b *installer) arrayBuffer() {
	in := b.in
	proto := b.intrinsic(interp.ArrayBufferPrototype)
	c := b.constructor("ArrayBuffer", 1, arrayBufferConstructor, proto)
	in.SetIntrinsic(interp.ArrayBufferFunction, c.Value())
	b.methods(c, []fn{
		{"isView", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return in.Bool(in.IsTypedArray(a.Arg(0)) || in.IsDataView(a.Arg(0))), true
		}},
	})
	b.speciesGetter(c)
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("ArrayBuffer"), objects.AttrReadOnly|objects.AttrDontEnum)
	getter := func(name string, get func(in *interp.Interp, buf layout.Value) layout.Value) {
		in.DefineGetter(proto, name, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsArrayBuffer(a.This()) || in.IsSharedArrayBuffer(a.This()) {
				return in.ThrowError(interp.TypeError, "Method get ArrayBuffer.prototype."+name+" called on incompatible receiver "+displayArg(in, a.This()))
			}
			return get(in, a.This()), true
		})
	}
	getter("byteLength", func(in *interp.Interp, buf layout.Value) layout.Value { return layout.Smi(len(in.BufferBytes(buf))) })
	getter("maxByteLength", func(in *interp.Interp, buf layout.Value) layout.Value {
		if r, m := in.BufferResizable(buf); r && !in.BufferDetached(buf) {
			return layout.Smi(m)
		}
		return layout.Smi(len(in.BufferBytes(buf)))
	})
	getter("resizable", func(in *interp.Interp, buf layout.Value) layout.Value {
		r, _ := in.BufferResizable(buf)
		return in.Bool(r)
	})
	getter("detached", func(in *interp.Interp, buf layout.Value) layout.Value { return in.Bool(in.BufferDetached(buf)) })
	thisBuffer := func(in *interp.Interp, a interp.Args, method string) bool {
		if !in.IsArrayBuffer(a.This()) || in.IsSharedArrayBuffer(a.This()) {
			in.ThrowError(interp.TypeError, "Method ArrayBuffer.prototype."+method+" called on incompatible receiver "+displayArg(in, a.This()))
			return false
		}
		return true
	}
	b.methods(proto, []fn{
		{"slice", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			h := in.Heap()
			if !thisBuffer(in, a, "slice") {
				return 0, false
			}
			buf := h.NewHandle(a.This())
			if in.BufferDetached(buf.Value()) {
				return in.ThrowError(interp.TypeError, "Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
			}
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
			ctor, ok := bufferSpecies(in, buf.Value())
			if !ok {
				return 0, false
			}
			out, ok := in.Construct(ctor, []layout.Value{layout.Smi(count)}, in.Undefined())
			if !ok {
				return 0, false
			}
			if in.IsSharedArrayBuffer(out) {
				return in.ThrowError(interp.TypeError, "Method ArrayBuffer.prototype.slice called on incompatible receiver "+displayArg(in, out))
			}
			if !in.IsArrayBuffer(out) || in.BufferDetached(out) {
				return in.ThrowError(interp.TypeError, "ArrayBuffer subclass returned this from species constructor")
			}
			if out == buf.Value() {
				return in.ThrowError(interp.TypeError, "ArrayBuffer subclass returned this from species constructor")
			}
			if len(in.BufferBytes(out)) < count {
				return in.ThrowError(interp.TypeError, "Species constructor returned a too small ArrayBuffer")
			}
			if in.BufferDetached(buf.Value()) {
				return in.ThrowError(interp.TypeError, "Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
			}
			src := in.BufferBytes(buf.Value())
			end = min(end, len(src))
			if start < end {
				copy(in.BufferBytes(out), src[start:end])
			}
			return out, true
		}},
		{"resize", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !thisBuffer(in, a, "resize") {
				return 0, false
			}
			buf := in.Handle(a.This())
			if r, _ := in.BufferResizable(buf.Value()); !r {
				return in.ThrowError(interp.TypeError, "Method ArrayBuffer.prototype.resize called on incompatible receiver "+displayArg(in, buf.Value()))
			}
			n, ok := toIndex(in, a.Arg(0), "length")
			if !ok {
				return 0, false
			}
			if in.BufferDetached(buf.Value()) {
				return in.ThrowError(interp.TypeError, "Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer")
			}
			if _, m := in.BufferResizable(buf.Value()); n > m {
				return in.ThrowError(interp.RangeError, "ArrayBuffer.prototype.resize: Invalid length parameter")
			}
			in.ResizeBuffer(buf.Value(), n)
			return in.Undefined(), true
		}},
		{"transfer", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return transferBuffer(in, a, true) }},
		{"transferToFixedLength", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return transferBuffer(in, a, false) }},
	})
	b.dataView()
}

// bufferSpecies returns the constructor ArrayBuffer.prototype.slice uses.
func bufferSpecies(in *interp.Interp, buf layout.Value) (layout.Value, bool) {
	return bufferSpeciesFrom(in, buf, interp.ArrayBufferFunction)
}

// bufferSpeciesFrom is SpeciesConstructor(buf, def).
func bufferSpeciesFrom(in *interp.Interp, buf layout.Value, def interp.Intrinsic) (layout.Value, bool) {
	return speciesConstructor(in, buf, in.Intrinsic(def), "object.constructor is not an object")
}

// transferBuffer is ArrayBuffer.prototype.transfer(ToFixedLength): a new
// buffer with the bytes, the old one detached.
func transferBuffer(in *interp.Interp, a interp.Args, preserve bool) (layout.Value, bool) {
	h := in.Heap()
	if !in.IsArrayBuffer(a.This()) || in.IsSharedArrayBuffer(a.This()) {
		return in.ThrowError(interp.TypeError, "Method ArrayBuffer.prototype.transfer called on incompatible receiver "+displayArg(in, a.This()))
	}
	buf := h.NewHandle(a.This())
	n := len(in.BufferBytes(buf.Value()))
	if a.Arg(0) != in.Undefined() {
		var ok bool
		if n, ok = toIndex(in, a.Arg(0), "array buffer length"); !ok {
			return 0, false
		}
	}
	if in.BufferDetached(buf.Value()) {
		return in.ThrowError(interp.TypeError, "Cannot perform ArrayBuffer.prototype.transfer on a detached ArrayBuffer")
	}
	max := -1
	if r, m := in.BufferResizable(buf.Value()); r && preserve {
		if n > m {
			return in.ThrowError(interp.RangeError, "Invalid array buffer length")
		}
		max = m
	}
	out, ok := in.NewArrayBuffer(n, max, 0)
	if !ok {
		return 0, false
	}
	copy(in.BufferBytes(out), in.BufferBytes(buf.Value()))
	in.DetachArrayBuffer(buf.Value())
	return out, true
}

// bufferLengths reads a buffer constructor's length and options.maxByteLength
// (-1 when absent) with toLen, in the specification's order.
func bufferLengths(in *interp.Interp, a interp.Args, toLen func(*interp.Interp, layout.Value, string) (int, bool)) (n, max int, ok bool) {
	opts := in.Heap().NewHandle(a.Arg(1))
	if n, ok = toLen(in, a.Arg(0), "array buffer length"); !ok {
		return 0, 0, false
	}
	max = -1
	if !in.IsObject(opts.Value()) {
		return n, max, true
	}
	mv, ok := in.Get(opts.Value(), interp.NameKey(in.InternalizeGo("maxByteLength").Value()))
	if !ok || mv == in.Undefined() {
		return n, max, ok
	}
	if max, ok = toLen(in, mv, "array buffer max length"); !ok {
		return 0, 0, false
	}
	if n > max {
		in.ThrowError(interp.RangeError, "Invalid array buffer max length")
		return 0, 0, false
	}
	return n, max, true
}

func arrayBufferConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Constructor ArrayBuffer requires 'new'")
	}
	nt := in.Heap().NewHandle(a.NewTarget())
	n, max, ok := bufferLengths(in, a, toIndex)
	if !ok {
		return 0, false
	}
	proto, ok := in.PrototypeFromNewTarget(nt.Value(), interp.ArrayBufferPrototype)
	if !ok {
		return 0, false
	}
	return in.NewArrayBuffer(n, max, proto)
}

func (b *installer) dataView() {
	in := b.in
	proto := b.intrinsic(interp.DataViewPrototype)
	b.constructor("DataView", 1, dataViewConstructor, proto)
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("DataView"), objects.AttrReadOnly|objects.AttrDontEnum)
	getter := func(name string, get func(in *interp.Interp, dv layout.Value) (layout.Value, bool)) {
		in.DefineGetter(proto, name, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsDataView(a.This()) {
				return in.ThrowError(interp.TypeError, "Method get DataView.prototype."+name+" called on incompatible receiver "+displayArg(in, a.This()))
			}
			return get(in, a.This())
		})
	}
	getter("buffer", func(in *interp.Interp, dv layout.Value) (layout.Value, bool) { return in.ViewBuffer(dv), true })
	getter("byteLength", func(in *interp.Interp, dv layout.Value) (layout.Value, bool) {
		_, n, oob := in.DataViewRange(dv)
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform DataView.prototype.byteLength on a detached ArrayBuffer")
		}
		return layout.Smi(n), true
	})
	getter("byteOffset", func(in *interp.Interp, dv layout.Value) (layout.Value, bool) {
		off, _, oob := in.DataViewRange(dv)
		if oob {
			return in.ThrowError(interp.TypeError, "Cannot perform DataView.prototype.byteOffset on a detached ArrayBuffer")
		}
		return layout.Smi(off), true
	})
	kinds := []struct {
		name string
		k    interp.TypedArrayKind
	}{{"Int8", interp.Int8Kind}, {"Uint8", interp.Uint8Kind}, {"Int16", interp.Int16Kind}, {"Uint16", interp.Uint16Kind},
		{"Int32", interp.Int32Kind}, {"Uint32", interp.Uint32Kind}, {"Float32", interp.Float32Kind}, {"Float64", interp.Float64Kind},
		{"BigInt64", interp.BigInt64Kind}, {"BigUint64", interp.BigUint64Kind}}
	for _, kk := range kinds {
		k := kk.k
		in.DefineFunction(proto, "get"+kk.name, 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return dataViewAccess(in, a, k, false)
		})
		in.DefineFunction(proto, "set"+kk.name, 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return dataViewAccess(in, a, k, true)
		})
	}
}

// dataViewAccess is GetViewValue and SetViewValue.
func dataViewAccess(in *interp.Interp, a interp.Args, k interp.TypedArrayKind, set bool) (layout.Value, bool) {
	h := in.Heap()
	if !in.IsDataView(a.This()) {
		return in.ThrowError(interp.TypeError, "Receiver is not a DataView")
	}
	dv := h.NewHandle(a.This())
	idx, ok := toIndex(in, a.Arg(0), "DataView index")
	if !ok {
		return 0, false
	}
	var x float64
	var w uint64
	little := a.Arg(1)
	if set {
		little = a.Arg(2)
		if x, w, ok = toElementValue(in, k, a.Arg(1)); !ok {
			return 0, false
		}
	}
	le := in.ToBoolean(little)
	off, n, oob := in.DataViewRange(dv.Value())
	if oob {
		return in.ThrowError(interp.TypeError, "Cannot perform DataView access on a detached ArrayBuffer")
	}
	if idx+k.Size() > n {
		return in.ThrowError(interp.RangeError, "Offset is outside the bounds of the DataView")
	}
	b := in.BufferBytes(in.ViewBuffer(dv.Value()))[off+idx:]
	if k.IsBigInt() {
		var bo binary.ByteOrder = binary.BigEndian
		if le {
			bo = binary.LittleEndian
		}
		if set {
			bo.PutUint64(b, w)
			return in.Undefined(), true
		}
		return in.NewBigIntFromWord(k, bo.Uint64(b))
	}
	if set {
		interp.WriteElement(k, b, x, le)
		return in.Undefined(), true
	}
	return in.NewNumber(interp.ReadElement(k, b, le)), true
}

func dataViewConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Constructor DataView requires 'new'")
	}
	if !in.IsArrayBuffer(a.Arg(0)) {
		return in.ThrowError(interp.TypeError, "First argument to DataView constructor must be an ArrayBuffer")
	}
	buf, nt := h.NewHandle(a.Arg(0)), h.NewHandle(a.NewTarget())
	off, ok := toIndex(in, a.Arg(1), "DataView offset")
	if !ok {
		return 0, false
	}
	lenArg := h.NewHandle(a.Arg(2))
	if in.BufferDetached(buf.Value()) {
		return in.ThrowError(interp.TypeError, "Cannot perform DataView constructor on a detached ArrayBuffer")
	}
	bufLen := len(in.BufferBytes(buf.Value()))
	if off > bufLen {
		return in.ThrowError(interp.RangeError, "Start offset "+itoa(off)+" is outside the bounds of the buffer")
	}
	length := -1
	resizable, _ := in.BufferResizable(buf.Value())
	if lenArg.Value() != in.Undefined() {
		if length, ok = toIndex(in, lenArg.Value(), "DataView length "+displayArg(in, lenArg.Value())); !ok {
			return 0, false
		}
		if off+length > bufLen {
			return in.ThrowError(interp.RangeError, "Invalid DataView length "+itoa(length))
		}
	} else if !resizable {
		length = bufLen - off
	}
	proto, ok := in.PrototypeFromNewTarget(nt.Value(), interp.DataViewPrototype)
	if !ok {
		return 0, false
	}
	ph := h.NewHandle(proto)
	if in.BufferDetached(buf.Value()) {
		return in.ThrowError(interp.TypeError, "Cannot perform DataView constructor on a detached ArrayBuffer")
	}
	if n := len(in.BufferBytes(buf.Value())); off > n || length >= 0 && off+length > n {
		return in.ThrowError(interp.RangeError, "Invalid DataView length")
	}
	return in.NewDataViewObject(buf.Value(), off, length, ph.Value()), true
}
