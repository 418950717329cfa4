package interp

import (
	"math"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Value predicates and number boxing. These are the interpreter's hot
// helpers: one or two loads each, no allocation unless they say so.

// typeOf returns the instance type of a heap object.
func (in *Interp) typeOf(v layout.Value) layout.InstanceType { return in.h.InstanceType(v.Addr()) }

// IsString reports whether v is a string.
func (in *Interp) IsString(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v).IsString()
}

// IsHeapNumber reports whether v is a boxed number.
func (in *Interp) IsHeapNumber(v layout.Value) bool {
	return v.IsHeapObject() && in.h.Field(v.Addr(), layout.MapOffset) == in.heapNumberMap
}

// IsNumber reports whether v is a number (Smi or HeapNumber).
func (in *Interp) IsNumber(v layout.Value) bool { return v.IsSmi() || in.IsHeapNumber(v) }

// IsSymbol reports whether v is a symbol.
func (in *Interp) IsSymbol(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.SymbolType
}

// IsObject reports whether v is an object (a JSReceiver).
func (in *Interp) IsObject(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v).IsJSObject()
}

// IsCallable reports whether v is a function (or a proxy of one).
func (in *Interp) IsCallable(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	t := in.typeOf(v)
	return t == layout.JSFunctionType || t == layout.JSProxyType && in.proxyFlags(v)&layout.JSProxyCallable != 0
}

// IsArray reports whether v is an array.
func (in *Interp) IsArray(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSArrayType
}

// IsNullish reports whether v is null or undefined.
func (in *Interp) IsNullish(v layout.Value) bool { return v == in.undefined || v == in.null }

// Undefined returns undefined.
func (in *Interp) Undefined() layout.Value { return in.undefined }

// Null returns null.
func (in *Interp) Null() layout.Value { return in.null }

// Bool returns true or false.
func (in *Interp) Bool(b bool) layout.Value {
	if b {
		return in.trueV
	}
	return in.falseV
}

// Hole returns the hole.
func (in *Interp) Hole() layout.Value { return in.hole }

// NumberValue returns the value of a number (Smi or HeapNumber).
func (in *Interp) NumberValue(v layout.Value) float64 {
	if v.IsSmi() {
		return float64(v.SmiValue())
	}
	return in.h.F64(v.Addr(), layout.HeapNumberValueOffset)
}

// NewNumber returns x as a Smi when it is one, else as a new HeapNumber.
// It may allocate (a safepoint): values the caller holds must be rooted.
func (in *Interp) NewNumber(x float64) layout.Value {
	if x >= layout.SmiMin && x <= layout.SmiMax {
		if i := int32(x); float64(i) == x && (i != 0 || !math.Signbit(x)) {
			return layout.Value(uint32(i) << 1)
		}
	}
	return in.newHeapNumber(x)
}

// newHeapNumber allocates a HeapNumber without a handle. Hot path.
func (in *Interp) newHeapNumber(x float64) layout.Value {
	h := in.h
	a := h.AllocateYoung(layout.HeapNumberSize)
	h.SetField(a, layout.MapOffset, in.heapNumberMap)
	h.SetF64(a, layout.HeapNumberValueOffset, x)
	return a.Value()
}

// NewInt returns the integer i as a number.
func (in *Interp) NewInt(i int) layout.Value {
	if layout.FitsSmi(i) {
		return layout.Smi(i)
	}
	return in.newHeapNumber(float64(i))
}

// ToBoolean is ECMAScript's ToBoolean.
func (in *Interp) ToBoolean(v layout.Value) bool {
	if v.IsSmi() {
		return v != 0
	}
	switch v {
	case in.trueV:
		return true
	case in.falseV, in.undefined, in.null, in.hole:
		return false
	}
	a := v.Addr()
	m := in.h.Field(a, layout.MapOffset)
	if m == in.heapNumberMap {
		x := in.h.F64(a, layout.HeapNumberValueOffset)
		return x != 0 && x == x
	}
	t := in.h.InstanceType(a)
	if t.IsString() {
		return in.h.Field(a, layout.StringLengthOffset) != layout.Smi(0)
	}
	if t == layout.BigIntType {
		return in.f.BigIntSign(v) != 0
	}
	return true
}

// TypeOf returns the typeof string of v (an internalized string).
func (in *Interp) TypeOf(v layout.Value) layout.Value {
	if v.IsSmi() {
		return in.names[NameNumber]
	}
	switch v {
	case in.undefined, in.hole:
		return in.names[NameUndefined]
	case in.null:
		return in.names[NameObject]
	case in.trueV, in.falseV:
		return in.names[NameBoolean]
	}
	if in.IsHeapNumber(v) {
		return in.names[NameNumber]
	}
	t := in.typeOf(v)
	switch {
	case t.IsString():
		return in.names[NameString]
	case t == layout.SymbolType:
		return in.names[NameSymbol]
	case t == layout.BigIntType:
		return in.names[NameBigInt]
	case t == layout.JSFunctionType:
		return in.names[NameFunction]
	case t == layout.JSProxyType && in.proxyFlags(v)&layout.JSProxyCallable != 0:
		return in.names[NameFunction]
	}
	return in.names[NameObject]
}

// Handle creates a handle for v in the innermost handle scope.
func (in *Interp) Handle(v layout.Value) heap.Handle { return in.h.NewHandle(v) }

// StrictEquals is ===.
func (in *Interp) StrictEquals(a, b layout.Value) bool {
	if a == b {
		return !in.isNaNValue(a)
	}
	if a.IsSmi() && b.IsSmi() {
		return false
	}
	an, bn := in.IsNumber(a), in.IsNumber(b)
	if an || bn {
		return an && bn && in.NumberValue(a) == in.NumberValue(b)
	}
	if a.IsSmi() || b.IsSmi() {
		return false
	}
	if in.IsString(a) && in.IsString(b) {
		return in.f.StringEquals(a, b)
	}
	if in.IsBigInt(a) && in.IsBigInt(b) {
		return in.f.BigIntEquals(a, b)
	}
	return false
}

func (in *Interp) isNaNValue(v layout.Value) bool {
	if !in.IsHeapNumber(v) {
		return false
	}
	x := in.NumberValue(v)
	return x != x
}

// SameValue is Object.is.
func (in *Interp) SameValue(a, b layout.Value) bool {
	if in.IsNumber(a) && in.IsNumber(b) {
		x, y := in.NumberValue(a), in.NumberValue(b)
		if x != x && y != y {
			return true
		}
		return x == y && math.Signbit(x) == math.Signbit(y)
	}
	return in.StrictEquals(a, b)
}

// SameValueZero is SameValue with +0 and -0 equal (Array.prototype.includes).
func (in *Interp) SameValueZero(a, b layout.Value) bool {
	if in.IsNumber(a) && in.IsNumber(b) {
		x, y := in.NumberValue(a), in.NumberValue(b)
		return x == y || x != x && y != y
	}
	return in.StrictEquals(a, b)
}
