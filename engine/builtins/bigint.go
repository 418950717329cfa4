package builtins

import (
	"math/big"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// bigint installs BigInt (ECMA-262 §21.2): the function (not a
// constructor), asIntN/asUintN and the prototype's methods.
func (b *installer) bigint() {
	in := b.in
	proto := b.intrinsic(interp.BigIntPrototype)
	c := b.constructor("BigInt", 1, bigintFunction, proto)
	b.methods(c, []fn{
		{"asUintN", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return bigintAsN(in, a, false) }},
		{"asIntN", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return bigintAsN(in, a, true) }},
	})
	b.methods(proto, []fn{
		{"toLocaleString", 0, bigintToLocaleString},
		{"toString", 0, bigintToString},
		{"valueOf", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return thisBigInt(in, a, "valueOf")
		}},
	})
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("BigInt"), objects.AttrReadOnly|objects.AttrDontEnum)
}

// bigintFunction is BigInt(value): numbers must be integers, everything
// else goes through ToBigInt.
func bigintFunction(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "BigInt is not a constructor")
	}
	p, ok := in.ToPrimitive(a.Arg(0), interp.HintNumber)
	if !ok {
		return 0, false
	}
	if in.IsNumber(p) {
		return in.NumberToBigInt(in.NumberValue(p))
	}
	return in.ToBigInt(p)
}

// thisBigInt is thisBigIntValue: a BigInt or a BigInt wrapper's value.
func thisBigInt(in *interp.Interp, a interp.Args, method string) (layout.Value, bool) {
	t := a.This()
	if in.IsBigInt(t) {
		return t, true
	}
	if p, ok := in.PrimitiveValue(t); ok && in.IsBigInt(p) {
		return p, true
	}
	return in.ThrowError(interp.TypeError, "BigInt.prototype."+method+" requires that 'this' be a BigInt")
}

func bigintToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	v, ok := thisBigInt(in, a, "toString")
	if !ok {
		return 0, false
	}
	radix := 10
	if r := a.Arg(0); r != in.Undefined() {
		x, ok := in.ToIntegerOrInfinity(r)
		if !ok {
			return 0, false
		}
		if x < 2 || x > 36 {
			return in.ThrowError(interp.RangeError, "toString() radix argument must be between 2 and 36")
		}
		radix = int(x)
	}
	return in.StringValue(jsnum.BigIntToString(in.BigIntValue(v), radix)), true
}

// bigintToLocaleString formats as node's default locale (en-US) does:
// digits grouped by three with commas.
func bigintToLocaleString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	v, ok := thisBigInt(in, a, "toLocaleString")
	if !ok {
		return 0, false
	}
	x := in.BigIntValue(v)
	digits := new(big.Int).Abs(x).String()
	out := make([]byte, 0, len(digits)+len(digits)/3+1)
	if x.Sign() < 0 {
		out = append(out, '-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, digits[i])
	}
	return in.StringValue(string(out)), true
}

// bigintAsN is BigInt.asIntN / BigInt.asUintN: the value modulo 2^bits,
// as a signed or unsigned bits-wide integer.
func bigintAsN(in *interp.Interp, a interp.Args, signed bool) (layout.Value, bool) {
	scope := in.Heap().OpenScope()
	defer scope.Close()
	vh := in.Handle(a.Arg(1))
	bits := 0.0
	if a.Arg(0) != in.Undefined() {
		x, ok := in.ToIntegerOrInfinity(a.Arg(0))
		if !ok {
			return 0, false
		}
		if x < 0 || x > 1<<53-1 {
			return in.ThrowError(interp.RangeError, "Invalid value: not (convertible to) a safe integer")
		}
		bits = x
	}
	v, ok := in.ToBigInt(vh.Value())
	if !ok {
		return 0, false
	}
	x := in.BigIntValue(v)
	if bits > layout.BigIntMaxBits {
		// 2^bits is beyond any BigInt: unsigned results of negative
		// values would be too large; everything else is unchanged.
		if !signed && x.Sign() < 0 {
			return in.ThrowError(interp.RangeError, "Maximum BigInt size exceeded")
		}
		return v, true
	}
	n := uint(bits)
	mod := new(big.Int).Lsh(big.NewInt(1), n)
	r := new(big.Int).Mod(x, mod) // Euclidean: 0 <= r < 2^n
	if signed && n > 0 && r.Bit(int(n-1)) == 1 {
		r.Sub(r, mod)
	}
	return in.NewBigInt(r)
}
