package jsnum

import (
	"math"
	"strconv"
)

// text is the byte-string shape the parsers read: a Go string (UTF-8 or
// ASCII) or a byte slice (Latin-1, or UTF-16 narrowed by narrowUTF16). Bytes
// above 0x7F are never part of a number.
type text interface{ ~string | ~[]byte }

// StringToNumber converts a JavaScript string to a Number as ECMA-262
// §7.1.4.1.1 StringToNumber does (the ToNumber of a String, Number(s), unary
// +s): leading and trailing StrWhiteSpaceChar are ignored, the empty string is
// 0, "Infinity" may carry a sign, 0x/0o/0b prefixes (either case) may not, and
// a decimal literal may have a fraction and an exponent but no numeric
// separators. Anything else is NaN. Decimal results are correctly rounded, as
// V8's Strtod is; large hexadecimal, octal and binary literals round to
// nearest, ties to even.
func StringToNumber(s string) float64 {
	if v, ok := smallInteger(s); ok {
		return v
	}
	t := trimUTF8(s, true)
	if len(t) == 0 {
		return 0
	}
	return strToDouble(t, false)
}

// StringToNumberLatin1 is StringToNumber for a one-byte JavaScript string:
// each byte is the code point U+0000..U+00FF.
func StringToNumberLatin1(b []byte) float64 {
	t := trimLatin1(b, true)
	if len(t) == 0 {
		return 0
	}
	return strToDouble(t, false)
}

// StringToNumberUTF16 is StringToNumber for a two-byte JavaScript string given
// as UTF-16 code units.
func StringToNumberUTF16(u []uint16) float64 {
	t := trimUTF16(u, true)
	if len(t) == 0 {
		return 0
	}
	var buf [64]byte
	return strToDouble(narrowUTF16(t, buf[:]), false)
}

// ParseFloat is the global parseFloat(string) of ECMA-262 §19.2.4 applied to
// an already-converted string: leading whitespace is skipped, then the longest
// prefix that is a StrDecimalLiteral ("Infinity" included, with an optional
// sign; no 0x/0o/0b prefixes) is converted, and the rest ignored. No such
// prefix gives NaN. "-0" gives -0.
func ParseFloat(s string) float64 {
	t := trimUTF8(s, false)
	if len(t) == 0 {
		return math.NaN()
	}
	return strToDouble(t, true)
}

// ParseFloatLatin1 is ParseFloat for a one-byte JavaScript string.
func ParseFloatLatin1(b []byte) float64 {
	t := trimLatin1(b, false)
	if len(t) == 0 {
		return math.NaN()
	}
	return strToDouble(t, true)
}

// ParseFloatUTF16 is ParseFloat for a two-byte JavaScript string.
func ParseFloatUTF16(u []uint16) float64 {
	t := trimUTF16(u, false)
	if len(t) == 0 {
		return math.NaN()
	}
	var buf [64]byte
	return strToDouble(narrowUTF16(t, buf[:]), true)
}

// strToDouble is V8's InternalStringToDouble for a non-empty string whose
// leading whitespace (and, when !allowJunk, trailing whitespace) is already
// trimmed. allowJunk selects parseFloat (a prefix is enough, no radix
// prefixes) over StringToNumber (the whole string must match, 0x/0o/0b
// allowed).
func strToDouble[T text](s T, allowJunk bool) float64 {
	n := len(s)
	i := 0
	neg := false
	switch s[0] {
	case '+':
		i++
	case '-':
		neg = true
		i++
	}
	if i == n {
		return math.NaN()
	}

	if s[i] == 'I' {
		const inf = "Infinity"
		if n-i < len(inf) || string(s[i:i+len(inf)]) != inf || (!allowJunk && n-i != len(inf)) {
			return math.NaN()
		}
		if neg {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}

	if !allowJunk && s[i] == '0' && i+1 < n {
		var log2 uint
		switch s[i+1] {
		case 'x', 'X':
			log2 = 4
		case 'o', 'O':
			log2 = 3
		case 'b', 'B':
			log2 = 1
		}
		if log2 != 0 {
			// A sign is not allowed, and at least one digit must follow.
			if i != 0 || i+2 == n || digitValue(s[i+2]) >= 1<<log2 {
				return math.NaN()
			}
			return pow2ToDouble(s[i+2:], log2, false)
		}
	}

	// Decimal: digits [. digits] [e [+-] digits], at least one mantissa digit.
	start := i
	intEnd := i
	for intEnd < n && isDecimal(s[intEnd]) {
		intEnd++
	}
	i = intEnd
	fracStart, fracEnd := i, i
	if i < n && s[i] == '.' {
		fracStart = i + 1
		fracEnd = fracStart
		for fracEnd < n && isDecimal(s[fracEnd]) {
			fracEnd++
		}
		i = fracEnd
	}
	if intEnd == start && fracEnd == fracStart {
		return math.NaN()
	}
	exp := 0
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		eneg := false
		if j < n && (s[j] == '+' || s[j] == '-') {
			eneg = s[j] == '-'
			j++
		}
		if j < n && isDecimal(s[j]) {
			for ; j < n && isDecimal(s[j]); j++ {
				if exp < maxExponent {
					exp = exp*10 + int(s[j]-'0')
				}
			}
			if eneg {
				exp = -exp
			}
			i = j
		} else if !allowJunk {
			return math.NaN()
		}
	}
	if !allowJunk && i != n {
		return math.NaN()
	}

	var v float64
	if f, ok := clinger(s[start:intEnd], s[fracStart:fracEnd], exp); ok {
		v = f
	} else if i-start <= longDecimal {
		// The validated literal is also Go's syntax, and short enough for
		// strconv: see longDecimal.
		v, _ = strconv.ParseFloat(string(s[start:i]), 64)
	} else {
		v = longDecimalValue(s[start:intEnd], s[fracStart:fracEnd], exp)
	}
	if neg {
		return -v
	}
	return v
}

const (
	// maxExponent bounds the exponent digits read, as V8 caps them at
	// INT_MAX/2: no JavaScript string is long enough for the mantissa's digit
	// count to bring a larger exponent back into range.
	maxExponent = 1 << 30
	// longDecimal is the longest literal strToDouble hands to
	// strconv.ParseFloat as it is; longer ones are normalized first by
	// longDecimalValue. strconv (as of Go 1.26) misplaces the decimal point
	// when more than 800 digits precede it ("4999…9e-800" with 801 nines
	// parses as 0.5), and saturates exponents at 10000, which matters once
	// thousands of digits offset the exponent.
	longDecimal = 700
	// maxSignificant is how many significant digits longDecimalValue keeps;
	// a sticky 1 after them stands for any nonzero digits dropped. 768 digits
	// decide any double, so rounding is exact (V8 keeps 772).
	maxSignificant = 780
)

// longDecimalValue converts a long decimal literal, given as its integer
// digits, fraction digits and exponent, by keeping its first maxSignificant
// significant digits plus a sticky digit and rescaling the exponent, so that
// strconv.ParseFloat sees a short, exactly equivalent input.
func longDecimalValue[T text](intDigits, fracDigits T, exp int) float64 {
	var buf [maxSignificant + 32]byte
	b := buf[:0]
	sticky := false
	point := 0 // decimal exponent adjustment for the digits kept
	seen := false
	add := func(c byte, isFrac bool) {
		if !seen && c == '0' {
			if isFrac {
				point--
			}
			return
		}
		seen = true
		if len(b) < maxSignificant {
			b = append(b, c)
			if isFrac {
				point--
			}
			return
		}
		if !isFrac {
			point++
		}
		if c != '0' {
			sticky = true
		}
	}
	for k := 0; k < len(intDigits); k++ {
		add(intDigits[k], false)
	}
	for k := 0; k < len(fracDigits); k++ {
		add(fracDigits[k], true)
	}
	if len(b) == 0 {
		return 0
	}
	if sticky {
		b = append(b, '1')
		point--
	}
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(exp+point), 10)
	v, _ := strconv.ParseFloat(string(b), 64)
	return v
}

func isDecimal(c byte) bool { return c >= '0' && c <= '9' }

// digitValue is the value of c as a digit of radix up to 36, or 99.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// smallInteger is StringToNumber's fast path: a string of at most 15 decimal
// digits and nothing else is that integer, exactly.
func smallInteger(s string) (float64, bool) {
	n := len(s)
	if n == 0 || n > 15 {
		return 0, false
	}
	var u uint64
	for i := 0; i < n; i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		u = u*10 + uint64(c)
	}
	return float64(u), true
}

// clinger converts a decimal with at most 15 significant digits and a small
// scale exactly: the digits form an integer below 2^53 and 10^k for k <= 22
// is a double, so one IEEE multiplication or division rounds correctly
// (Clinger's fast path). ok is false when the input is outside those bounds.
func clinger[T text](intDigits, fracDigits T, exp int) (float64, bool) {
	var u uint64
	nd := 0 // significant digits so far
	for k := 0; k < len(intDigits)+len(fracDigits); k++ {
		var c byte
		if k < len(intDigits) {
			c = intDigits[k] - '0'
		} else {
			c = fracDigits[k-len(intDigits)] - '0'
		}
		if nd > 0 || c != 0 {
			if nd++; nd > 15 {
				return 0, false
			}
		}
		u = u*10 + uint64(c)
	}
	scale := exp - len(fracDigits)
	switch {
	case u == 0:
		return 0, true
	case scale == 0:
		return float64(u), true
	case scale > 0 && scale <= 22:
		return float64(u) * pow10(scale), true
	case scale < 0 && scale >= -22:
		return float64(u) / pow10(-scale), true
	}
	return 0, false
}

// pow10 returns 10^k for 0 <= k <= 22, the powers of ten that are doubles.
func pow10(k int) float64 {
	p := 1.0
	for ; k >= 8; k -= 8 {
		p *= 1e8
	}
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}
