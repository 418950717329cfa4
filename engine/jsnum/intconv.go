package jsnum

import "math"

// DoubleToInteger is V8's DoubleToInteger: NaN becomes 0, the infinities stay,
// and finite values are truncated toward zero (so -0.5 gives -0). It is
// ToIntegerOrInfinity before the mathematical value drops the sign of zero.
func DoubleToInteger(x float64) float64 {
	if x != x {
		return 0
	}
	return math.Trunc(x)
}

// ToIntegerOrInfinity is ECMA-262 §7.1.5 ToIntegerOrInfinity of a Number:
// NaN and ±0 give +0, the infinities stay, and other values are truncated
// toward zero. The result is never -0.
func ToIntegerOrInfinity(x float64) float64 {
	if x != x {
		return 0
	}
	return math.Trunc(x) + 0 // + 0 turns -0 into +0
}

// ToUint32 is ECMA-262 §7.1.7 ToUint32 of a Number: NaN, ±0 and the
// infinities give 0; other values are truncated and taken modulo 2^32.
func ToUint32(x float64) uint32 {
	if a := math.Abs(x); a < 1<<63 {
		return uint32(int64(x)) // truncates; NaN fails the comparison
	} else if a == math.Inf(1) || x != x {
		return 0
	}
	// |x| >= 2^63 is an integer m × 2^s with s >= 11; only the bits of m
	// shifted into the low 32 remain.
	b := math.Float64bits(x)
	m := b&(1<<52-1) | 1<<52
	s := int(b>>52&0x7FF) - 1075
	v := uint32(m << uint(s)) // 0 once s >= 64
	if x < 0 {
		v = -v
	}
	return v
}

// ToInt32 is ECMA-262 §7.1.6 ToInt32 of a Number: ToUint32 read as a signed
// 32-bit integer. This is what x | 0 computes.
func ToInt32(x float64) int32 {
	if i := int32(x); float64(i) == x {
		return i
	}
	return int32(ToUint32(x))
}

// ToUint16 is ECMA-262 §7.1.9 ToUint16 of a Number (String.fromCharCode).
func ToUint16(x float64) uint16 { return uint16(ToUint32(x)) }

// ToInt16 is ECMA-262 §7.1.8 ToInt16 of a Number (Int16Array).
func ToInt16(x float64) int16 { return int16(ToUint32(x)) }

// ToUint8 is ECMA-262 §7.1.11 ToUint8 of a Number (Uint8Array).
func ToUint8(x float64) uint8 { return uint8(ToUint32(x)) }

// ToInt8 is ECMA-262 §7.1.10 ToInt8 of a Number (Int8Array).
func ToInt8(x float64) int8 { return int8(ToUint32(x)) }

// ToUint8Clamp is ECMA-262 §7.1.12 ToUint8Clamp of a Number
// (Uint8ClampedArray): NaN gives 0, values are clamped to 0..255 and rounded
// to nearest, ties to even.
func ToUint8Clamp(x float64) uint8 {
	switch {
	case !(x > 0): // NaN too
		return 0
	case x >= 255:
		return 255
	}
	return uint8(math.RoundToEven(x))
}

// MaxSafeInteger is 2^53 - 1, Number.MAX_SAFE_INTEGER, the largest length.
const MaxSafeInteger = 1<<53 - 1

// ToLength is ECMA-262 §7.1.20 ToLength of a Number: ToIntegerOrInfinity
// clamped to 0..2^53-1.
func ToLength(x float64) float64 {
	switch {
	case !(x > 0): // NaN, zeros, negatives
		return 0
	case x >= MaxSafeInteger:
		return MaxSafeInteger
	}
	return math.Trunc(x)
}

// ToIndex is ECMA-262 §7.1.22 ToIndex of a Number (undefined is 0, the
// caller's to convert): ToIntegerOrInfinity, which must lie in 0..2^53-1. ok is
// false where JavaScript throws a RangeError; the message depends on the
// caller ("Invalid typed array length: ...", "Invalid DataView ...").
func ToIndex(x float64) (index float64, ok bool) {
	i := ToIntegerOrInfinity(x)
	if i < 0 || i > MaxSafeInteger {
		return 0, false
	}
	return i, true
}

// ToRelativeIndex is the relative-index step shared by Array.prototype.slice,
// splice, at, fill, copyWithin and their kin: ToIntegerOrInfinity(x) counted
// from the end when negative, clamped to 0..length.
func ToRelativeIndex(x, length float64) float64 {
	i := ToIntegerOrInfinity(x)
	if i < 0 {
		return math.Max(length+i, 0)
	}
	return math.Min(i, length)
}
