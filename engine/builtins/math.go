package builtins

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"time"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// math installs the Math object. Math.random draws from a generator owned
// by this isolate (seeded from the clock), not from process-wide state.
func (b *installer) math() {
	in := b.in
	m := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineValue(b.global, "Math", m, objects.AttrDontEnum)
	in.Factory().DefineProperty(m, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Math"), objects.AttrReadOnly|objects.AttrDontEnum)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x9e3779b97f4a7c15))
	unary := func(f func(float64) float64) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			x, ok := in.ToFloat(a.Arg(0))
			if !ok {
				return 0, false
			}
			return in.NewNumber(f(x)), true
		}
	}
	b.methods(m, []fn{
		{"abs", 1, unary(math.Abs)},
		{"acos", 1, unary(math.Acos)},
		{"acosh", 1, unary(math.Acosh)},
		{"asin", 1, unary(math.Asin)},
		{"asinh", 1, unary(math.Asinh)},
		{"atan", 1, unary(math.Atan)},
		{"atanh", 1, unary(math.Atanh)},
		{"atan2", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			y, ok1 := in.ToFloat(a.Arg(0))
			x, ok2 := in.ToFloat(a.Arg(1))
			if !ok1 || !ok2 {
				return 0, false
			}
			return in.NewNumber(math.Atan2(y, x)), true
		}},
		{"ceil", 1, unary(math.Ceil)},
		{"cbrt", 1, unary(math.Cbrt)},
		{"expm1", 1, unary(math.Expm1)},
		{"clz32", 1, unary(func(x float64) float64 { return float64(bits.LeadingZeros32(jsnum.ToUint32(x))) })},
		{"cos", 1, unary(math.Cos)},
		{"cosh", 1, unary(math.Cosh)},
		{"exp", 1, unary(math.Exp)},
		{"floor", 1, unary(math.Floor)},
		{"fround", 1, unary(func(x float64) float64 { return float64(float32(x)) })},
		{"hypot", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			s := 0.0
			inf, nan := false, false
			for i := 0; i < a.Len(); i++ {
				x, ok := in.ToFloat(a.Arg(i))
				if !ok {
					return 0, false
				}
				switch {
				case math.IsInf(x, 0):
					inf = true
				case x != x:
					nan = true
				default:
					s = math.Hypot(s, x)
				}
			}
			if inf {
				return in.NewNumber(math.Inf(1)), true
			}
			if nan {
				return in.NewNumber(math.NaN()), true
			}
			return in.NewNumber(s), true
		}},
		{"imul", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			x, ok1 := in.ToInt32(a.Arg(0))
			y, ok2 := in.ToInt32(a.Arg(1))
			if !ok1 || !ok2 {
				return 0, false
			}
			return in.NewInt(int(x * y)), true
		}},
		{"log", 1, unary(math.Log)},
		{"log1p", 1, unary(math.Log1p)},
		{"log2", 1, unary(math.Log2)},
		{"log10", 1, unary(math.Log10)},
		{"max", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return minMax(in, a, true) }},
		{"min", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return minMax(in, a, false) }},
		{"pow", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			x, ok1 := in.ToFloat(a.Arg(0))
			y, ok2 := in.ToFloat(a.Arg(1))
			if !ok1 || !ok2 {
				return 0, false
			}
			if y != y || (x == 1 || x == -1) && math.IsInf(y, 0) {
				return in.NewNumber(math.NaN()), true
			}
			return in.NewNumber(math.Pow(x, y)), true
		}},
		{"random", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return in.NewNumber(rng.Float64()), true
		}},
		{"round", 1, unary(jsRound)},
		{"sign", 1, unary(jsSign)},
		{"sin", 1, unary(math.Sin)},
		{"sinh", 1, unary(math.Sinh)},
		{"sqrt", 1, unary(math.Sqrt)},
		{"tan", 1, unary(math.Tan)},
		{"tanh", 1, unary(math.Tanh)},
		{"trunc", 1, unary(math.Trunc)},
	})
	// The constants follow the functions, in V8's order.
	for _, k := range []struct {
		name string
		v    float64
	}{{"E", math.E}, {"LN10", math.Ln10}, {"LN2", math.Ln2}, {"LOG10E", math.Log10E},
		{"LOG2E", math.Log2E}, {"PI", math.Pi}, {"SQRT1_2", math.Sqrt2 / 2}, {"SQRT2", math.Sqrt2}} {
		b.value(m, k.name, in.NewNumber(k.v), frozen)
	}
}

// jsRound is Math.round: halves round toward +Infinity, -0 is kept.
func jsRound(x float64) float64 {
	if x != x || math.IsInf(x, 0) || x == 0 {
		return x
	}
	if x > 0 && x < 0.5 {
		return 0
	}
	if x < 0 && x >= -0.5 {
		return math.Copysign(0, -1)
	}
	return math.Floor(x + 0.5)
}

func jsSign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

func minMax(in *interp.Interp, a interp.Args, isMax bool) (layout.Value, bool) {
	r := math.Inf(1)
	if isMax {
		r = math.Inf(-1)
	}
	nan := false
	for i := 0; i < a.Len(); i++ {
		x, ok := in.ToFloat(a.Arg(i))
		if !ok {
			return 0, false
		}
		switch {
		case x != x:
			nan = true
		case isMax && (x > r || x == 0 && r == 0 && !math.Signbit(x)):
			r = x
		case !isMax && (x < r || x == 0 && r == 0 && math.Signbit(x)):
			r = x
		}
	}
	if nan {
		return in.NewNumber(math.NaN()), true
	}
	return in.NewNumber(r), true
}
