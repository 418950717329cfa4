package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// errors installs Error and the native error constructors (TypeError,
// RangeError, SyntaxError, ReferenceError, EvalError, URIError), each with
// its prototype's name and message; Error.prototype.toString and
// Error.captureStackTrace (a V8 extension node code relies on).
func (b *installer) errors() {
	in := b.in
	var errorCtor heap.Handle
	for k := interp.Error; k <= interp.URIError; k++ {
		kind := k
		proto := b.intrinsic(interp.ErrorPrototype + interp.Intrinsic(kind))
		c := b.constructor(kind.String(), 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return errorConstructor(in, a, kind)
		}, proto)
		b.value(proto, "name", in.InternalizeGo(kind.String()).Value(), objects.AttrDontEnum)
		b.value(proto, "message", in.Factory().Roots.EmptyString, objects.AttrDontEnum)
		if kind == interp.Error {
			errorCtor = c
			b.methods(proto, []fn{{"toString", 0, errorProtoToString}})
			b.methods(c, []fn{{"captureStackTrace", 2, errorCaptureStackTrace}})
			b.value(c, "stackTraceLimit", layout.Smi(10), objects.AttrNone)
		} else {
			in.Factory().SetPrototype(c, errorCtor)
		}
	}
}

func errorConstructor(in *interp.Interp, a interp.Args, kind interp.ErrorKind) (layout.Value, bool) {
	h := in.Heap()
	nt := a.NewTarget()
	if nt == in.Undefined() {
		nt = a.Callee()
	}
	obj, ok := in.OrdinaryCreateFromConstructor(nt, interp.ErrorPrototype+interp.Intrinsic(kind))
	if !ok {
		return 0, false
	}
	in.MarkError(obj)
	// V8 installs stack first: own keys are [stack, message] (what
	// getOwnPropertyNames and DevTools list); CaptureStack fills it in.
	in.DefineValue(obj, "stack", h.NewHandle(in.Undefined()), objects.AttrDontEnum)
	if msg := a.Arg(0); msg != in.Undefined() {
		s, ok := in.ToString(msg)
		if !ok {
			return 0, false
		}
		in.DefineValue(obj, "message", h.NewHandle(s), objects.AttrDontEnum)
	}
	if opts := a.Arg(1); in.IsObject(opts) {
		cause := in.Name(interp.NameCause)
		if in.HasProperty(opts, interp.NameKey(cause)) {
			v, ok := in.GetNamed(a.Arg(1), cause)
			if !ok {
				return 0, false
			}
			in.DefineValue(obj, "cause", h.NewHandle(v), objects.AttrDontEnum)
		}
	}
	in.CaptureStack(obj, true)
	return obj.Value(), true
}

// errorToString is Error.prototype.toString without running getters twice.
func errorToString(in *interp.Interp, e layout.Value) string {
	name, msg := "Error", ""
	if v, ok := in.GetName(e, interp.NameName); ok && v != in.Undefined() {
		name, _ = in.ToGoString(v)
	}
	if v, ok := in.GetName(e, interp.NameMessage); ok && v != in.Undefined() {
		msg, _ = in.ToGoString(v)
	}
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

func errorProtoToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !in.IsObject(a.This()) {
		return in.ThrowError(interp.TypeError, "Error.prototype.toString requires that 'this' be an Object")
	}
	s := errorToString(in, a.This())
	if in.HasException() {
		return 0, false
	}
	return in.StringValue(s), true
}

func errorCaptureStackTrace(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o := a.Arg(0)
	if !in.IsObject(o) {
		return in.ThrowError(interp.TypeError, "Invalid argument")
	}
	in.CaptureStack(in.Handle(o), true)
	return in.Undefined(), true
}
