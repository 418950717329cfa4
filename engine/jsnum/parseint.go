package jsnum

import (
	"math"
	"math/bits"
	"strconv"
)

// ParseInt is the global parseInt(string, radix) of ECMA-262 §19.2.5, given
// the string and radix already converted (radix is ToInt32 of the argument;
// pass 0 for undefined). Leading whitespace and one sign are skipped; radix 0
// means 10, or 16 after a "0x"/"0X" prefix, which radix 16 also accepts; the
// longest run of radix digits is converted and the rest ignored. No digits, or
// a radix outside 2..36 other than 0, give NaN. A negative zero result ("-0",
// "-0.5") is -0, as in V8.
//
// Results follow V8 exactly: radix 10 is correctly rounded (V8's Strtod),
// radices 2, 4, 8, 16 and 32 round to nearest, ties to even, and the other
// radices accumulate in doubles 32 bits of digits at a time, with V8's
// rounding errors for values above 2^53 (which the specification permits).
func ParseInt(s string, radix int) float64 {
	return parseInt(trimUTF8(s, false), radix)
}

// ParseIntLatin1 is ParseInt for a one-byte JavaScript string.
func ParseIntLatin1(b []byte, radix int) float64 {
	return parseInt(trimLatin1(b, false), radix)
}

// ParseIntUTF16 is ParseInt for a two-byte JavaScript string.
func ParseIntUTF16(u []uint16, radix int) float64 {
	t := trimUTF16(u, false)
	var buf [64]byte
	return parseInt(narrowUTF16(t, buf[:]), radix)
}

// parseInt is V8's NumberParseIntHelper (radix detection in
// StringToIntHelper::DetectRadixInternal, then the base-ten, power-of-two and
// generic cases) on text whose leading whitespace is trimmed.
func parseInt[T text](s T, radix int) float64 {
	if radix != 0 && (radix < 2 || radix > 36) {
		return math.NaN()
	}
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
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
	zero := 0.0
	if neg {
		zero = math.Copysign(0, -1)
	}
	leadingZero := false
	if radix == 0 || radix == 16 {
		detect := radix == 0
		radix = 10
		if !detect {
			radix = 16
		}
		if s[i] == '0' {
			i++
			if i == n {
				return zero
			}
			if s[i] == 'x' || s[i] == 'X' {
				radix = 16
				i++
				if i == n {
					return math.NaN()
				}
			} else {
				leadingZero = true
			}
		}
	}
	for s[i] == '0' {
		leadingZero = true
		i++
		if i == n {
			return zero
		}
	}
	if !leadingZero && digitValue(s[i]) >= radix {
		return math.NaN()
	}

	var v float64
	switch radix {
	case 10:
		v = parseIntDecimal(s[i:])
	case 2, 4, 8, 16, 32:
		v = pow2ToDouble(s[i:], uint(bits.TrailingZeros(uint(radix))), true)
	default:
		v = parseIntGeneric(s[i:], radix)
	}
	if neg {
		return -v
	}
	return v
}

// parseIntDecimal is V8's HandleBaseTenCase: the leading run of decimal
// digits, correctly rounded. V8 reads at most 310 digits, which is already
// beyond the largest double, so longer runs are Infinity.
func parseIntDecimal[T text](s T) float64 {
	j := 0
	for j < len(s) && isDecimal(s[j]) {
		j++
	}
	switch {
	case j == 0:
		return 0
	case j <= 15:
		var u uint64
		for k := 0; k < j; k++ {
			u = u*10 + uint64(s[k]-'0')
		}
		return float64(u)
	case j > 309:
		return math.Inf(1)
	}
	v, _ := strconv.ParseFloat(string(s[:j]), 64)
	return v
}

// parseIntGeneric is V8's NumberParseIntHelper::HandleGenericCase for radices
// that are neither 10 nor a power of two: digits are gathered into a uint32
// part while the multiplier stays below 2^32/36, and each part is folded into
// the double result as result*multiplier + part, rounding at every step. The
// explicit float64 conversion keeps Go from fusing the multiply-add, which V8
// on x64 does not do either.
func parseIntGeneric[T text](s T, radix int) float64 {
	const maxMultiplier = 0xFFFFFFFF / 36
	r := uint32(radix)
	result := 0.0
	i, n := 0, len(s)
	for done := false; !done; {
		part, multiplier := uint32(0), uint32(1)
		for {
			d := digitValue(s[i])
			if d >= radix {
				done = true
				break
			}
			m := multiplier * r
			if m > maxMultiplier {
				break
			}
			part = part*r + uint32(d)
			multiplier = m
			i++
			if i == n {
				done = true
				break
			}
		}
		result = float64(result*float64(multiplier)) + float64(part)
	}
	return result
}

// pow2ToDouble is V8's InternalStringToIntDouble<log2>: the leading run of
// digits of radix 1<<log2 as a double, rounded to nearest with ties to even.
// s must be non-empty. When allowJunk is false the whole of s must be digits
// (else NaN); otherwise conversion stops at the first non-digit.
func pow2ToDouble[T text](s T, log2 uint, allowJunk bool) float64 {
	radix := 1 << log2
	n := len(s)
	i := 0
	for i < n && s[i] == '0' {
		i++
	}
	var number int64
	for ; i < n; i++ {
		d := digitValue(s[i])
		if d >= radix {
			if allowJunk {
				break
			}
			return math.NaN()
		}
		number = number<<log2 + int64(d)
		overflow := number >> 53
		if overflow == 0 {
			continue
		}
		// More than 53 bits: keep the top 53, remember the dropped bits, and
		// count the remaining digits into the exponent.
		dropCount := bits.Len64(uint64(overflow))
		dropped := number & (1<<dropCount - 1)
		number >>= dropCount
		exponent := dropCount
		zeroTail := true
		for i++; i < n; i++ {
			if digitValue(s[i]) >= radix {
				break
			}
			zeroTail = zeroTail && s[i] == '0'
			exponent += int(log2)
		}
		if !allowJunk && i < n {
			return math.NaN()
		}
		middle := int64(1) << (dropCount - 1)
		if dropped > middle || (dropped == middle && (number&1 != 0 || !zeroTail)) {
			number++
		}
		if number&(1<<53) != 0 {
			exponent++
			number >>= 1
		}
		return math.Ldexp(float64(number), exponent)
	}
	return float64(number)
}
