package jsnum

import "math"

// RangeError is the message of a RangeError that a conversion throws, in
// V8's words. It is a string constant type, so the errors below are
// immutable and compare with ==.
type RangeError string

func (e RangeError) Error() string { return string(e) }

// The RangeErrors of Number.prototype.toFixed, toExponential and toPrecision.
const (
	ErrFixedDigits       RangeError = "toFixed() digits argument must be between 0 and 100"
	ErrExponentialDigits RangeError = "toExponential() argument must be between 0 and 100"
	ErrPrecisionDigits   RangeError = "toPrecision() argument must be between 1 and 100"
)

// ExponentialShortest is the fractionDigits that ToExponential takes for an
// undefined argument: as many digits as needed to identify x.
const ExponentialShortest = -1

// ClampDigits turns ToIntegerOrInfinity of a digits argument into the int that
// ToFixed, ToExponential and ToPrecision take, keeping its range verdict: a
// negative value (-Infinity included) becomes -2, which every one of them
// rejects and which cannot be mistaken for ExponentialShortest, and a value
// above 100 (+Infinity included) becomes 101.
func ClampDigits(d float64) int {
	switch {
	case d != d:
		return 0 // ToIntegerOrInfinity(NaN)
	case d < 0:
		return -2
	case d > 100:
		return 101
	}
	return int(d)
}

// ToFixed is Number.prototype.toFixed(fractionDigits) (ECMA-262 §21.1.3.3)
// for x and f = ToIntegerOrInfinity(fractionDigits) (see ClampDigits): the
// RangeError ErrFixedDigits unless 0 <= f <= 100; NaN and the infinities
// print by name; |x| >= 1e21 prints as FormatNumber(x); otherwise x rounded
// exactly to f fraction digits, halfway cases away from zero, with a "-" for
// negative x (even if it rounds to zero; -0 has none).
func ToFixed(x float64, f int) (string, error) {
	if f < 0 || f > 100 {
		return "", ErrFixedDigits
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1e21 {
		return FormatNumber(x), nil
	}
	var buf [160]byte
	b := buf[:0]
	if x < 0 {
		b = append(b, '-')
	}
	return string(fixedDigits(b, x, f)), nil
}

// ToExponential is Number.prototype.toExponential(fractionDigits) (ECMA-262
// §21.1.3.2) for x and f = ToIntegerOrInfinity(fractionDigits) (see
// ClampDigits), or ExponentialShortest when fractionDigits is undefined: NaN
// and the infinities print by name (before the range check), then the
// RangeError ErrExponentialDigits unless 0 <= f <= 100; otherwise
// "d.ddde±n" with f fraction digits, rounded exactly, halfway cases away from
// zero, or with the shortest round-trip digits for ExponentialShortest.
func ToExponential(x float64, f int) (string, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return FormatNumber(x), nil
	}
	if f < ExponentialShortest || f > 100 {
		return "", ErrExponentialDigits
	}
	var dbuf [112]byte
	var digits []byte
	var n int
	switch {
	case f != ExponentialShortest:
		digits, n = precisionDigits(dbuf[:], x, f+1)
	case x == 0:
		digits, n = append(dbuf[:0], '0'), 1
	default:
		digits, n = shortestDigits(dbuf[:], x)
	}
	var buf [128]byte
	b := buf[:0]
	if x < 0 {
		b = append(b, '-')
	}
	return string(appendExponential(b, digits, n)), nil
}

// appendExponential writes d1[.d2..dk]e±(n-1).
func appendExponential(b, digits []byte, n int) []byte {
	b = append(b, digits[0])
	if len(digits) > 1 {
		b = append(b, '.')
		b = append(b, digits[1:]...)
	}
	return appendExponent(b, n-1)
}

// ToPrecision is Number.prototype.toPrecision(precision) (ECMA-262
// §21.1.3.5) for x and p = ToIntegerOrInfinity(precision) (see ClampDigits);
// an undefined precision is FormatNumber(x) and is the caller's to handle.
// NaN and the infinities print by name (before the range check), then the
// RangeError ErrPrecisionDigits unless 1 <= p <= 100; otherwise x rounded
// exactly to p significant digits, halfway cases away from zero, in fixed
// notation when its decimal exponent e satisfies -6 <= e < p and as
// "d.ddde±n" otherwise.
func ToPrecision(x float64, p int) (string, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return FormatNumber(x), nil
	}
	if p < 1 || p > 100 {
		return "", ErrPrecisionDigits
	}
	var dbuf [112]byte
	digits, n := precisionDigits(dbuf[:], x, p)
	var buf [128]byte
	b := buf[:0]
	if x < 0 {
		b = append(b, '-')
	}
	if e := n - 1; e < -6 || e >= p {
		return string(appendExponential(b, digits, n)), nil
	}
	if n <= 0 {
		b = append(b, '0', '.')
		b = appendZeros(b, -n)
		b = append(b, digits...)
	} else {
		b = append(b, digits[:n]...)
		if n < p {
			b = append(b, '.')
			b = append(b, digits[n:]...)
		}
	}
	return string(b), nil
}
