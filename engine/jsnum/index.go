package jsnum

import "math"

// MaxArrayIndex is the largest array index, 2^32 - 2: an array's length is at
// most 2^32 - 1.
const MaxArrayIndex = 1<<32 - 2

// ArrayIndex reports whether s is an array index (ECMA-262 §6.1.7: a
// canonical numeric string whose value is an integer in 0..2^32-2) and
// returns its value. Canonical means the decimal digits with no sign, no
// leading zero (except "0" itself) and nothing else.
func ArrayIndex(s string) (uint32, bool) {
	n := len(s)
	if n == 0 || n > 10 || (s[0] == '0' && n > 1) {
		return 0, false
	}
	var v uint64
	for i := 0; i < n; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	if v > MaxArrayIndex {
		return 0, false
	}
	return uint32(v), true
}

// IsArrayIndex reports whether s is an array index (see ArrayIndex).
func IsArrayIndex(s string) bool {
	_, ok := ArrayIndex(s)
	return ok
}

// ArrayIndexUTF16 is ArrayIndex for UTF-16 code units.
func ArrayIndexUTF16(u []uint16) (uint32, bool) {
	n := len(u)
	if n == 0 || n > 10 || (u[0] == '0' && n > 1) {
		return 0, false
	}
	var v uint64
	for _, c := range u {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	if v > MaxArrayIndex {
		return 0, false
	}
	return uint32(v), true
}

// CanonicalNumericIndexString is ECMA-262 §7.1.21: "-0" is -0, and any s for
// which FormatNumber(StringToNumber(s)) == s is that number (NaN for "NaN",
// the infinities for "Infinity" and "-Infinity"); otherwise ok is false
// (undefined). Typed arrays treat every such string as an element key.
func CanonicalNumericIndexString(s string) (v float64, ok bool) {
	if len(s) == 0 {
		return 0, false
	}
	if c := s[0]; !(c >= '0' && c <= '9') && c != '-' && c != 'I' && c != 'N' {
		return 0, false // cheap rejection of ordinary property names
	}
	if s == "-0" {
		return math.Copysign(0, -1), true
	}
	if len(s) > 32 { // the longest ToString of a Number is 24 bytes
		return 0, false
	}
	v = StringToNumber(s)
	var buf [32]byte
	if string(AppendNumber(buf[:0], v)) != s {
		return 0, false
	}
	return v, true
}
