package builtins

import (
	"math"
	"math/big"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func (b *installer) number() {
	in := b.in
	proto := b.intrinsic(interp.NumberPrototype)
	b.primitiveValue(proto, in.NewNumber(0))
	c := b.constructor("Number", 1, numberConstructor, proto)
	b.methods(c, []fn{
		{"isFinite", 1, numberIsFinite},
		{"isInteger", 1, numberIsInteger},
		{"isNaN", 1, numberIsNaN},
		{"isSafeInteger", 1, numberIsSafeInteger},
	})
	consts := []struct {
		name string
		v    float64
	}{
		{"MAX_SAFE_INTEGER", 1<<53 - 1}, {"MIN_SAFE_INTEGER", -(1<<53 - 1)},
		{"EPSILON", math.Nextafter(1, 2) - 1}, {"MAX_VALUE", math.MaxFloat64},
		{"MIN_VALUE", 5e-324}, {"POSITIVE_INFINITY", math.Inf(1)},
		{"NEGATIVE_INFINITY", math.Inf(-1)}, {"NaN", math.NaN()},
	}
	for _, k := range consts {
		b.value(c, k.name, in.NewNumber(k.v), frozen)
	}
	b.methods(proto, []fn{
		{"toExponential", 1, numberToExponential},
		{"toFixed", 1, numberToFixed},
		{"toPrecision", 1, numberToPrecision},
		{"toString", 1, numberToString},
		{"valueOf", 0, numberValueOf},
		{"toLocaleString", 0, numberToLocaleString},
	})
}

func numberConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n := layout.Smi(0)
	if a.Len() > 0 {
		var ok bool
		if n, ok = in.ToNumeric(a.Arg(0)); !ok {
			return 0, false
		}
		if in.IsBigInt(n) {
			x, _ := new(big.Float).SetInt(in.BigIntValue(n)).Float64()
			n = in.NewNumber(x)
		}
	}
	if !a.IsConstruct() {
		return n, true
	}
	return in.ToObject(n)
}

func numberArg(in *interp.Interp, a interp.Args) (float64, bool) {
	v := a.Arg(0)
	if !in.IsNumber(v) {
		return 0, false
	}
	return in.NumberValue(v), true
}

func numberIsInteger(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := numberArg(in, a)
	return in.Bool(ok && x == math.Trunc(x) && !math.IsInf(x, 0)), true
}

func numberIsSafeInteger(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := numberArg(in, a)
	return in.Bool(ok && x == math.Trunc(x) && math.Abs(x) <= 1<<53-1), true
}

func numberIsFinite(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := numberArg(in, a)
	return in.Bool(ok && !math.IsInf(x, 0) && x == x), true
}

func numberIsNaN(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := numberArg(in, a)
	return in.Bool(ok && x != x), true
}

// thisNumber is thisNumberValue: a number or a Number wrapper.
func thisNumber(in *interp.Interp, a interp.Args, method string) (float64, bool) {
	t := a.This()
	if in.IsNumber(t) {
		return in.NumberValue(t), true
	}
	if p, ok := in.PrimitiveValue(t); ok && in.IsNumber(p) {
		return in.NumberValue(p), true
	}
	in.ThrowError(interp.TypeError, "Number.prototype."+method+" requires that 'this' be a Number")
	return 0, false
}

func numberToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := thisNumber(in, a, "toString")
	if !ok {
		return 0, false
	}
	radix := 10.0
	if a.Arg(0) != in.Undefined() {
		if radix, ok = in.ToIntegerOrInfinity(a.Arg(0)); !ok {
			return 0, false
		}
		if radix < 2 || radix > 36 {
			return in.ThrowError(interp.RangeError, "toString() radix must be between 2 and 36")
		}
	}
	if radix == 10 {
		return in.NumberToString(x), true
	}
	return in.StringValue(jsnum.FormatRadix(x, int(radix))), true
}

func numberToLocaleString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := thisNumber(in, a, "toLocaleString")
	if !ok {
		return 0, false
	}
	return in.NumberToString(x), true
}

func numberValueOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x, ok := thisNumber(in, a, "valueOf")
	if !ok {
		return 0, false
	}
	return in.NewNumber(x), true
}

func digitsArg(in *interp.Interp, a interp.Args) (float64, bool) {
	if a.Arg(0) == in.Undefined() {
		return 0, true
	}
	return in.ToIntegerOrInfinity(a.Arg(0))
}

func numberFormat(in *interp.Interp, a interp.Args, method string, f func(float64, int) (string, error)) (layout.Value, bool) {
	x, ok := thisNumber(in, a, method)
	if !ok {
		return 0, false
	}
	d, ok := digitsArg(in, a)
	if !ok {
		return 0, false
	}
	s, err := f(x, jsnum.ClampDigits(d))
	if err != nil {
		return in.ThrowError(interp.RangeError, err.Error())
	}
	return in.StringValue(s), true
}

func numberToFixed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return numberFormat(in, a, "toFixed", jsnum.ToFixed)
}

func numberToExponential(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if a.Arg(0) == in.Undefined() {
		x, ok := thisNumber(in, a, "toExponential")
		if !ok {
			return 0, false
		}
		s, err := jsnum.ToExponential(x, -1)
		if err != nil {
			return in.ThrowError(interp.RangeError, err.Error())
		}
		return in.StringValue(s), true
	}
	return numberFormat(in, a, "toExponential", jsnum.ToExponential)
}

func numberToPrecision(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if a.Arg(0) == in.Undefined() {
		x, ok := thisNumber(in, a, "toPrecision")
		if !ok {
			return 0, false
		}
		return in.NumberToString(x), true
	}
	return numberFormat(in, a, "toPrecision", jsnum.ToPrecision)
}

func (b *installer) boolean() {
	proto := b.intrinsic(interp.BooleanPrototype)
	b.primitiveValue(proto, b.in.Bool(false))
	b.constructor("Boolean", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		v := in.Bool(in.ToBoolean(a.Arg(0)))
		if !a.IsConstruct() {
			return v, true
		}
		return in.ToObject(v)
	}, proto)
	thisBool := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		t := a.This()
		if t == in.Bool(true) || t == in.Bool(false) {
			return t, true
		}
		if p, ok := in.PrimitiveValue(t); ok && (p == in.Bool(true) || p == in.Bool(false)) {
			return p, true
		}
		return in.ThrowError(interp.TypeError, "Boolean.prototype.valueOf requires that 'this' be a Boolean")
	}
	b.methods(proto, []fn{
		{"toString", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			v, ok := thisBool(in, a)
			if !ok {
				return 0, false
			}
			return in.ToString(v)
		}},
		{"valueOf", 0, thisBool},
	})
}

func (b *installer) symbol() {
	in := b.in
	proto := b.intrinsic(interp.SymbolPrototype)
	registry := map[string]heapGlobal{}
	c := b.constructor("Symbol", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if a.IsConstruct() {
			return in.ThrowError(interp.TypeError, "Symbol is not a constructor")
		}
		desc := in.Undefined()
		if a.Arg(0) != in.Undefined() {
			s, ok := in.ToString(a.Arg(0))
			if !ok {
				return 0, false
			}
			desc = s
		}
		return in.Factory().NewSymbol(in.Handle(desc)).Value(), true
	}, proto)
	for _, w := range []struct {
		name string
		id   interp.Intrinsic
	}{{"iterator", interp.SymbolIterator}, {"hasInstance", interp.SymbolHasInstance},
		{"toPrimitive", interp.SymbolToPrimitive}, {"toStringTag", interp.SymbolToStringTag},
		{"asyncIterator", interp.SymbolAsyncIterator}, {"match", interp.SymbolMatch},
		{"matchAll", interp.SymbolMatchAll}, {"replace", interp.SymbolReplace},
		{"search", interp.SymbolSearch}, {"split", interp.SymbolSplit},
		{"species", interp.SymbolSpecies}, {"isConcatSpreadable", interp.SymbolIsConcatSpreadable},
		{"unscopables", interp.SymbolUnscopables}} {
		b.value(c, w.name, in.Intrinsic(w.id), frozen)
	}
	b.methods(c, []fn{
		{"for", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			key, ok := in.ToGoString(a.Arg(0))
			if !ok {
				return 0, false
			}
			if g, found := registry[key]; found {
				v, _ := g.Value()
				return v, true
			}
			s := in.Factory().NewSymbol(in.NewString(key))
			registry[key] = in.Heap().NewGlobal(s.Value())
			return s.Value(), true
		}},
		{"keyFor", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			for k, g := range registry {
				if v, _ := g.Value(); v == a.Arg(0) {
					return in.StringValue(k), true
				}
			}
			return in.Undefined(), true
		}},
	})
	thisSymbol := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		t := a.This()
		if in.IsSymbol(t) {
			return t, true
		}
		if p, ok := in.PrimitiveValue(t); ok && in.IsSymbol(p) {
			return p, true
		}
		return in.ThrowError(interp.TypeError, "Symbol.prototype.valueOf requires that 'this' be a Symbol")
	}
	b.methods(proto, []fn{
		{"toString", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			s, ok := thisSymbol(in, a)
			if !ok {
				return 0, false
			}
			return in.StringValue(symbolDescriptiveString(in, s)), true
		}},
		{"valueOf", 0, thisSymbol},
	})
	in.DefineGetter(proto, "description", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		s, ok := thisSymbol(in, a)
		if !ok {
			return 0, false
		}
		return in.Factory().SymbolDescription(s), true
	})
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Symbol"), objects.AttrReadOnly|objects.AttrDontEnum)
}

func (b *installer) globals() {
	in := b.in
	g := b.global
	b.value(g, "NaN", in.NewNumber(math.NaN()), frozen)
	b.value(g, "Infinity", in.NewNumber(math.Inf(1)), frozen)
	b.value(g, "undefined", in.Undefined(), frozen)
	parseFloat := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		s, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		return in.NewNumber(jsnum.ParseFloat(s)), true
	}
	parseInt := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		s, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		r, ok := in.ToInt32(a.Arg(1))
		if !ok {
			return 0, false
		}
		return in.NewNumber(jsnum.ParseInt(s, int(r))), true
	}
	b.methods(g, []fn{
		{"eval", 1, globalEval},
		{"parseFloat", 1, parseFloat},
		{"parseInt", 2, parseInt},
		{"isNaN", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			x, ok := in.ToFloat(a.Arg(0))
			return in.Bool(x != x), ok
		}},
		{"isFinite", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			x, ok := in.ToFloat(a.Arg(0))
			return in.Bool(x == x && !math.IsInf(x, 0)), ok
		}},
	})
	evalKey := in.InternalizeGo("eval")
	evalFn, _, _ := in.Lookup(g.Value(), interp.NameKey(evalKey.Value()))
	in.SetIntrinsic(interp.EvalFunction, evalFn)
	// Number.parseFloat and Number.parseInt are the same functions.
	numKey := in.InternalizeGo("Number")
	num, _, _ := in.Lookup(g.Value(), interp.NameKey(numKey.Value()))
	nh := in.Handle(num)
	for _, name := range []string{"parseFloat", "parseInt"} {
		kh := in.InternalizeGo(name)
		v, _, _ := in.Lookup(g.Value(), interp.NameKey(kh.Value()))
		in.DefineValue(nh, name, in.Handle(v), objects.AttrDontEnum)
	}
}

// symbolDescriptiveString is Symbol.prototype.toString: "Symbol(desc)".
func symbolDescriptiveString(in *interp.Interp, s layout.Value) string {
	d := in.Factory().SymbolDescription(s)
	if d == in.Undefined() {
		return "Symbol()"
	}
	return "Symbol(" + in.GoString(d) + ")"
}
