package builtins

import (
	"math"
	"strings"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

func (b *installer) string() {
	in := b.in
	proto := b.intrinsic(interp.StringPrototype)
	b.primitiveValue(proto, in.EmptyString())
	c := b.constructor("String", 1, stringConstructor, proto)
	b.methods(c, []fn{
		{"fromCharCode", 1, stringFromCharCode},
		{"fromCodePoint", 1, stringFromCodePoint},
		{"raw", 1, stringRaw},
	})
	b.methods(proto, []fn{
		{"at", 1, stringAt},
		{"charAt", 1, stringCharAt},
		{"charCodeAt", 1, stringCharCodeAt},
		{"codePointAt", 1, stringCodePointAt},
		{"concat", 1, stringConcat},
		{"endsWith", 1, stringEndsWith},
		{"includes", 1, stringIncludes},
		{"indexOf", 1, stringIndexOf},
		{"isWellFormed", 0, stringIsWellFormed},
		{"lastIndexOf", 1, stringLastIndexOf},
		{"localeCompare", 1, stringLocaleCompare},
		{"match", 1, stringMatch},
		{"matchAll", 1, stringMatchAll},
		{"normalize", 0, stringValueOfThis},
		{"padEnd", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringPad(in, a, false) }},
		{"padStart", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringPad(in, a, true) }},
		{"repeat", 1, stringRepeat},
		{"replace", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if v, handled, ok := stringSymbolDispatch(in, a, "replace", interp.SymbolReplace, a.Arg(1)); handled || !ok {
				return v, ok
			}
			return stringReplace(in, a, false)
		}},
		{"replaceAll", 2, stringReplaceAll},
		{"search", 1, stringSearch},
		{"slice", 2, stringSlice},
		{"split", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if v, handled, ok := stringSymbolDispatch(in, a, "split", interp.SymbolSplit, a.Arg(1)); handled || !ok {
				return v, ok
			}
			return stringSplit(in, a)
		}},
		{"substr", 2, stringSubstr},
		{"substring", 2, stringSubstring},
		{"startsWith", 1, stringStartsWith},
		{"toString", 0, stringValueOf},
		{"toWellFormed", 0, stringToWellFormed},
		{"trim", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringTrim(in, a, true, true) }},
		{"trimStart", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringTrim(in, a, true, false) }},
		{"trimEnd", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringTrim(in, a, false, true) }},
		{"toLocaleLowerCase", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringCase(in, a, strings.ToLower) }},
		{"toLocaleUpperCase", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringCase(in, a, strings.ToUpper) }},
		{"toLowerCase", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringCase(in, a, strings.ToLower) }},
		{"toUpperCase", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return stringCase(in, a, strings.ToUpper) }},
		{"valueOf", 0, stringValueOf},
	})
	in.DefineSymbolFunction(proto, in.Intrinsic(interp.SymbolIterator), "[Symbol.iterator]", 0, stringIterator)
}

func stringConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	var s layout.Value
	switch {
	case a.Len() == 0:
		s = in.Factory().Roots.EmptyString
	case !a.IsConstruct() && in.IsSymbol(a.Arg(0)):
		return in.StringValue(symbolDescriptiveString(in, a.Arg(0))), true
	default:
		var ok bool
		if s, ok = in.ToString(a.Arg(0)); !ok {
			return 0, false
		}
	}
	if !a.IsConstruct() {
		return s, true
	}
	return in.ToObject(s)
}

// thisString is RequireObjectCoercible(this) then ToString, as UTF-16.
func thisString(in *interp.Interp, a interp.Args, method string) ([]uint16, bool) {
	t := a.This()
	if in.IsNullish(t) {
		in.ThrowError(interp.TypeError, "String.prototype."+method+" called on null or undefined")
		return nil, false
	}
	s, ok := in.ToString(t)
	if !ok {
		return nil, false
	}
	return in.Factory().StringToUTF16(s), true
}

// argString converts argument i to a string as UTF-16.
func argString(in *interp.Interp, a interp.Args, i int) ([]uint16, bool) {
	s, ok := in.ToString(a.Arg(i))
	if !ok {
		return nil, false
	}
	return in.Factory().StringToUTF16(s), true
}

func newUTF16(in *interp.Interp, u []uint16) layout.Value {
	scope := in.Heap().OpenScope()
	defer scope.Close()
	return in.Factory().NewStringFromUTF16(u, heap.NewSpace).Value()
}

func stringValueOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	t := a.This()
	if in.IsString(t) {
		return t, true
	}
	if p, ok := in.PrimitiveValue(t); ok && in.IsString(p) {
		return p, true
	}
	return in.ThrowError(interp.TypeError, "String.prototype.valueOf requires that 'this' be a String")
}

func stringValueOfThis(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "normalize")
	if !ok {
		return 0, false
	}
	return newUTF16(in, u), true
}

func intArg(in *interp.Interp, a interp.Args, i int, def float64) (float64, bool) {
	if a.Arg(i) == in.Undefined() {
		return def, true
	}
	return in.ToIntegerOrInfinity(a.Arg(i))
}

func stringCharAt(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "charAt")
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	if p < 0 || p >= float64(len(u)) {
		return in.Factory().Roots.EmptyString, true
	}
	return newUTF16(in, u[int(p):int(p)+1]), true
}

func stringCharCodeAt(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "charCodeAt")
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	if p < 0 || p >= float64(len(u)) {
		return in.NewNumber(math.NaN()), true
	}
	return layout.Smi(int(u[int(p)])), true
}

func stringCodePointAt(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "codePointAt")
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	if p < 0 || p >= float64(len(u)) {
		return in.Undefined(), true
	}
	i := int(p)
	c := u[i]
	if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
		return layout.Smi(int(utf16.DecodeRune(rune(c), rune(u[i+1])))), true
	}
	return layout.Smi(int(c)), true
}

func stringAt(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "at")
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	if p < 0 {
		p += float64(len(u))
	}
	if p < 0 || p >= float64(len(u)) {
		return in.Undefined(), true
	}
	return newUTF16(in, u[int(p):int(p)+1]), true
}

// indexOf finds sub in s from position from, or -1.
func indexOf(s, sub []uint16, from int) int {
	for i := max(from, 0); i+len(sub) <= len(s); i++ {
		if equalUnits(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func equalUnits(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func stringIndexOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "indexOf")
	if !ok {
		return 0, false
	}
	sub, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 1, 0)
	if !ok {
		return 0, false
	}
	start := int(min(max(p, 0), float64(len(u))))
	return layout.Smi(indexOf(u, sub, start)), true
}

func stringLastIndexOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "lastIndexOf")
	if !ok {
		return 0, false
	}
	sub, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	start := len(u) - len(sub)
	if a.Arg(1) != in.Undefined() {
		x, ok := in.ToFloat(a.Arg(1))
		if !ok {
			return 0, false
		}
		if x == x {
			start = int(min(max(jsnum.ToIntegerOrInfinity(x), 0), float64(start)))
		}
	}
	for i := start; i >= 0; i-- {
		if i+len(sub) <= len(u) && equalUnits(u[i:i+len(sub)], sub) {
			return layout.Smi(i), true
		}
	}
	return layout.Smi(-1), true
}

func stringIncludes(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "includes")
	if !ok {
		return 0, false
	}
	sub, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 1, 0)
	if !ok {
		return 0, false
	}
	return in.Bool(indexOf(u, sub, int(min(max(p, 0), float64(len(u))))) >= 0), true
}

func stringStartsWith(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "startsWith")
	if !ok {
		return 0, false
	}
	sub, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 1, 0)
	if !ok {
		return 0, false
	}
	start := int(min(max(p, 0), float64(len(u))))
	return in.Bool(start+len(sub) <= len(u) && equalUnits(u[start:start+len(sub)], sub)), true
}

func stringEndsWith(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "endsWith")
	if !ok {
		return 0, false
	}
	sub, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	p, ok := intArg(in, a, 1, float64(len(u)))
	if !ok {
		return 0, false
	}
	end := int(min(max(p, 0), float64(len(u))))
	start := end - len(sub)
	return in.Bool(start >= 0 && equalUnits(u[start:end], sub)), true
}

func stringSlice(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "slice")
	if !ok {
		return 0, false
	}
	start, ok := relativeIndex(in, a.Arg(0), len(u), 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(1), len(u), len(u))
	if !ok {
		return 0, false
	}
	if start >= end {
		return in.Factory().Roots.EmptyString, true
	}
	return newUTF16(in, u[start:end]), true
}

func stringSubstring(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "substring")
	if !ok {
		return 0, false
	}
	n := float64(len(u))
	s, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	e, ok := intArg(in, a, 1, n)
	if !ok {
		return 0, false
	}
	start, end := int(min(max(s, 0), n)), int(min(max(e, 0), n))
	if start > end {
		start, end = end, start
	}
	return newUTF16(in, u[start:end]), true
}

func stringSubstr(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "substr")
	if !ok {
		return 0, false
	}
	start, ok := relativeIndex(in, a.Arg(0), len(u), 0)
	if !ok {
		return 0, false
	}
	l, ok := intArg(in, a, 1, float64(len(u)))
	if !ok {
		return 0, false
	}
	end := int(min(float64(start)+max(l, 0), float64(len(u))))
	if start >= end {
		return in.Factory().Roots.EmptyString, true
	}
	return newUTF16(in, u[start:end]), true
}

func stringCase(in *interp.Interp, a interp.Args, conv func(string) string) (layout.Value, bool) {
	u, ok := thisString(in, a, "toUpperCase")
	if !ok {
		return 0, false
	}
	return in.StringValue(conv(string(utf16.Decode(u)))), true
}

func isJSSpace(c uint16) bool { return jsnum.IsWhiteSpaceOrLineTerminator(rune(c)) }

func stringTrim(in *interp.Interp, a interp.Args, start, end bool) (layout.Value, bool) {
	u, ok := thisString(in, a, "trim")
	if !ok {
		return 0, false
	}
	i, j := 0, len(u)
	if start {
		for i < j && isJSSpace(u[i]) {
			i++
		}
	}
	if end {
		for j > i && isJSSpace(u[j-1]) {
			j--
		}
	}
	return newUTF16(in, u[i:j]), true
}

func stringSplit(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "split")
	if !ok {
		return 0, false
	}
	limit := uint32(1<<32 - 1)
	if a.Arg(1) != in.Undefined() {
		if limit, ok = in.ToUint32(a.Arg(1)); !ok {
			return 0, false
		}
	}
	out := in.NewArray(nil)
	if limit == 0 {
		return out.Value(), true
	}
	if a.Arg(0) == in.Undefined() {
		in.PushValue(out, newUTF16(in, u))
		return out.Value(), true
	}
	sep, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	if len(sep) == 0 {
		for i := 0; i < len(u) && uint32(i) < limit; i++ {
			in.PushValue(out, newUTF16(in, u[i:i+1]))
		}
		return out.Value(), true
	}
	start := 0
	for {
		i := indexOf(u, sep, start)
		if i < 0 {
			break
		}
		in.PushValue(out, newUTF16(in, u[start:i]))
		if in.ArrayLength(out.Value()) >= limit {
			return out.Value(), true
		}
		start = i + len(sep)
	}
	in.PushValue(out, newUTF16(in, u[start:]))
	return out.Value(), true
}

func stringRepeat(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "repeat")
	if !ok {
		return 0, false
	}
	n, ok := intArg(in, a, 0, 0)
	if !ok {
		return 0, false
	}
	if n < 0 || n > 1<<29 {
		return in.ThrowError(interp.RangeError, "Invalid count value: "+jsnum.FormatNumber(n))
	}
	if float64(len(u))*n > 1<<29-24 {
		return in.ThrowError(interp.RangeError, "Invalid string length")
	}
	out := make([]uint16, 0, len(u)*int(n))
	for i := 0; i < int(n); i++ {
		out = append(out, u...)
	}
	return newUTF16(in, out), true
}

func stringPad(in *interp.Interp, a interp.Args, start bool) (layout.Value, bool) {
	u, ok := thisString(in, a, "padStart")
	if !ok {
		return 0, false
	}
	n, ok := in.ToFloat(a.Arg(0))
	if !ok {
		return 0, false
	}
	target := int(jsnum.ToLength(n))
	if target <= len(u) {
		return newUTF16(in, u), true
	}
	fill := []uint16{' '}
	if a.Arg(1) != in.Undefined() {
		if fill, ok = argString(in, a, 1); !ok {
			return 0, false
		}
		if len(fill) == 0 {
			return newUTF16(in, u), true
		}
	}
	if target > 1<<29-24 {
		return in.ThrowError(interp.RangeError, "Invalid string length")
	}
	var p []uint16
	for len(p) < target-len(u) {
		p = append(p, fill...)
	}
	p = p[:target-len(u)]
	if start {
		return newUTF16(in, append(p, u...)), true
	}
	return newUTF16(in, append(u, p...)), true
}

func stringConcat(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "concat")
	if !ok {
		return 0, false
	}
	for i := 0; i < a.Len(); i++ {
		s, ok := argString(in, a, i)
		if !ok {
			return 0, false
		}
		u = append(u, s...)
	}
	return newUTF16(in, u), true
}

// expandReplacement applies the $-patterns of a replacement string for a
// string match.
func expandReplacement(repl, matched, str []uint16, pos int) []uint16 {
	var out []uint16
	for i := 0; i < len(repl); i++ {
		if repl[i] != '$' || i+1 >= len(repl) {
			out = append(out, repl[i])
			continue
		}
		switch repl[i+1] {
		case '$':
			out = append(out, '$')
		case '&':
			out = append(out, matched...)
		case '`':
			out = append(out, str[:pos]...)
		case '\'':
			out = append(out, str[min(pos+len(matched), len(str)):]...)
		default:
			out = append(out, '$')
			continue
		}
		i++
	}
	return out
}

func stringReplace(in *interp.Interp, a interp.Args, all bool) (layout.Value, bool) {
	h := in.Heap()
	u, ok := thisString(in, a, "replace")
	if !ok {
		return 0, false
	}
	pat, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	fnRepl := in.IsCallable(a.Arg(1))
	var repl []uint16
	if !fnRepl {
		if repl, ok = argString(in, a, 1); !ok {
			return 0, false
		}
	}
	var out []uint16
	start := 0
	sh := h.NewHandle(newUTF16(in, u))
	for {
		i := indexOf(u, pat, start)
		if i < 0 {
			break
		}
		out = append(out, u[start:i]...)
		if fnRepl {
			m := h.NewHandle(newUTF16(in, pat))
			r, ok := in.Call(a.Arg(1), in.Undefined(), m.Value(), layout.Smi(i), sh.Value())
			if !ok {
				return 0, false
			}
			rs, ok := in.ToString(r)
			if !ok {
				return 0, false
			}
			out = append(out, in.Factory().StringToUTF16(rs)...)
		} else {
			out = append(out, expandReplacement(repl, pat, u, i)...)
		}
		start = i + len(pat)
		if len(pat) == 0 {
			if i < len(u) {
				out = append(out, u[i])
			}
			start = i + 1
			if start > len(u) {
				return newUTF16(in, out), true
			}
		}
		if !all {
			break
		}
	}
	if start <= len(u) {
		out = append(out, u[start:]...)
	}
	return newUTF16(in, out), true
}

func stringLocaleCompare(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "localeCompare")
	if !ok {
		return 0, false
	}
	v, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	x, y := string(utf16.Decode(u)), string(utf16.Decode(v))
	switch {
	case x < y:
		return layout.Smi(-1), true
	case x > y:
		return layout.Smi(1), true
	}
	return layout.Smi(0), true
}

func stringIterator(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	t := a.This()
	if in.IsNullish(t) {
		return in.ThrowError(interp.TypeError, "String.prototype[Symbol.iterator] called on null or undefined")
	}
	s, ok := in.ToString(t)
	if !ok {
		return 0, false
	}
	return newIterator(in, interp.StringIteratorPrototype, s, iterValues), true
}

func stringFromCharCode(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u := make([]uint16, a.Len())
	for i := range u {
		x, ok := in.ToUint32(a.Arg(i))
		if !ok {
			return 0, false
		}
		u[i] = uint16(x)
	}
	return newUTF16(in, u), true
}

func stringFromCodePoint(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	var u []uint16
	for i := 0; i < a.Len(); i++ {
		x, ok := in.ToFloat(a.Arg(i))
		if !ok {
			return 0, false
		}
		if x != float64(int(x)) || x < 0 || x > 0x10FFFF {
			return in.ThrowError(interp.RangeError, "Invalid code point "+jsnum.FormatNumber(x))
		}
		if x >= 0x10000 {
			r1, r2 := utf16.EncodeRune(rune(x))
			u = append(u, uint16(r1), uint16(r2))
		} else {
			u = append(u, uint16(x))
		}
	}
	return newUTF16(in, u), true
}

func stringRaw(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	strs := a.Arg(0)
	raw, ok := in.GetNamed(strs, in.InternalizeGo("raw").Value())
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch0, raw)
	n, ok := lengthOf(in, raw)
	if !ok {
		return 0, false
	}
	var out []uint16
	for i := 0; i < n; i++ {
		v, ok := in.Get(a.Slot(interp.Scratch0), interp.IndexKey(uint32(i)))
		if !ok {
			return 0, false
		}
		s, ok := in.ToString(v)
		if !ok {
			return 0, false
		}
		out = append(out, in.Factory().StringToUTF16(s)...)
		if i+1 < n && i+1 < a.Len() {
			sub, ok := argString(in, a, i+1)
			if !ok {
				return 0, false
			}
			out = append(out, sub...)
		}
	}
	return newUTF16(in, out), true
}

// stringReplaceAll is String.prototype.replaceAll: a regexp argument must
// be global.
func stringReplaceAll(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsNullish(a.This()) {
		return in.ThrowError(interp.TypeError, "String.prototype.replaceAll called on null or undefined")
	}
	if arg := a.Arg(0); !in.IsNullish(arg) {
		is, ok := isRegExp(in, arg)
		if !ok {
			return 0, false
		}
		if is {
			fl, ok := in.Get(a.Arg(0), interp.NameKey(in.Name(interp.NameFlags)))
			if !ok {
				return 0, false
			}
			if in.IsNullish(fl) {
				return in.ThrowError(interp.TypeError, "String.prototype.replaceAll called on null or undefined")
			}
			s, ok := in.ToString(fl)
			if !ok {
				return 0, false
			}
			if !strings.Contains(in.GoString(s), "g") {
				return in.ThrowError(interp.TypeError, "String.prototype.replaceAll called with a non-global RegExp argument")
			}
		}
	}
	if v, handled, ok := stringSymbolDispatch(in, a, "replaceAll", interp.SymbolReplace, a.Arg(1)); handled || !ok {
		return v, ok
	}
	return stringReplace(in, a, true)
}

// loneSurrogate returns the index of the first lone surrogate in u, or -1.
func loneSurrogate(u []uint16, from int) int {
	for i := from; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 0xD800 && c <= 0xDBFF:
			if i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				i++
				continue
			}
			return i
		case c >= 0xDC00 && c <= 0xDFFF:
			return i
		}
	}
	return -1
}

func stringIsWellFormed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "isWellFormed")
	if !ok {
		return 0, false
	}
	return in.Bool(loneSurrogate(u, 0) < 0), true
}

// stringToWellFormed replaces each lone surrogate with U+FFFD.
func stringToWellFormed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	u, ok := thisString(in, a, "toWellFormed")
	if !ok {
		return 0, false
	}
	i := loneSurrogate(u, 0)
	if i < 0 {
		return newUTF16(in, u), true
	}
	out := append([]uint16(nil), u...)
	for ; i >= 0; i = loneSurrogate(out, i+1) {
		out[i] = 0xFFFD
	}
	return newUTF16(in, out), true
}
