package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Type conversions (ECMAScript §7.1). Conversions of objects call their
// valueOf/toString (or Symbol.toPrimitive), so they may run JavaScript and
// allocate; their arguments are plain values read before that happens.

type primitiveHint uint8

const (
	hintDefault primitiveHint = iota
	hintNumber
	hintString
)

// The ToPrimitive hints, for builtins.
const (
	HintDefault = hintDefault
	HintNumber  = hintNumber
	HintString  = hintString
)

// ToPrimitive converts an object to a primitive: Symbol.toPrimitive, else
// valueOf then toString (toString first for the string hint).
func (in *Interp) ToPrimitive(v layout.Value, hint primitiveHint) (layout.Value, bool) {
	if !in.IsObject(v) {
		return v, true
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	obj := h.NewHandle(v)
	exotic, ok := in.Get(obj.Value(), NameKey(in.intrinsics[SymbolToPrimitive]))
	if !ok {
		return 0, false
	}
	if exotic != in.undefined && exotic != in.null {
		if !in.IsCallable(exotic) {
			return in.ThrowError(TypeError, "Symbol.toPrimitive is not a function")
		}
		hs := [...]Name{hintDefault: NameDefault, hintNumber: NameNumber, hintString: NameString}[hint]
		r, ok := in.Call(exotic, obj.Value(), in.names[hs])
		if !ok {
			return 0, false
		}
		if in.IsObject(r) {
			return in.ThrowError(TypeError, "Cannot convert object to primitive value")
		}
		return r, true
	}
	return in.ordinaryToPrimitive(obj, hint)
}

// OrdinaryToPrimitive is OrdinaryToPrimitive(O, hint): valueOf then
// toString, or toString first for the string hint.
func (in *Interp) OrdinaryToPrimitive(v layout.Value, hint primitiveHint) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	return in.ordinaryToPrimitive(h.NewHandle(v), hint)
}

func (in *Interp) ordinaryToPrimitive(obj heap.Handle, hint primitiveHint) (layout.Value, bool) {
	order := [2]Name{NameValueOf, NameToString}
	if hint == hintString {
		order = [2]Name{NameToString, NameValueOf}
	}
	for _, n := range order {
		m, ok := in.GetName(obj.Value(), n)
		if !ok {
			return 0, false
		}
		if in.IsCallable(m) {
			r, ok := in.Call(m, obj.Value())
			if !ok {
				return 0, false
			}
			if !in.IsObject(r) {
				return r, true
			}
		}
	}
	return in.ThrowError(TypeError, "Cannot convert object to primitive value")
}

// ToNumber converts v to a number value (Smi or HeapNumber).
func (in *Interp) ToNumber(v layout.Value) (layout.Value, bool) {
	if v.IsSmi() || in.IsHeapNumber(v) {
		return v, true
	}
	x, ok := in.ToFloat(v)
	if !ok {
		return 0, false
	}
	return in.NewNumber(x), true
}

// ToFloat converts v to a Go float64 (ECMAScript ToNumber).
func (in *Interp) ToFloat(v layout.Value) (float64, bool) {
	if v.IsSmi() {
		return float64(v.SmiValue()), true
	}
	h := in.h
	m := h.Field(v.Addr(), layout.MapOffset)
	if m == in.heapNumberMap {
		return h.F64(v.Addr(), layout.HeapNumberValueOffset), true
	}
	t := in.f.MapInstanceType(m)
	switch {
	case t == layout.OddballType:
		return h.F64(v.Addr(), layout.OddballToNumberRawOffset), true
	case t.IsString():
		return in.stringToNumber(v), true
	case t == layout.SymbolType:
		in.throwErrorValue(TypeError, "Cannot convert a Symbol value to a number")
		return 0, false
	case t == layout.BigIntType:
		in.throwErrorValue(TypeError, "Cannot convert a BigInt value to a number")
		return 0, false
	}
	p, ok := in.ToPrimitive(v, hintNumber)
	if !ok {
		return 0, false
	}
	return in.ToFloat(p)
}

// stringToNumber is StringToNumber on a heap string.
func (in *Interp) stringToNumber(s layout.Value) float64 {
	f := in.f
	n := f.StringLength(s)
	if n == 0 {
		return 0
	}
	if f.IsFlatString(s) && f.IsOneByteString(s) {
		return jsnum.StringToNumberLatin1(in.h.Bytes(s.Addr(), layout.SeqStringCharsOffset, uint32(n)))
	}
	return jsnum.StringToNumberUTF16(f.StringToUTF16(s))
}

// ToNumeric is ToNumeric: a number, or a BigInt unchanged.
func (in *Interp) ToNumeric(v layout.Value) (layout.Value, bool) { return in.ToNumericValue(v) }

// ToInt32 converts v to a 32-bit signed integer.
func (in *Interp) ToInt32(v layout.Value) (int32, bool) {
	if v.IsSmi() {
		return int32(v.SmiValue()), true
	}
	x, ok := in.ToFloat(v)
	return jsnum.ToInt32(x), ok
}

// ToUint32 converts v to a 32-bit unsigned integer.
func (in *Interp) ToUint32(v layout.Value) (uint32, bool) {
	if v.IsSmi() {
		return uint32(int32(v.SmiValue())), true
	}
	x, ok := in.ToFloat(v)
	return jsnum.ToUint32(x), ok
}

// ToIntegerOrInfinity converts v for index arguments (ToIntegerOrInfinity).
func (in *Interp) ToIntegerOrInfinity(v layout.Value) (float64, bool) {
	if v.IsSmi() {
		return float64(v.SmiValue()), true
	}
	x, ok := in.ToFloat(v)
	return jsnum.ToIntegerOrInfinity(x), ok
}

// ToString converts v to a string value.
func (in *Interp) ToString(v layout.Value) (layout.Value, bool) {
	if v.IsSmi() {
		return in.smiToString(v.SmiValue()), true
	}
	h := in.h
	m := h.Field(v.Addr(), layout.MapOffset)
	if m == in.heapNumberMap {
		return in.NumberToString(h.F64(v.Addr(), layout.HeapNumberValueOffset)), true
	}
	t := in.f.MapInstanceType(m)
	switch {
	case t.IsString():
		return v, true
	case t == layout.OddballType:
		return h.Field(v.Addr(), layout.OddballToStringOffset), true
	case t == layout.SymbolType:
		return in.ThrowError(TypeError, "Cannot convert a Symbol value to a string")
	case t == layout.BigIntType:
		return in.bigIntString(v), true
	}
	p, ok := in.ToPrimitive(v, hintString)
	if !ok {
		return 0, false
	}
	return in.ToString(p)
}

// numberStringCacheSize is the number of small integers whose strings are
// cached.
const numberStringCacheSize = 1024

// smiToString converts a small integer, through a cache for small values.
func (in *Interp) smiToString(i int) layout.Value {
	if i >= 0 && i < numberStringCacheSize {
		if c := in.numberStrings[i]; c != in.undefined {
			return c
		}
		s := in.NumberToString(float64(i))
		in.numberStrings[i] = s
		return s
	}
	return in.NumberToString(float64(i))
}

// NumberToString is Number::toString (radix 10).
func (in *Interp) NumberToString(x float64) layout.Value {
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.f.NewStringFromGo(jsnum.FormatNumber(x), heap.NewSpace).Value()
}

// NewString allocates a string from Go text (in a handle).
func (in *Interp) NewString(s string) heap.Handle {
	return in.f.NewStringFromGo(s, heap.NewSpace)
}

// StringValue returns a new string value from Go text.
func (in *Interp) StringValue(s string) layout.Value {
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.f.NewStringFromGo(s, heap.NewSpace).Value()
}

// GoString converts a string value to Go text.
func (in *Interp) GoString(s layout.Value) string { return in.f.StringToGo(s) }

// ToGoString converts any value with ToString to Go text.
func (in *Interp) ToGoString(v layout.Value) (string, bool) {
	s, ok := in.ToString(v)
	if !ok {
		return "", false
	}
	return in.f.StringToGo(s), true
}

// ToObject converts v to an object: primitives to wrapper objects (whose
// prototype is the primitive's; the value is kept in a private slot).
func (in *Interp) ToObject(v layout.Value) (layout.Value, bool) {
	if in.IsObject(v) {
		return v, true
	}
	if v == in.undefined || v == in.null || v == in.hole {
		return in.ThrowError(TypeError, "Cannot convert undefined or null to object")
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	obj := in.NewObject(in.prototypeOf(v))
	in.f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivatePrimitiveValue]), vh, objects.AttrDontEnum)
	return obj.Value(), true
}

// PrimitiveValue returns the primitive a wrapper object holds (ToObject of a
// primitive), or false.
func (in *Interp) PrimitiveValue(obj layout.Value) (layout.Value, bool) {
	if !in.IsObject(obj) {
		return 0, false
	}
	return in.f.GetProperty(obj, in.intrinsics[PrivatePrimitiveValue])
}

// TypeOfString returns typeof v as Go text.
func (in *Interp) TypeOfString(v layout.Value) string { return in.f.StringToGo(in.TypeOf(v)) }
