package builtins

import (
	"math/big"
	"strings"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
)

// Format renders console arguments as node's util.format does.
func Format(in *interp.Interp, a interp.Args) (string, bool) {
	return formatArgs(in, a, 0, "")
}

// formatArgs is Format of the arguments from start on; a non-empty prefix
// makes the first argument, converted to a string, the format string with
// prefix prepended (console.assert's "Assertion failed: ").
func formatArgs(in *interp.Interp, a interp.Args, start int, prefix string) (string, bool) {
	var sb strings.Builder
	i := start
	if prefix != "" && i >= a.Len() {
		return prefix, true
	}
	if i < a.Len() && (prefix != "" || in.IsString(a.Arg(i))) {
		f, ok := in.ToGoString(a.Arg(i))
		if !ok {
			return "", false
		}
		f = prefix + f
		i++
		last := 0
		for j := 0; j+1 < len(f); j++ {
			if f[j] != '%' {
				continue
			}
			d := f[j+1]
			if d == '%' {
				sb.WriteString(f[last:j])
				sb.WriteByte('%')
				last = j + 2
				j++
				continue
			}
			if i >= a.Len() || !strings.ContainsRune("sdifjoOc", rune(d)) {
				continue
			}
			sb.WriteString(f[last:j])
			v := a.Arg(i)
			i++
			switch d {
			case 's':
				if in.IsBigInt(v) {
					sb.WriteString(in.BigIntValue(v).String() + "n")
				} else if in.IsString(v) {
					sb.WriteString(in.GoString(v))
				} else if in.IsObject(v) || in.IsSymbol(v) {
					sb.WriteString(Inspect(in, v))
				} else {
					s, ok := in.ToGoString(v)
					if !ok {
						return "", false
					}
					if in.IsNumber(v) && in.NumberValue(v) == 0 && 1/in.NumberValue(v) < 0 {
						s = "-0"
					}
					sb.WriteString(s)
				}
			case 'd', 'i':
				if in.IsBigInt(v) {
					sb.WriteString(in.BigIntValue(v).String() + "n")
					break
				}
				if in.IsObject(v) {
					sb.WriteString("NaN")
					break
				}
				x, ok := in.ToFloat(v)
				if !ok {
					return "", false
				}
				if d == 'i' {
					x = jsnum.DoubleToInteger(x)
				}
				sb.WriteString(jsnum.FormatNumber(x))
			case 'f':
				if in.IsBigInt(v) {
					x, _ := new(big.Float).SetInt(in.BigIntValue(v)).Float64()
					sb.WriteString(jsnum.FormatNumber(x))
					break
				}
				x, ok := in.ToFloat(v)
				if !ok {
					return "", false
				}
				sb.WriteString(jsnum.FormatNumber(x))
			case 'j':
				s, ok := jsonStringifyGo(in, v)
				if !ok {
					return "", false
				}
				sb.WriteString(s)
			case 'o', 'O':
				sb.WriteString(Inspect(in, v))
			case 'c':
			}
			last = j + 2
			j++
		}
		sb.WriteString(f[last:])
	}
	for ; i < a.Len(); i++ {
		if sb.Len() > 0 || i > start {
			sb.WriteByte(' ')
		}
		v := a.Arg(i)
		if in.IsString(v) {
			sb.WriteString(in.GoString(v))
		} else {
			sb.WriteString(Inspect(in, v))
		}
	}
	return sb.String(), true
}
