package runtime

import (
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// V8's view of the builtin object kinds whose state lives outside their
// properties: typed arrays, ArrayBuffers and DataViews, arguments
// objects, the function kinds; and the native accessors V8 shows in their
// previews (the getters of their prototypes, which it evaluates because
// they have no side effects).

// viewSubtype returns the subtype and description of a typed array,
// ArrayBuffer, DataView or arguments object ("" for others).
func (m mirror) viewSubtype(v layout.Value, cls string) (string, string) {
	in := m.in
	switch {
	case in.IsTypedArray(v):
		n, _ := in.TypedArrayLength(v)
		return "typedarray", cls + "(" + strconv.Itoa(n) + ")"
	case in.IsArrayBuffer(v):
		return "arraybuffer", cls + "(" + strconv.Itoa(len(in.BufferBytes(v))) + ")"
	case in.IsDataView(v):
		_, n, _ := in.DataViewRange(v)
		return "dataview", cls + "(" + strconv.Itoa(n) + ")"
	case in.IsArgumentsObject(v):
		n := 0
		if l, ok := in.DataProperty(v, "length"); ok && in.IsNumber(l) {
			n = int(in.NumberValue(l))
		}
		return "array", "Arguments(" + strconv.Itoa(n) + ")"
	}
	return "", ""
}

// functionClassName is V8's className of a function: the name of the
// constructor its prototype chain names (Function, AsyncFunction,
// GeneratorFunction, AsyncGeneratorFunction), read without running
// getters.
func (m mirror) functionClassName(fn layout.Value) string {
	in := m.in
	if fn == in.Intrinsic(interp.FunctionPrototype) {
		return "Function"
	}
	proto := in.Prototype(fn)
	if !in.IsObject(proto) {
		return "Function"
	}
	ctor, ok := in.DataProperty(proto, "constructor")
	if !ok || !in.IsCallable(ctor) {
		return "Function"
	}
	if n, ok := in.DataProperty(ctor, "name"); ok && in.IsString(n) && in.GoString(n) != "" {
		return in.GoString(n)
	}
	return "Function"
}

// nativeAccessor is one value of a native getter V8 shows in a preview.
type nativeAccessor struct {
	name   string
	value  heap.Handle
	symbol bool
}

// nativeAccessors returns the native getters' values V8 previews for obj,
// in V8's order (typed arrays, DataViews, ArrayBuffers, RegExps, Symbol
// wrappers).
func (m mirror) nativeAccessors(obj heap.Handle) []nativeAccessor {
	in := m.in
	v := obj.Value()
	num := func(x int) heap.Handle { return in.Handle(in.NewNumber(float64(x))) }
	switch {
	case in.IsTypedArray(v):
		n, _ := in.TypedArrayLength(v)
		k := in.TypedArrayKindOf(v)
		off := in.TypedArrayByteOffset(v)
		buf := in.Handle(in.ViewBuffer(obj.Value()))
		return []nativeAccessor{{"buffer", buf, false}, {"byteLength", num(n * k.Size()), false},
			{"byteOffset", num(off), false}, {"length", num(n), false},
			{"Symbol(Symbol.toStringTag)", in.Handle(in.StringValue(k.Name())), true}}
	case in.IsDataView(v):
		off, n, _ := in.DataViewRange(v)
		buf := in.Handle(in.ViewBuffer(obj.Value()))
		return []nativeAccessor{{"buffer", buf, false}, {"byteLength", num(n), false}, {"byteOffset", num(off), false}}
	case in.IsArrayBuffer(v):
		n := len(in.BufferBytes(v))
		resizable, max := in.BufferResizable(v)
		if !resizable {
			max = n
		}
		return []nativeAccessor{{"byteLength", num(n), false}, {"maxByteLength", num(max), false},
			{"resizable", in.Handle(in.Bool(resizable)), false}}
	}
	if pv, ok := in.PrimitiveValue(v); ok && in.IsSymbol(pv) {
		d := in.SymbolDescriptiveString(pv)
		if strings.HasPrefix(d, "Symbol(") && strings.HasSuffix(d, ")") && d != "Symbol()" {
			return []nativeAccessor{{"description", in.Handle(in.StringValue(d[len("Symbol(") : len(d)-1])), false}}
		}
		return []nativeAccessor{{"description", in.Handle(in.Undefined()), false}}
	}
	r := m.describe(v)
	if r.Subtype != nil && *r.Subtype == rt.RemoteObjectSubtypeRegexp && r.Description != nil {
		src := *r.Description
		i := strings.LastIndexByte(src, '/')
		if i <= 0 {
			return nil
		}
		flags := src[i+1:]
		b := func(c byte) heap.Handle { return in.Handle(in.Bool(strings.IndexByte(flags, c) >= 0)) }
		return []nativeAccessor{{"dotAll", b('s'), false}, {"flags", in.Handle(in.StringValue(flags)), false},
			{"global", b('g'), false}, {"hasIndices", b('d'), false}, {"ignoreCase", b('i'), false},
			{"multiline", b('m'), false}, {"source", in.Handle(in.StringValue(src[1:i])), false},
			{"sticky", b('y'), false}, {"unicode", b('u'), false}, {"unicodeSets", b('v'), false}}
	}
	return nil
}
