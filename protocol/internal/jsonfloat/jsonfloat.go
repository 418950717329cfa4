// Package jsonfloat writes JSON numbers the way V8's inspector does, so that
// a float64 protocol member reads the same on the wire from Sonde as from
// node: 1795250282867.487, not 1.795250282867487e+12.
//
// The generated easyjson code of the domain packages calls Write for every
// float64 (the generator rewrites easyjson's out.Float64 calls; see package
// protocol, "Fix-ups").
package jsonfloat

import (
	"math"
	"strconv"

	"github.com/mailru/easyjson/jwriter"
)

// Write appends f to w. See Append.
//
// Hot path: keep allocation-free, see BenchmarkWrite.
func Write(w *jwriter.Writer, f float64) {
	w.Buffer.EnsureSpace(32)
	w.Buffer.Buf = Append(w.Buffer.Buf, f)
}

// Append appends the JSON text of f to dst, as V8's protocol encoder
// (crdtp's JSON writer) writes a double:
//
//   - NaN and ±Infinity, which JSON cannot represent, are null;
//   - an integral value within the int64 range is written as an integer
//     (-0 is 0);
//   - any other value is written as JavaScript's Number.prototype.toString
//     does: the shortest digits that read back as f, in positional notation
//     when the decimal exponent is in [-7, 21), else as d.ddde±x.
func Append(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return append(dst, "null"...)
	case f >= math.MinInt64 && f < math.MaxInt64 && math.Floor(f) == f:
		return strconv.AppendInt(dst, int64(f), 10)
	}
	if f < 0 {
		dst = append(dst, '-')
		f = -f
	}
	// Shortest round-trip digits in scientific form: d[.ddd]e±xx.
	var tmp [32]byte
	s := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	var digits [24]byte
	k := 0
	i := 0
	for ; s[i] != 'e'; i++ {
		if s[i] != '.' {
			digits[k] = s[i]
			k++
		}
	}
	exp := 0
	neg := s[i+1] == '-'
	for _, c := range s[i+2:] {
		exp = exp*10 + int(c-'0')
	}
	if neg {
		exp = -exp
	}
	n := exp + 1 // f = 0.d1d2…dk × 10^n
	d := digits[:k]
	switch {
	case k <= n && n <= 21:
		dst = append(dst, d...)
		for j := k; j < n; j++ {
			dst = append(dst, '0')
		}
	case 0 < n && n <= 21:
		dst = append(dst, d[:n]...)
		dst = append(dst, '.')
		dst = append(dst, d[n:]...)
	case -6 < n && n <= 0:
		dst = append(dst, '0', '.')
		for j := n; j < 0; j++ {
			dst = append(dst, '0')
		}
		dst = append(dst, d...)
	default:
		dst = append(dst, d[0])
		if k > 1 {
			dst = append(dst, '.')
			dst = append(dst, d[1:]...)
		}
		dst = append(dst, 'e')
		if n-1 < 0 {
			dst = append(dst, '-')
			dst = strconv.AppendInt(dst, int64(1-n), 10)
		} else {
			dst = append(dst, '+')
			dst = strconv.AppendInt(dst, int64(n-1), 10)
		}
	}
	return dst
}
