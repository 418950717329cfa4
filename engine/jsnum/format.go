package jsnum

import (
	"math"
	"strconv"
)

// FormatNumber returns Number::toString(x) with radix 10 (ECMA-262
// §6.1.6.1.20), which is ToString of a Number and String(x): the shortest
// decimal digits that round-trip to x (the closest such digits, as V8's
// DoubleToAscii(DTOA_SHORTEST) picks them), written in plain notation when x
// is 0 or 1e-6 <= |x| < 1e21 ("123.456", "0.000001", "100000000000000000000")
// and as "d.ddde±n" otherwise ("1e+21", "1.5e-7"). NaN, Infinity and -Infinity print
// by name, and -0 prints as "0".
func FormatNumber(x float64) string {
	if i := int64(x); float64(i) == x && i > -maxExact && i < maxExact {
		return strconv.FormatInt(i, 10) // no allocation below 100
	}
	var buf [32]byte
	return string(AppendNumber(buf[:0], x))
}

// maxExact is 2^53: every integer of smaller magnitude is a double, prints
// with all its digits, and converts to and from int64 exactly.
const maxExact = 1 << 53

// AppendNumber appends FormatNumber(x) to dst.
func AppendNumber(dst []byte, x float64) []byte {
	if i := int64(x); float64(i) == x && i > -maxExact && i < maxExact {
		return strconv.AppendInt(dst, i, 10)
	}
	switch {
	case x != x:
		return append(dst, "NaN"...)
	case math.IsInf(x, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(x, -1):
		return append(dst, "-Infinity"...)
	}
	if x < 0 {
		dst = append(dst, '-')
	}
	var buf [32]byte
	digits, point := shortestDigits(buf[:], x)
	return appendShortest(dst, digits, point)
}

// appendShortest lays out digits d1..dk with decimal point position n (the
// value is 0.d1..dk × 10^n) by the rules of Number::toString steps 6-10.
func appendShortest(dst, digits []byte, n int) []byte {
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		dst = append(dst, digits...)
		return appendZeros(dst, n-k)
	case 0 < n && n <= 21:
		dst = append(dst, digits[:n]...)
		dst = append(dst, '.')
		return append(dst, digits[n:]...)
	case -6 < n && n <= 0:
		dst = append(dst, '0', '.')
		dst = appendZeros(dst, -n)
		return append(dst, digits...)
	}
	dst = append(dst, digits[0])
	if k > 1 {
		dst = append(dst, '.')
		dst = append(dst, digits[1:]...)
	}
	return appendExponent(dst, n-1)
}

// appendExponent appends "e+n" or "e-n".
func appendExponent(dst []byte, e int) []byte {
	if e < 0 {
		dst = append(dst, 'e', '-')
		e = -e
	} else {
		dst = append(dst, 'e', '+')
	}
	return strconv.AppendInt(dst, int64(e), 10)
}

func appendZeros(dst []byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, '0')
	}
	return dst
}

// shortestDigits returns the shortest decimal digits that uniquely identify
// |x| (finite, nonzero), choosing the closest such digits, as V8's
// DoubleToAscii(DTOA_SHORTEST) does, and the decimal point position n:
// |x| ≈ 0.d1d2… × 10^n. buf (at least 32 bytes) holds the digits.
func shortestDigits(buf []byte, x float64) ([]byte, int) {
	return splitExponential(strconv.AppendFloat(buf[:0], math.Abs(x), 'e', -1, 64))
}

// splitExponential takes strconv's 'e' output "d.ddde±XX" (or "de±XX") and
// returns its digits, compacted in place, and the decimal point position
// (the exponent plus one).
func splitExponential(b []byte) ([]byte, int) {
	e := len(b) - 1
	for b[e] != 'e' {
		e--
	}
	exp := 0
	for _, c := range b[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if b[e+1] == '-' {
		exp = -exp
	}
	nd := 1
	if e > 1 {
		nd = copy(b[1:], b[2:e]) + 1
	}
	return b[:nd], exp + 1
}
