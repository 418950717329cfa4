package ast

import (
	"math"
	"strconv"
	"strings"
)

// NumberToString formats f as ECMAScript's Number::toString(10) does:
// shortest round-tripping digits, plain notation for 1e-7 <= |f| < 1e21,
// exponent notation ("1e+21", "1.5e-7") otherwise. Property keys such as
// `{1.50: x}` ("1.5") need it.
func NumberToString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case f == 0:
		return "0"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	if f < 0 {
		return "-" + NumberToString(-f)
	}
	// digits × 10^(n-k): s is the shortest digit string, n the exponent
	// such that the value is 0.s × 10^n.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expStr)
	k := len(digits)
	n := exp + 1
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	sign := "+"
	if n-1 < 0 {
		sign = "-"
	}
	ex := n - 1
	if ex < 0 {
		ex = -ex
	}
	if k == 1 {
		return digits + "e" + sign + strconv.Itoa(ex)
	}
	return digits[:1] + "." + digits[1:] + "e" + sign + strconv.Itoa(ex)
}
