package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// RegisterNative adds a Go function to the isolate's table of builtins and
// returns its id (what a builtin's SharedFunctionInfo holds as its function
// data, in place of bytecode).
func (in *Interp) RegisterNative(fn Native) int {
	in.natives = append(in.natives, fn)
	return len(in.natives) - 1
}

// NativeFlags describe a builtin function.
type NativeFlags uint8

const (
	// NativeConstructor lets new be applied to the builtin.
	NativeConstructor NativeFlags = 1 << iota
)

// NewNativeFunction creates a builtin function object: name and length as
// its name and length properties, fn its behavior.
func (in *Interp) NewNativeFunction(name string, length int, fn Native, flags NativeFlags) heap.Handle {
	return in.NewBuiltinFunction(name, length, in.RegisterNative(fn), flags)
}

// NewBuiltinFunction creates a function object for the registered native
// id (several functions may share one native: bound functions do).
func (in *Interp) NewBuiltinFunction(name string, length int, id int, flags NativeFlags) heap.Handle {
	h, f := in.h, in.f
	scope := h.OpenScope()
	nm := f.InternalizeGo(name)
	sfi := f.NewSharedFunctionInfo(nm, heap.Handle{}, 0, 0, -1, length)
	f.SetSharedBytecode(sfi.Value(), layout.Smi(id))
	sflags := objects.SharedIsStrict
	if flags&NativeConstructor == 0 {
		sflags |= sharedNotConstructor
	}
	f.SetSharedFlags(sfi.Value(), sflags)
	fnh := f.NewJSFunction(sfi, h.NewHandle(in.undefined), h.NewHandle(in.intrinsics[NoFeedbackCell]))
	return scope.CloseAndEscape(fnh.Value())
}

// DefineFunction defines a builtin method name on obj (non-enumerable, as
// builtins' methods are) and returns the function.
func (in *Interp) DefineFunction(obj heap.Handle, name string, length int, fn Native) heap.Handle {
	fh := in.NewNativeFunction(name, length, fn, 0)
	in.DefineValue(obj, name, fh, objects.AttrDontEnum)
	return fh
}

// DefineSymbolFunction defines a builtin method keyed by a symbol (named
// "[description]").
func (in *Interp) DefineSymbolFunction(obj heap.Handle, sym layout.Value, name string, length int, fn Native) heap.Handle {
	sh := in.h.NewHandle(sym) // before the allocations below
	fh := in.NewNativeFunction(name, length, fn, 0)
	in.f.DefineProperty(obj, sh, fh, objects.AttrDontEnum)
	return fh
}

// DefineSymbolGetter defines a builtin accessor keyed by a symbol, with a
// getter only (named "get [description]").
func (in *Interp) DefineSymbolGetter(obj heap.Handle, sym layout.Value, name string, fn Native) {
	sh := in.h.NewHandle(sym)
	g := in.NewNativeFunction("get "+name, 0, fn, 0)
	in.f.DefineAccessor(obj, sh, g, heap.Handle{}, objects.AttrDontEnum)
}

// EmptyString returns "".
func (in *Interp) EmptyString() layout.Value { return in.emptyString }

// DefineGetter defines a builtin accessor with a getter only.
func (in *Interp) DefineGetter(obj heap.Handle, name string, fn Native) {
	g := in.NewNativeFunction("get "+name, 0, fn, 0)
	in.f.DefineAccessor(obj, in.f.InternalizeGo(name), g, heap.Handle{}, objects.AttrDontEnum)
}

// SetFunctionPrototype sets a constructor's prototype object (the
// prototype property builtins and `new` use).
func (in *Interp) SetFunctionPrototype(fn, proto heap.Handle) {
	in.f.SetFunctionPrototypeOrInitialMap(fn.Value(), proto.Value())
}

// OrdinaryCreateFromConstructor makes an ordinary object for a builtin
// constructor called with new: its prototype is newTarget.prototype (a
// subclass's), or the intrinsic fallback.
func (in *Interp) OrdinaryCreateFromConstructor(newTarget layout.Value, fallback Intrinsic) (heap.Handle, bool) {
	h, f := in.h, in.f
	if newTarget == in.undefined {
		return in.NewObject(in.intrinsics[fallback]), true
	}
	m, ok := in.initialMap(h.NewHandle(newTarget))
	if !ok {
		return heap.Handle{}, false
	}
	if f.MapPrototype(m.Value()) == in.intrinsics[ObjectPrototype] && fallback != ObjectPrototype {
		return in.NewObject(in.intrinsics[fallback]), true
	}
	return f.NewJSObject(m), true
}

// IsConstructor reports whether new may be applied to v.
func (in *Interp) IsConstructor(v layout.Value) bool { return in.isConstructor(v) }

// IterableToArray collects the values of an iterable into a new array.
func (in *Interp) IterableToArray(v layout.Value) (heap.Handle, bool) { return in.iterableToArray(v) }

// KeyOf converts an OwnKeys entry (a name or a Smi index) to a Key.
func KeyOf(k layout.Value) Key {
	if k.IsSmi() {
		return IndexKey(uint32(k.SmiValue()))
	}
	return NameKey(k)
}

// OwnProperty looks up obj's own property k: its value (for an accessor,
// the AccessorPair), whether it is an accessor, its attributes and whether
// it exists. Functions' and arrays' built-in properties are included.
func (in *Interp) OwnProperty(obj layout.Value, k Key) (v layout.Value, accessor bool, attrs objects.PropertyAttributes, found bool) {
	if !obj.IsHeapObject() {
		return 0, false, 0, false
	}
	v, kind, attrs := in.ownProperty(obj, k)
	if kind == propNone && k.IsIndex && in.IsObject(obj) && in.mayHaveSparseIndex(obj) {
		t := in.pushTemp(obj)
		name := in.indexName(k.Index)
		obj = in.temp(t)
		in.popTemps(t)
		v, kind, attrs = in.ownProperty(obj, NameKey(name))
	}
	if kind == propProxy {
		return 0, false, 0, false
	}
	return v, kind == propAccessor, attrs, kind != propNone
}

// Lookup finds k on obj or its prototypes without running getters: the
// value (or AccessorPair) and whether it is an accessor.
func (in *Interp) Lookup(obj layout.Value, k Key) (v layout.Value, accessor, found bool) {
	v, kind := in.lookupFull(k, &obj)
	if kind == propProxy {
		return 0, false, false
	}
	return v, kind == propAccessor, kind != propNone
}

// DefineAccessorProperty defines obj's own accessor property k (getter and
// setter may be undefined).
func (in *Interp) DefineAccessorProperty(obj heap.Handle, k Key, getter, setter heap.Handle, attrs objects.PropertyAttributes) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	if k.IsIndex && in.IsObject(obj.Value()) {
		// An accessor element is kept by name (see defineSparse): the
		// plain element goes, an array grows past it.
		if _, ok := in.f.GetElement(obj.Value(), k.Index); ok {
			in.f.DeleteElement(obj.Value(), k.Index)
		}
		if m, _, ok := in.argumentsMapEntry(obj.Value(), k.Index); ok {
			in.setMappedEntry(m, k.Index, in.hole) // an accessor ends the mapping
		}
		if in.f.IsJSArray(obj.Value()) && k.Index >= in.f.ArrayLength(obj.Value()) {
			in.f.SetArrayLength(obj, k.Index+1)
		}
	}
	name := h.NewHandle(in.KeyString(k))
	var g, s heap.Handle
	if getter.Value() != in.undefined {
		g = getter
	}
	if setter.Value() != in.undefined {
		s = setter
	}
	in.f.DefineAccessor(obj, name, g, s, attrs)
}

// ArrayLength returns the length of an array.
func (in *Interp) ArrayLength(arr layout.Value) uint32 { return in.f.ArrayLength(arr) }

// PushValue appends v to the array arr.
func (in *Interp) PushValue(arr heap.Handle, v layout.Value) {
	scope := in.h.OpenScope()
	in.f.ArrayPush(arr, in.h.NewHandle(v))
	scope.Close()
}

// Element returns arr's element i (undefined for a hole), without running
// getters: for arrays whose elements are plain values.
func (in *Interp) Element(arr layout.Value, i uint32) layout.Value {
	if v, ok := in.f.GetElement(arr, i); ok {
		return v
	}
	return in.undefined
}

// IsStrictCaller reports whether the innermost JavaScript frame is strict code.
func (in *Interp) IsStrictCaller() bool { return in.currentStrict() }

// GlobalObject returns the global object.
func (in *Interp) GlobalObject() layout.Value { return in.intrinsics[GlobalObject] }
