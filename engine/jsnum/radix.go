package jsnum

import (
	"math"
	"strconv"
)

// ErrRadix is the RangeError Number.prototype.toString and
// BigInt.prototype.toString throw for a radix outside 2..36.
const ErrRadix RangeError = "toString() radix argument must be between 2 and 36"

const digitChars = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatRadix returns Number.prototype.toString(radix) for x (ECMA-262
// §21.1.3.6 with Number::toString(x, radix)). Radix 10 is FormatNumber; the
// other radices give what V8's DoubleToRadixCString gives: -0 is "0", NaN and
// the infinities print by name, integers below 2^53 exactly, and fractions
// digit by digit until the digits identify x among its neighbouring doubles
// (V8's delta algorithm, rounding the last digit half to even). Integer parts
// of 2^53 and more are V8's approximation: repeated division by the radix in
// doubles, with the unrepresented low digits written as zeros.
//
// The caller checks the radix; FormatRadix panics with ErrRadix outside 2..36.
func FormatRadix(x float64, radix int) string {
	if radix < 2 || radix > 36 {
		panic(ErrRadix)
	}
	if radix == 10 {
		return FormatNumber(x)
	}
	if i := int64(x); float64(i) == x && i > -maxExact && i < maxExact {
		return strconv.FormatInt(i, radix) // "0" for -0 too
	}
	switch {
	case x != x:
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	}
	return doubleToRadix(x, radix)
}

// doubleToRadix is V8's DoubleToRadixCString for finite nonzero x. Products
// are wrapped in float64() so that Go cannot fuse them into multiply-adds:
// the result depends on every intermediate rounding.
func doubleToRadix(value float64, radix int) string {
	// The integer part is written leftwards from the middle, the fraction
	// rightwards: 1075 digits each way is the most a double can need.
	const bufSize = 2200
	var buf [bufSize]byte
	intCursor := bufSize / 2
	fracCursor := intCursor
	r := float64(radix)

	negative := value < 0
	if negative {
		value = -value
	}
	integer := math.Floor(value)
	fraction := value - integer
	// Only compute fraction digits up to the input double's precision.
	delta := 0.5 * (math.Nextafter(value, math.Inf(1)) - value)
	delta = math.Max(math.SmallestNonzeroFloat64, delta)
	if fraction >= delta {
		buf[fracCursor] = '.'
		fracCursor++
		for {
			fraction = float64(fraction * r)
			delta = float64(delta * r)
			digit := int(fraction)
			buf[fracCursor] = digitChars[digit]
			fracCursor++
			fraction -= float64(digit)
			// Round to even.
			if fraction > 0.5 || (fraction == 0.5 && digit&1 != 0) {
				if fraction+delta > 1 {
					// Carry into the digits already written.
					for {
						fracCursor--
						if fracCursor == bufSize/2 {
							// Carry into the integer part; the point goes.
							integer++
							break
						}
						c := buf[fracCursor]
						d := int(c - '0')
						if c > '9' {
							d = int(c-'a') + 10
						}
						if d+1 < radix {
							buf[fracCursor] = digitChars[d+1]
							fracCursor++
							break
						}
					}
					break
				}
			}
			if fraction < delta {
				break
			}
		}
	}

	// Integer digits. Digits beyond the double's precision are zeros.
	for integer/r >= maxExact {
		integer /= r
		intCursor--
		buf[intCursor] = '0'
	}
	for {
		rem := math.Mod(integer, r)
		intCursor--
		buf[intCursor] = digitChars[int(rem)]
		integer = (integer - rem) / r
		if integer <= 0 {
			break
		}
	}
	if negative {
		intCursor--
		buf[intCursor] = '-'
	}
	return string(buf[intCursor:fracCursor])
}
