package interp

import (
	"math"
	"math/big"
	"strconv"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// BigInt values (ECMA-262 §6.1.6.2) on the interpreter's slow paths: the
// dispatch loop's Smi fast paths never see one. A BigInt is an immutable
// heap object (objects.Factory.NewBigInt); the operators read both operands
// into Go big.Ints, compute, and allocate the result, so no heap value is
// held across the allocation.

// msgMixBigInt is V8's TypeError for BigInt and Number operands together.
const msgMixBigInt = "Cannot mix BigInt and other types, use explicit conversions"

// IsBigInt reports whether v is a BigInt.
func (in *Interp) IsBigInt(v layout.Value) bool { return in.f.IsBigInt(v) }

// BigIntValue returns the value of the BigInt v in Go.
func (in *Interp) BigIntValue(v layout.Value) *big.Int { return in.f.BigIntValue(v) }

// NewBigInt allocates a BigInt, or throws RangeError "Maximum BigInt size
// exceeded" when x has more than V8's maximum number of bits.
func (in *Interp) NewBigInt(x *big.Int) (layout.Value, bool) {
	if x.BitLen() > layout.BigIntMaxBits {
		return in.ThrowError(RangeError, "Maximum BigInt size exceeded")
	}
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.f.NewBigInt(x).Value(), true
}

// BigIntToString is the decimal text of a BigInt (ToString).
func (in *Interp) bigIntString(v layout.Value) layout.Value {
	return in.StringValue(in.BigIntValue(v).String())
}

// ToNumericValue is ToNumeric: a number, or a BigInt unchanged.
func (in *Interp) ToNumericValue(v layout.Value) (layout.Value, bool) {
	if v.IsSmi() || in.IsHeapNumber(v) || in.IsBigInt(v) {
		return v, true
	}
	p, ok := in.ToPrimitive(v, hintNumber)
	if !ok {
		return 0, false
	}
	if in.IsBigInt(p) {
		return p, true
	}
	return in.ToNumber(p)
}

// toNumericPair converts both operands with ToNumeric, left first.
func (in *Interp) toNumericPair(l, r layout.Value) (layout.Value, layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	rh := in.h.NewHandle(r)
	ln, ok := in.ToNumericValue(l)
	if !ok {
		return 0, 0, false
	}
	lh := in.h.NewHandle(ln)
	rn, ok := in.ToNumericValue(rh.Value())
	if !ok {
		return 0, 0, false
	}
	return lh.Value(), rn, true
}

// ToBigInt is ToBigInt (§7.1.13): booleans, BigInts and strings convert;
// numbers, undefined, null and symbols throw as V8 does.
func (in *Interp) ToBigInt(v layout.Value) (layout.Value, bool) {
	p, ok := in.ToPrimitive(v, hintNumber)
	if !ok {
		return 0, false
	}
	switch {
	case in.IsBigInt(p):
		return p, true
	case p == in.trueV:
		return in.NewBigInt(big.NewInt(1))
	case p == in.falseV:
		return in.NewBigInt(new(big.Int))
	case in.IsString(p):
		s := in.GoString(p)
		x, ok := jsnum.StringToBigInt(s)
		if !ok {
			return in.ThrowError(SyntaxError, "Cannot convert "+s+" to a BigInt")
		}
		return in.NewBigInt(x)
	case in.IsSymbol(p):
		return in.ThrowError(TypeError, "Cannot convert "+in.displayValue(p)+" to a BigInt")
	}
	s, ok := in.ToGoString(p)
	if !ok {
		return 0, false
	}
	return in.ThrowError(TypeError, "Cannot convert "+s+" to a BigInt")
}

// NumberToBigInt is NumberToBigInt (§21.2.1.1.1): BigInt(number).
func (in *Interp) NumberToBigInt(x float64) (layout.Value, bool) {
	if x != math.Trunc(x) || math.IsInf(x, 0) {
		return in.ThrowError(RangeError, "The number "+jsnum.FormatNumber(x)+" cannot be converted to a BigInt because it is not an integer")
	}
	b, _ := new(big.Float).SetFloat64(x).Int(nil)
	return in.NewBigInt(b)
}

// bigintBinary applies a binary operator (+ included) to two BigInts.
func (in *Interp) bigintBinary(op bytecode.Op, l, r layout.Value) (layout.Value, bool) {
	x, y := in.BigIntValue(l), in.BigIntValue(r)
	z := new(big.Int)
	switch op {
	case bytecode.Add:
		z.Add(x, y)
	case bytecode.Sub:
		z.Sub(x, y)
	case bytecode.Mul:
		if x.BitLen()+y.BitLen() > layout.BigIntMaxBits+1 {
			return in.ThrowError(RangeError, "Maximum BigInt size exceeded")
		}
		z.Mul(x, y)
	case bytecode.Div:
		if y.Sign() == 0 {
			return in.ThrowError(RangeError, "Division by zero")
		}
		z.Quo(x, y)
	case bytecode.Mod:
		if y.Sign() == 0 {
			return in.ThrowError(RangeError, "Division by zero")
		}
		z.Rem(x, y)
	case bytecode.Exp:
		if y.Sign() < 0 {
			// node 20's V8 prints the exponent's name as undefined.
			return in.ThrowError(RangeError, "undefined must be positive")
		}
		switch {
		case y.Sign() == 0:
			z.SetInt64(1)
		case x.Sign() == 0 || x.CmpAbs(big.NewInt(1)) == 0:
			z.Set(x)
			if x.Sign() < 0 && y.Bit(0) == 0 {
				z.Neg(z)
			}
		default:
			if !y.IsInt64() || uint64(x.BitLen()-1)*uint64(y.Int64()) > layout.BigIntMaxBits {
				return in.ThrowError(RangeError, "Maximum BigInt size exceeded")
			}
			z.Exp(x, y, nil)
		}
	case bytecode.BitwiseAnd:
		z.And(x, y)
	case bytecode.BitwiseOr:
		z.Or(x, y)
	case bytecode.BitwiseXor:
		z.Xor(x, y)
	case bytecode.ShiftLeft, bytecode.ShiftRight:
		left := op == bytecode.ShiftLeft
		if y.Sign() < 0 {
			left = !left
			y = new(big.Int).Neg(y)
		}
		if left {
			if x.Sign() == 0 {
				break
			}
			if !y.IsInt64() || y.Int64() > layout.BigIntMaxBits {
				return in.ThrowError(RangeError, "Maximum BigInt size exceeded")
			}
			z.Lsh(x, uint(y.Int64()))
		} else {
			if !y.IsInt64() || y.Int64() > int64(x.BitLen()) {
				if x.Sign() < 0 {
					z.SetInt64(-1)
				}
				break
			}
			z.Rsh(x, uint(y.Int64())) // floor, as the spec's shift
		}
	case bytecode.ShiftRightLogical:
		return in.ThrowError(TypeError, "BigInts have no unsigned right shift, use >> instead")
	default:
		return in.ThrowError(Error, "unknown BigInt operator "+strconv.Itoa(int(op)))
	}
	return in.NewBigInt(z)
}

// numericBinary finishes a binary operator after ToNumeric: two BigInts
// compute as BigInts, a BigInt with a number is V8's TypeError, two numbers
// go back to the number path.
func (in *Interp) numericBinary(op bytecode.Op, l, r layout.Value) (layout.Value, bool) {
	lb, rb := in.IsBigInt(l), in.IsBigInt(r)
	switch {
	case lb && rb:
		return in.bigintBinary(op, l, r)
	case lb || rb:
		return in.ThrowError(TypeError, msgMixBigInt)
	}
	if op == bytecode.Add {
		return in.NewNumber(in.NumberValue(l) + in.NumberValue(r)), true
	}
	return in.arith(op, l, r)
}

// incDec is the slow path of Inc (d = 1) and Dec (d = -1).
func (in *Interp) incDec(v layout.Value, d int) (layout.Value, bool) {
	n, ok := in.ToNumericValue(v)
	if !ok {
		return 0, false
	}
	if in.IsBigInt(n) {
		return in.NewBigInt(new(big.Int).Add(in.BigIntValue(n), big.NewInt(int64(d))))
	}
	return in.NewNumber(in.NumberValue(n) + float64(d)), true
}

// bigintUnary applies Negate or BitwiseNot to a BigInt.
func (in *Interp) bigintUnary(op bytecode.Op, v layout.Value) (layout.Value, bool) {
	x := in.BigIntValue(v)
	if op == bytecode.BitwiseNot {
		return in.NewBigInt(x.Not(x))
	}
	return in.NewBigInt(x.Neg(x))
}

// compareBigInt compares a BigInt with a BigInt, a number or a string (as
// StringToBigInt): -1, 0, 1, or undefined (2) when the other side is NaN or
// a string that is not a BigInt.
func (in *Interp) compareBigInt(b, other layout.Value) int {
	x := in.BigIntValue(b)
	switch {
	case in.IsBigInt(other):
		return x.Cmp(in.BigIntValue(other))
	case in.IsString(other):
		y, ok := jsnum.StringToBigInt(in.GoString(other))
		if !ok {
			return 2
		}
		return x.Cmp(y)
	}
	return compareBigFloat(x, in.NumberValue(other))
}

// compareBigFloat compares a BigInt with a number exactly.
func compareBigFloat(x *big.Int, y float64) int {
	switch {
	case y != y:
		return 2
	case math.IsInf(y, 1):
		return -1
	case math.IsInf(y, -1):
		return 1
	}
	return new(big.Float).SetInt(x).Cmp(big.NewFloat(y))
}

// negateCmp turns "other compared with b" into "b compared with other".
func negateCmp(c int) int {
	if c == 2 {
		return 2
	}
	return -c
}

// bigintLooseEquals is == with a BigInt on one side and a number, string
// or BigInt on the other.
func (in *Interp) bigintLooseEquals(b, other layout.Value) bool {
	return in.compareBigInt(b, other) == 0
}
