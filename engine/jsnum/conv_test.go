package jsnum

import (
	"math"
	"testing"
	"unicode/utf16"
)

// Hand-checked cases for what the oracle does not reach directly.

var negZero = math.Copysign(0, -1)

func TestIntegerConversions(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		x, doubleToInteger, toIntegerOrInfinity, toLength float64
	}{
		{0, 0, 0, 0},
		{negZero, negZero, 0, 0},
		{math.NaN(), 0, 0, 0},
		{-0.5, negZero, 0, 0},
		{0.5, 0, 0, 0},
		{2.9, 2, 2, 2},
		{-2.9, -2, -2, 0},
		{inf, inf, inf, MaxSafeInteger},
		{-inf, -inf, -inf, 0},
		{1 << 60, 1 << 60, 1 << 60, MaxSafeInteger},
		{MaxSafeInteger + 0.5, MaxSafeInteger + 0.5, MaxSafeInteger + 0.5, MaxSafeInteger}, // not a double: rounds
	} {
		if got := DoubleToInteger(c.x); !sameNumber(got, c.doubleToInteger) {
			t.Errorf("DoubleToInteger(%v) = %v, want %v", c.x, got, c.doubleToInteger)
		}
		if got := ToIntegerOrInfinity(c.x); !sameNumber(got, c.toIntegerOrInfinity) {
			t.Errorf("ToIntegerOrInfinity(%v) = %v, want %v", c.x, got, c.toIntegerOrInfinity)
		}
		if got := ToLength(c.x); !sameNumber(got, c.toLength) {
			t.Errorf("ToLength(%v) = %v, want %v", c.x, got, c.toLength)
		}
	}
	for _, c := range []struct {
		x, want float64
		ok      bool
	}{
		{0, 0, true}, {negZero, 0, true}, {-0.9, 0, true}, {math.NaN(), 0, true}, {3.7, 3, true},
		{-1, 0, false}, {MaxSafeInteger, MaxSafeInteger, true}, {MaxSafeInteger + 1, 0, false},
		{math.Inf(1), 0, false},
	} {
		got, ok := ToIndex(c.x)
		if ok != c.ok || !sameNumber(got, c.want) {
			t.Errorf("ToIndex(%v) = %v, %v; want %v, %v", c.x, got, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct{ x, length, want float64 }{
		{0, 5, 0}, {2, 5, 2}, {7, 5, 5}, {-1, 5, 4}, {-7, 5, 0}, {math.Inf(-1), 5, 0},
		{math.Inf(1), 5, 5}, {math.NaN(), 5, 0}, {-0.5, 5, 0},
	} {
		if got := ToRelativeIndex(c.x, c.length); !sameNumber(got, c.want) {
			t.Errorf("ToRelativeIndex(%v, %v) = %v, want %v", c.x, c.length, got, c.want)
		}
	}
}

func TestClampDigits(t *testing.T) {
	for _, c := range []struct {
		d    float64
		want int
	}{
		{0, 0}, {100, 100}, {101, 101}, {1e300, 101}, {math.Inf(1), 101},
		{-1, -2}, {math.Inf(-1), -2}, {math.NaN(), 0}, {7, 7},
	} {
		if got := ClampDigits(c.d); got != c.want {
			t.Errorf("ClampDigits(%v) = %d, want %d", c.d, got, c.want)
		}
	}
}

// TestRangeErrorOrder checks which comes first, the range check or the
// non-finite answer: toFixed checks its digits first, the others last.
func TestRangeErrorOrder(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(-1)
	if _, err := ToFixed(nan, 101); err != ErrFixedDigits {
		t.Errorf("ToFixed(NaN, 101) error %v, want %v", err, ErrFixedDigits)
	}
	if s, err := ToFixed(inf, 2); s != "-Infinity" || err != nil {
		t.Errorf("ToFixed(-Infinity, 2) = %q, %v", s, err)
	}
	if s, err := ToExponential(nan, 101); s != "NaN" || err != nil {
		t.Errorf("ToExponential(NaN, 101) = %q, %v", s, err)
	}
	if s, err := ToPrecision(inf, 0); s != "-Infinity" || err != nil {
		t.Errorf("ToPrecision(-Infinity, 0) = %q, %v", s, err)
	}
	if _, err := ToExponential(1, -2); err != ErrExponentialDigits {
		t.Errorf("ToExponential(1, -2) error %v", err)
	}
	if _, err := ToPrecision(1, 0); err != ErrPrecisionDigits {
		t.Errorf("ToPrecision(1, 0) error %v", err)
	}
}

func TestRadixPanics(t *testing.T) {
	for _, r := range []int{0, 1, 37} {
		func() {
			defer func() {
				if e := recover(); e != ErrRadix {
					t.Errorf("FormatRadix(1, %d) panicked with %v, want ErrRadix", r, e)
				}
			}()
			FormatRadix(1, r)
		}()
	}
}

func TestWhiteSpace(t *testing.T) {
	ws := "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
	for _, r := range ws {
		if !IsWhiteSpaceOrLineTerminator(r) {
			t.Errorf("U+%04X is whitespace", r)
		}
	}
	for _, r := range "\u180e\u200b\u0085\u00ad\x00\x1c\u2060\U0001F600a0" {
		if IsWhiteSpaceOrLineTerminator(r) {
			t.Errorf("U+%04X is not whitespace", r)
		}
	}
}

// TestEncodings covers what JSON cannot carry to the oracle: lone surrogates,
// invalid UTF-8 and Latin-1 bytes.
func TestEncodings(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"UTF16 lone surrogate", StringToNumberUTF16([]uint16{0xD800}), nan},
		{"UTF16 digit, lone surrogate", StringToNumberUTF16([]uint16{'1', 0xDC00}), nan},
		{"UTF16 parseFloat before surrogate", ParseFloatUTF16([]uint16{'1', '.', '5', 0xD800}), 1.5},
		{"UTF16 parseInt before surrogate", ParseIntUTF16([]uint16{'7', 0xD800}, 0), 7},
		{"UTF16 NBSP", StringToNumberUTF16([]uint16{0xA0, '2', 0x3000}), 2},
		{"UTF16 long", StringToNumberUTF16(utf16.Encode([]rune("  123456789012345678901234567890123456789012345678901234567890123456789e-60"))), 123456789.01234567},
		{"UTF-8 invalid", StringToNumber("1\xff"), nan},
		{"UTF-8 invalid parseFloat", ParseFloat("1\xff"), 1},
		{"UTF-8 byte A0 is no NBSP", StringToNumber("\xa01"), nan},
		{"Latin-1 NBSP", StringToNumberLatin1([]byte{0xA0, '1', 0xA0}), 1},
		{"Latin-1 junk", StringToNumberLatin1([]byte{'1', 0xE9}), nan},
		{"Latin-1 parseInt", ParseIntLatin1([]byte{0xA0, 'f', 'f', 0xE9}, 16), 255},
	} {
		if !sameNumber(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestAllocations(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"FormatNumber(42)", func() { sinkString = FormatNumber(42) }},
		{"StringToNumber(123.456)", func() { sinkFloat = StringToNumber("123.456") }},
		{"StringToNumber( 1e21 )", func() { sinkFloat = StringToNumber(" 1e21 ") }},
		{"ParseFloat(3.25px)", func() { sinkFloat = ParseFloat("3.25px") }},
		{"ParseInt(0x1F)", func() { sinkFloat = ParseInt("0x1F", 0) }},
		{"CanonicalNumericIndexString(1.5)", func() { sinkFloat, _ = CanonicalNumericIndexString("1.5") }},
	} {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, n)
		}
	}
}
