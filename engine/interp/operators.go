package interp

import (
	"math"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// The operators' slow paths: what the dispatch loop's Smi fast paths do not
// cover. Operands are plain values; conversions that may run JavaScript
// keep them in handles.

// add is the + operator.
func (in *Interp) add(l, r layout.Value) (layout.Value, bool) {
	if in.IsNumber(l) && in.IsNumber(r) {
		return in.NewNumber(in.NumberValue(l) + in.NumberValue(r)), true
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	if in.IsString(l) && in.IsString(r) {
		return in.concat(h.NewHandle(l), h.NewHandle(r))
	}
	rh := h.NewHandle(r)
	lp, ok := in.ToPrimitive(l, hintDefault)
	if !ok {
		return 0, false
	}
	lh := h.NewHandle(lp)
	rp, ok := in.ToPrimitive(rh.Value(), hintDefault)
	if !ok {
		return 0, false
	}
	rh.Set(rp)
	if in.IsString(lh.Value()) || in.IsString(rh.Value()) {
		ls, ok := in.ToString(lh.Value())
		if !ok {
			return 0, false
		}
		lh.Set(ls)
		rs, ok := in.ToString(rh.Value())
		if !ok {
			return 0, false
		}
		rh.Set(rs)
		return in.concat(lh, rh)
	}
	ln, rn, ok := in.toNumericPair(lh.Value(), rh.Value())
	if !ok {
		return 0, false
	}
	return in.numericBinary(bytecode.Add, ln, rn)
}

// concat joins two strings (a cons string for long results).
func (in *Interp) concat(a, b heap.Handle) (layout.Value, bool) {
	s, err := in.f.NewConsString(a, b)
	if err != nil {
		return in.ThrowError(RangeError, "Invalid string length")
	}
	return s.Value(), true
}

// Concat joins two string values.
func (in *Interp) Concat(a, b layout.Value) (layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.concat(in.h.NewHandle(a), in.h.NewHandle(b))
}

// arith applies a numeric binary operator other than +.
func (in *Interp) arith(op bytecode.Op, l, r layout.Value) (layout.Value, bool) {
	var x, y float64
	if in.IsNumber(l) && in.IsNumber(r) {
		x, y = in.NumberValue(l), in.NumberValue(r)
	} else {
		ln, rn, ok := in.toNumericPair(l, r)
		if !ok {
			return 0, false
		}
		if in.IsBigInt(ln) || in.IsBigInt(rn) {
			return in.numericBinary(op, ln, rn)
		}
		x, y = in.NumberValue(ln), in.NumberValue(rn)
	}
	return in.numberBinary(op, x, y)
}

// numberBinary applies a numeric binary operator to two numbers' values.
func (in *Interp) numberBinary(op bytecode.Op, x, y float64) (layout.Value, bool) {
	switch op {
	case bytecode.Add:
		return in.NewNumber(x + y), true
	case bytecode.Sub:
		return in.NewNumber(x - y), true
	case bytecode.Mul:
		return in.NewNumber(x * y), true
	case bytecode.Div:
		return in.NewNumber(x / y), true
	case bytecode.Mod:
		return in.NewNumber(jsMod(x, y)), true
	case bytecode.Exp:
		return in.NewNumber(jsPow(x, y)), true
	case bytecode.BitwiseAnd:
		return in.NewInt(int(toInt32Of(x) & toInt32Of(y))), true
	case bytecode.BitwiseOr:
		return in.NewInt(int(toInt32Of(x) | toInt32Of(y))), true
	case bytecode.BitwiseXor:
		return in.NewInt(int(toInt32Of(x) ^ toInt32Of(y))), true
	case bytecode.ShiftLeft:
		return in.NewInt(int(toInt32Of(x) << (jsnum.ToUint32(y) & 31))), true
	case bytecode.ShiftRight:
		return in.NewInt(int(toInt32Of(x) >> (jsnum.ToUint32(y) & 31))), true
	case bytecode.ShiftRightLogical:
		return in.NewInt(int(jsnum.ToUint32(x) >> (jsnum.ToUint32(y) & 31))), true
	}
	return in.ThrowError(Error, "unknown operator")
}

// toInt32Of is ToInt32 of a number's value, the common case inline.
func toInt32Of(x float64) int32 {
	if x >= -(1<<31) && x < 1<<31 {
		return int32(x)
	}
	return jsnum.ToInt32(x)
}

// jsMod is the % operator on numbers.
func jsMod(x, y float64) float64 {
	if y == 0 || math.IsInf(x, 0) || x != x || y != y {
		return math.NaN()
	}
	if math.IsInf(y, 0) {
		return x
	}
	if x == 0 {
		return x
	}
	r := math.Mod(x, y)
	if r == 0 && math.Signbit(x) {
		return math.Copysign(0, -1)
	}
	return r
}

// jsPow is the ** operator on numbers (Number::exponentiate).
func jsPow(x, y float64) float64 {
	if y != y {
		return math.NaN()
	}
	if y == 0 {
		return 1
	}
	if (x == 1 || x == -1) && math.IsInf(y, 0) {
		return math.NaN()
	}
	return math.Pow(x, y)
}

// unaryOp applies Negate, BitwiseNot, ToNumeric, ToNumber, ToString or
// ToPropertyKey.
func (in *Interp) unaryOp(op bytecode.Op, v layout.Value) (layout.Value, bool) {
	switch op {
	case bytecode.ToString:
		return in.ToString(v)
	case bytecode.ToPropertyKey:
		if in.IsSymbol(v) || in.IsString(v) || v.IsSmi() {
			return v, true
		}
		k, ok := in.ToPropertyKey(v)
		if !ok {
			return 0, false
		}
		if k.IsIndex {
			return in.NewNumber(float64(k.Index)), true
		}
		return k.Name, true
	}
	if op == bytecode.ToNumber {
		return in.ToNumber(v)
	}
	n, ok := in.ToNumericValue(v)
	if !ok {
		return 0, false
	}
	if in.IsBigInt(n) {
		if op == bytecode.ToNumeric {
			return n, true
		}
		return in.bigintUnary(op, n)
	}
	x := in.NumberValue(n)
	switch op {
	case bytecode.Negate:
		return in.NewNumber(-x), true
	case bytecode.BitwiseNot:
		return in.NewInt(int(^jsnum.ToInt32(x))), true
	}
	return in.NewNumber(x), true
}

// compare applies <, >, <= or >= (the abstract relational comparison).
func (in *Interp) compare(op bytecode.Op, l, r layout.Value) (layout.Value, bool) {
	if in.IsNumber(l) && in.IsNumber(r) {
		return in.compareNumbers(op, in.NumberValue(l), in.NumberValue(r)), true
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	rh := h.NewHandle(r)
	lp, ok := in.ToPrimitive(l, hintNumber)
	if !ok {
		return 0, false
	}
	lh := h.NewHandle(lp)
	rp, ok := in.ToPrimitive(rh.Value(), hintNumber)
	if !ok {
		return 0, false
	}
	rh.Set(rp)
	if in.IsString(lh.Value()) && in.IsString(rh.Value()) {
		c := in.CompareStrings(lh.Value(), rh.Value())
		switch op {
		case bytecode.TestLessThan:
			return in.Bool(c < 0), true
		case bytecode.TestGreaterThan:
			return in.Bool(c > 0), true
		case bytecode.TestLessThanOrEqual:
			return in.Bool(c <= 0), true
		default:
			return in.Bool(c >= 0), true
		}
	}
	if lb, rb := in.IsBigInt(lh.Value()), in.IsBigInt(rh.Value()); lb || rb {
		if lb && in.IsString(rh.Value()) || rb && in.IsString(lh.Value()) {
			return in.compareResult(op, in.compareMixed(lh.Value(), rh.Value())), true
		}
		ln, rn, ok := in.toNumericPair(lh.Value(), rh.Value())
		if !ok {
			return 0, false
		}
		return in.compareResult(op, in.compareMixed(ln, rn)), true
	}
	x, ok := in.ToFloat(lh.Value())
	if !ok {
		return 0, false
	}
	y, ok := in.ToFloat(rh.Value())
	if !ok {
		return 0, false
	}
	return in.compareNumbers(op, x, y), true
}

// compareNumbers applies a relational operator to two numbers.
func (in *Interp) compareNumbers(op bytecode.Op, x, y float64) layout.Value {
	switch op {
	case bytecode.TestLessThan:
		return in.Bool(x < y)
	case bytecode.TestGreaterThan:
		return in.Bool(x > y)
	case bytecode.TestLessThanOrEqual:
		return in.Bool(x <= y)
	default:
		return in.Bool(x >= y)
	}
}

// compareMixed compares two primitives one of which is a BigInt (the
// other a BigInt, a number or a string): -1, 0, 1, or 2 for undefined.
func (in *Interp) compareMixed(l, r layout.Value) int {
	if in.IsBigInt(l) {
		return in.compareBigInt(l, r)
	}
	return negateCmp(in.compareBigInt(r, l))
}

// compareResult turns a three-way comparison (2: undefined) into the
// result of a relational operator.
func (in *Interp) compareResult(op bytecode.Op, c int) layout.Value {
	if c == 2 {
		return in.falseV
	}
	switch op {
	case bytecode.TestLessThan:
		return in.Bool(c < 0)
	case bytecode.TestGreaterThan:
		return in.Bool(c > 0)
	case bytecode.TestLessThanOrEqual:
		return in.Bool(c <= 0)
	}
	return in.Bool(c >= 0)
}

// CompareStrings compares two strings by UTF-16 code units: -1, 0 or 1.
func (in *Interp) CompareStrings(a, b layout.Value) int {
	f := in.f
	if a == b {
		return 0
	}
	if f.IsFlatString(a) && f.IsFlatString(b) && f.IsOneByteString(a) && f.IsOneByteString(b) {
		x := string(in.h.Bytes(a.Addr(), layout.SeqStringCharsOffset, uint32(f.StringLength(a))))
		y := string(in.h.Bytes(b.Addr(), layout.SeqStringCharsOffset, uint32(f.StringLength(b))))
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	x, y := f.StringToUTF16(a), f.StringToUTF16(b)
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(x) < len(y):
		return -1
	case len(x) > len(y):
		return 1
	}
	return 0
}

// LooseEquals is ==.
func (in *Interp) LooseEquals(a, b layout.Value) (bool, bool) {
	for {
		if a == b {
			return !in.isNaNValue(a), true
		}
		an, bn := in.IsNumber(a), in.IsNumber(b)
		if an && bn {
			return in.NumberValue(a) == in.NumberValue(b), true
		}
		as, bs := in.IsString(a), in.IsString(b)
		if as && bs {
			return in.f.StringEquals(a, b), true
		}
		anull, bnull := in.IsNullish(a), in.IsNullish(b)
		if anull || bnull {
			return anull && bnull, true
		}
		if a == in.hole || b == in.hole {
			return false, true
		}
		ao, bo := in.IsObject(a), in.IsObject(b)
		if ao && bo {
			return false, true
		}
		if ab, bb := in.IsBigInt(a), in.IsBigInt(b); (ab || bb) && !ao && !bo {
			switch {
			case ab && (bb || bn || bs):
				return in.bigintLooseEquals(a, b), true
			case bb && (an || as):
				return in.bigintLooseEquals(b, a), true
			}
		}
		switch {
		case an && bs:
			return in.NumberValue(a) == in.stringToNumber(b), true
		case as && bn:
			return in.stringToNumber(a) == in.NumberValue(b), true
		case a == in.trueV || a == in.falseV:
			a = layout.Smi(boolInt(a == in.trueV))
			continue
		case b == in.trueV || b == in.falseV:
			b = layout.Smi(boolInt(b == in.trueV))
			continue
		case ao && (bn || bs || in.IsSymbol(b) || in.IsBigInt(b)):
			scope := in.h.OpenScope()
			bh := in.h.NewHandle(b)
			p, ok := in.ToPrimitive(a, hintDefault)
			b = bh.Value()
			scope.Close()
			if !ok {
				return false, false
			}
			a = p
			continue
		case bo && (an || as || in.IsSymbol(a) || in.IsBigInt(a)):
			scope := in.h.OpenScope()
			ah := in.h.NewHandle(a)
			p, ok := in.ToPrimitive(b, hintDefault)
			a = ah.Value()
			scope.Close()
			if !ok {
				return false, false
			}
			b = p
			continue
		}
		return false, true
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// instanceOf is `obj instanceof ctor`.
func (in *Interp) instanceOf(obj, ctor layout.Value) (layout.Value, bool) {
	if !in.IsObject(ctor) {
		return in.ThrowError(TypeError, "Right-hand side of 'instanceof' is not an object")
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	oh, ch := h.NewHandle(obj), h.NewHandle(ctor)
	hi, ok := in.Get(ctor, NameKey(in.intrinsics[SymbolHasInstance]))
	if !ok {
		return 0, false
	}
	if hi != in.undefined && hi != in.null {
		r, ok := in.Call(hi, ch.Value(), oh.Value())
		if !ok {
			return 0, false
		}
		return in.Bool(in.ToBoolean(r)), true
	}
	if !in.IsCallable(ch.Value()) {
		return in.ThrowError(TypeError, "Right-hand side of 'instanceof' is not callable")
	}
	r, ok := in.OrdinaryHasInstance(ch.Value(), oh.Value())
	return in.Bool(r), ok
}

// OrdinaryHasInstance walks obj's prototype chain for ctor.prototype.
func (in *Interp) OrdinaryHasInstance(ctor, obj layout.Value) (bool, bool) {
	f := in.f
	if !in.IsCallable(ctor) {
		return false, true
	}
	if target, ok := f.GetProperty(ctor, in.intrinsics[PrivateBoundTarget]); ok {
		r, ok := in.instanceOf(obj, target)
		return r == in.trueV, ok
	}
	if !in.IsObject(obj) {
		return false, true
	}
	scope := in.h.OpenScope()
	defer scope.Close()
	oh := in.h.NewHandle(obj)
	proto, ok := in.GetName(ctor, NamePrototype)
	if !ok {
		return false, false
	}
	if !in.IsObject(proto) {
		in.throwErrorValue(TypeError, "Function has non-object prototype '"+in.displayValue(proto)+"' in instanceof check")
		return false, false
	}
	ph := in.h.NewHandle(proto)
	p := oh.Value()
	for {
		if in.IsProxy(p) {
			if p, ok = in.GetPrototypeOf(p); !ok {
				return false, false
			}
		} else {
			p = f.GetPrototype(p)
		}
		if p == in.null {
			return false, true
		}
		if p == ph.Value() {
			return true, true
		}
	}
}
