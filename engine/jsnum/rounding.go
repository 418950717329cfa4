package jsnum

import (
	"math"
	"math/bits"
	"strconv"
)

// The fixed-count conversions (toFixed, toExponential, toPrecision) round the
// exact binary value of x, and an exact tie goes away from zero: ECMA-262
// says "if there are two such n, pick the larger n", and V8's fixed and
// bignum dtoa round half up. strconv rounds correctly but sends ties to even,
// so these helpers detect the exact ties (cheaply, from x's binary form) and
// round those up themselves.

// oddBinary returns m and e with |x| = m × 2^e and m odd (x finite, nonzero).
func oddBinary(x float64) (m uint64, e int) {
	b := math.Float64bits(x)
	exp := int(b>>52) & 0x7FF
	m = b & (1<<52 - 1)
	if exp == 0 {
		e = -1074
	} else {
		m |= 1 << 52
		e = exp - 1075
	}
	tz := bits.TrailingZeros64(m)
	return m >> tz, e + tz
}

// isHalfway reports whether |x| (finite, nonzero) lies exactly halfway
// between two multiples of 10^(r+1), that is whether |x| / 10^r is an integer
// ending in the digit 5. With |x| = m × 2^e, m odd: when e < 0 the exact
// decimal expansion of x ends with a 5 in the 10^e place, so the answer is
// r == e; when e >= 0, |x| / 10^e = m / 5^e must be an odd multiple of 5,
// which needs r == e and 5^(e+1) dividing m.
func isHalfway(x float64, r int) bool {
	m, e := oddBinary(x)
	if r != e {
		return false
	}
	if e < 0 {
		return true
	}
	if e+1 > 22 { // 5^23 > 2^53 > m
		return false
	}
	p := uint64(1)
	for k := 0; k <= e; k++ {
		p *= 5
	}
	return m%p == 0
}

// precisionDigits returns the first p (1..101) significant decimal digits of
// |x| (finite) rounded half up, and the decimal point position n: |x| ≈
// 0.d1..dp × 10^n. Zero gives p zeros and n = 1. buf must hold p+8 bytes.
// This is V8's DoubleToAscii(DTOA_PRECISION) with trailing zeros kept.
func precisionDigits(buf []byte, x float64, p int) ([]byte, int) {
	x = math.Abs(x)
	digits, n := splitExponential(strconv.AppendFloat(buf[:0], x, 'e', p-1, 64))
	if x == 0 || !isHalfway(x, n-1-p) {
		return digits, n
	}
	// An exact tie: p+1 digits are exact and end in 5; strconv may have
	// rounded down to even. (A tie whose rounding carries into a new decade
	// is not seen here, since n is then one too large; strconv rounds those
	// up too, the kept digit being an odd 9.)
	digits, n = splitExponential(strconv.AppendFloat(buf[:0], x, 'e', p, 64))
	digits = digits[:p]
	if incrementDigits(digits) {
		digits[0] = '1' // all nines became zeros
		n++
	}
	return digits, n
}

// fixedDigits appends |x| (finite, below 1e21) with f fraction digits (0..100),
// rounded half up: V8's DoubleToAscii(DTOA_FIXED) laid out as "int.frac".
func fixedDigits(dst []byte, x float64, f int) []byte {
	x = math.Abs(x)
	start := len(dst)
	if x == 0 || !isHalfway(x, -f-1) {
		return strconv.AppendFloat(dst, x, 'f', f, 64)
	}
	// An exact tie: f+1 fraction digits are exact and end in 5.
	dst = strconv.AppendFloat(dst, x, 'f', f+1, 64)
	dst = dst[:len(dst)-1]
	if f == 0 {
		dst = dst[:len(dst)-1] // the point
	}
	if incrementDigits(dst[start:]) {
		// Every digit was a nine: prefix a one ("9.5" -> "10").
		dst = append(dst, 0)
		copy(dst[start+1:], dst[start:])
		dst[start] = '1'
	}
	return dst
}

// incrementDigits adds one unit in the last place to an ASCII decimal (a
// decimal point is skipped) and reports whether it carried out of the first
// digit, leaving only zeros.
func incrementDigits(d []byte) bool {
	for i := len(d) - 1; i >= 0; i-- {
		switch d[i] {
		case '.':
			continue
		case '9':
			d[i] = '0'
		default:
			d[i]++
			return false
		}
	}
	return true
}
